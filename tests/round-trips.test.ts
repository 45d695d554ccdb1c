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
    // page with the programme links (fixed size: fetched with the page) (1) + species links (1) + cited documents (1)
    query: (n) =>
      `{ activities(first: ${n}) { nodes { key programme { node { key } } taxa { node { key } } provenance { citations { document { key } } } } } }`,
    bound: 3,
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
    // page with the listings (fixed size) (1) + activities (1) + their programmes (1)
    query: (n) =>
      `{ taxa(first: ${n}) { nodes { key listings { appendix convention { key } } activities { node { key programme { node { key } } } } } } }`,
    bound: 3,
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

describe('a lookup or a page and its fixed-size relationship fields', () => {
  // Fixed-size fields (a declared maximum) come with the entity; fields that can grow keep their own statement.
  const FIELDS =
    'key name approvedBy { node { key name startDate } relationship { type provenance { basis citations { documentKey } } } } conventions { node { key } }';

  it('cost one round trip, and answer what the fields alone answer', async () => {
    const page = await run(`{ workProgrammes(first: 30) { edges { node { ${FIELDS} } } } }`);
    expect(page.errors).toBeUndefined();
    expect(page.roundTrips).toBe(1);
    const programmes = page.data.workProgrammes.edges.map((e: { node: { key: string } }) => e.node);
    const approved = programmes.filter((p: { approvedBy: unknown[] }) => p.approvedBy.length > 1);
    expect(approved.length).toBeGreaterThan(0);

    const key = approved[0].key;
    const lookup = await run(`{ workProgramme(key: "${key}") { ${FIELDS} } }`);
    expect(lookup.errors).toBeUndefined();
    expect(lookup.roundTrips).toBe(1);
    // Through the Entity interface nothing is prefetched: the entity, then each field by its own loader.
    const plain = await run(`{ entity(key: "${key}") { ... on WorkProgramme { ${FIELDS} } } }`);
    expect(plain.roundTrips).toBeGreaterThan(1);
    expect(lookup.data.workProgramme).toEqual(plain.data.entity);
    expect(programmes.find((p: { key: string }) => p.key === key)).toEqual(plain.data.entity);
  });

  it('through fragments too, and a field that can grow keeps its own batched statement', async () => {
    const answer = await run(
      '{ workProgrammes(first: 30) { nodes { ...Parts ... on WorkProgramme { conventions { node { key } } } activities { node { key } } } } } fragment Parts on WorkProgramme { approvedBy { node { key } } }',
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.statements).toEqual(['entities/pageByKey', 'entities/links']);
    expect(
      answer.data.workProgrammes.nodes.some(
        (p: { approvedBy: unknown[]; conventions: unknown[] }) => p.approvedBy.length > 0 && p.conventions.length > 0,
      ),
    ).toBe(true);
  });
});
