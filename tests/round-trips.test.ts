/**
 * DataLoaders batch each level of a query into one Cypher round trip per kind of relationship asked:
 * the count follows the depth and shape of the query, never the number of results.
 */
import { describe, expect, it } from 'vitest';
import { useApi } from './support/api.js';

const run = useApi();

const OPERATIONS: { name: string; query: (n: number) => string; bound: number }[] = [
  {
    name: 'a portal page of activities with programme, species and cited documents',
    // page (1) + programme links and species links (2) + cited documents (1)
    query: (n) =>
      `{ activities(first: ${n}) { nodes { key programme { node { key } } taxa { node { key } } provenance { citations { document { key } } } } } }`,
    bound: 4,
  },
  {
    name: 'the analyst query: contributions of targets and, back, every target of those activities',
    // page of targets (1) + contributions (1) + the activities' own contributions (1)
    query: (n) =>
      `{ aichiTargets(first: ${n}) { nodes { key contributions(first: 10) { route activity { key targetContributions { target { key } } } steps { type } } } } }`,
    bound: 3,
  },
  {
    name: 'taxa with their listings and the programmes of the activities concerning them',
    // page (1) + listings (1) + activities (1) + their programmes (1)
    query: (n) =>
      `{ taxa(first: ${n}) { nodes { key listings { appendix convention { key } } activities { node { key programme { node { key } } } } } } }`,
    bound: 4,
  },
  {
    name: 'generic links two levels deep',
    // page (1) + links (1) + links of the linked entities (1)
    query: (n) => `{ workProgrammes(first: ${n}) { nodes { key links(first: 10) { node { key links(first: 10) { node { key } } } } } } }`,
    bound: 3,
  },
];

describe('Cypher round trips per operation', () => {
  it.each(OPERATIONS)('$name: bounded by depth, not by results', async ({ query, bound }) => {
    const one = await run(query(1));
    const many = await run(query(20));
    expect(one.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    // Many more entities than round trips: the batching, not the data, sets the count.
    const entities = (JSON.stringify(many.data).match(/"key":/g) ?? []).length;
    expect(entities).toBeGreaterThan(5 * bound);
    expect(entities).toBeGreaterThan((JSON.stringify(one.data).match(/"key":/g) ?? []).length);
    expect(many.roundTrips).toBeLessThanOrEqual(bound);
    expect(one.roundTrips).toBeLessThanOrEqual(many.roundTrips);
    console.log(`${many.roundTrips} round trips (${many.statements.join(', ')})`);
  });
});
