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
    // page with its programme and species links (1) + the cited documents (1)
    query: (n) =>
      `{ activities(first: ${n}) { nodes { key programme { node { key } } taxa { node { key } } provenance { citations { document { key } } } } } }`,
    bound: 2,
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
    // page with the listings and the activities (1) + the activities' programmes (1)
    query: (n) =>
      `{ taxa(first: ${n}) { nodes { key listings { appendix convention { key } } activities { node { key programme { node { key } } } } } } }`,
    bound: 2,
  },
  {
    name: 'generic links two levels deep',
    // page with its links (1) + links of the linked entities (1)
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

describe('a lookup or a page and the relationship fields right below it', () => {
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

  it('through fragments too; lists that grow come as the page asked of them, deeper fields keep their batched statement', async () => {
    const GROWING =
      'activities(first: 2) { node { key taxa { node { key } } } } activitiesConnection(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { node { key } } }';
    const answer = await run(
      `{ workProgrammes(first: 30) { nodes { key ...Parts ... on WorkProgramme { conventions { node { key } } } } } } fragment Parts on WorkProgramme { approvedBy { node { key } } ${GROWING} }`,
    );
    expect(answer.errors).toBeUndefined();
    // The page brings every field right below it (counts too); only the activities' taxa, a level down, are batched.
    expect(answer.statements).toEqual(['entities/pageByKey', 'entities/links']);
    const programmes = answer.data.workProgrammes.nodes;
    const busy = programmes.find((p: { activitiesConnection: { totalCount: number } }) => p.activitiesConnection.totalCount > 2);
    expect(busy).toBeDefined();
    expect(busy.activitiesConnection.pageInfo.hasNextPage).toBe(true);
    expect(busy.activities).toHaveLength(2);

    // Each field by its own loader (through the Entity interface nothing is prefetched) answers the same.
    const plain = await run(
      `{ entity(key: "${busy.key}") { key ... on WorkProgramme { approvedBy { node { key } } ${GROWING} conventions { node { key } } } } }`,
    );
    expect(plain.errors).toBeUndefined();
    expect(plain.statements.filter((s: string) => s === 'entities/linkCounts')).toHaveLength(1);
    expect(busy).toEqual(plain.data.entity);

    // A lookup brings them too; a connection asked from a cursor keeps its own statements.
    const lookup = await run(`{ workProgramme(key: "${busy.key}") { key approvedBy { node { key } } ${GROWING} conventions { node { key } } } }`);
    expect(lookup.statements).toEqual(['entities/byIds', 'entities/links']);
    expect(lookup.data.workProgramme).toEqual(plain.data.entity);
    const cursor = busy.activitiesConnection.pageInfo.endCursor;
    const next = await run(
      `{ workProgramme(key: "${busy.key}") { activitiesConnection(first: 1, after: "${cursor}") { totalCount nodes { node { key } } } } }`,
    );
    expect(next.statements).toEqual(['entities/byIds', 'entities/links', 'entities/linkCounts']);
    expect(next.data.workProgramme.activitiesConnection.totalCount).toBe(busy.activitiesConnection.totalCount);
  });
});

describe("an Aichi Target's lookup and its contributions (the analyst's question)", () => {
  const CONTRIBUTIONS =
    'route basis foundation rationale activity { key name status } objective { key } programme { key name } plan { key } species { scientificName } steps { type fromKey toKey provenance { basis citations { documentKey locator quote } } }';

  it('cost one round trip, and answer what the target and its field answer apart', async () => {
    const query = (target: string) => `{ ${target} { key number name contributions(first: 15, includeInherited: true) { ${CONTRIBUTIONS} } } }`;
    const lookup = await run(query('aichiTarget(key: "aichi-target-12")'));
    expect(lookup.errors).toBeUndefined();
    expect(lookup.statements).toEqual(['analysis/targetsWithContributions']);
    const contributions = lookup.data.aichiTarget.contributions;
    expect(contributions.length).toBeGreaterThan(5);
    expect(new Set(contributions.map((c: { route: string }) => c.route)).size).toBeGreaterThan(1);

    // Through the Entity interface the target comes alone and the field has its own statement: the same answer.
    const plain = await run(
      `{ entity(key: "aichi-target-12") { ... on AichiTarget { key number name contributions(first: 15, includeInherited: true) { ${CONTRIBUTIONS} } } } }`,
    );
    expect(plain.statements).toEqual(['entities/byIds', 'analysis/contributionsByTargetIds']);
    expect(lookup.data.aichiTarget).toEqual(plain.data.entity);
  });

  it('keep their own statement when asked twice or wrongly, and answer as before', async () => {
    const twice = await run(
      '{ aichiTarget(key: "aichi-target-12") { few: contributions(first: 2) { activity { key } } more: contributions(first: 4) { activity { key } } } }',
    );
    expect(twice.errors).toBeUndefined();
    expect(twice.statements[0]).toBe('entities/byIds');
    expect(twice.data.aichiTarget.more).toHaveLength(4);
    expect(twice.data.aichiTarget.few).toEqual(twice.data.aichiTarget.more.slice(0, 2));

    const wrong = await run('{ aichiTarget(key: "aichi-target-12") { number contributions(first: 0) { route } } }');
    expect(wrong.errors?.[0]?.path).toEqual(['aichiTarget', 'contributions']);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // Another kind's key is NOT_FOUND, as any lookup of the wrong kind.
    const other = await run(`{ aichiTarget(key: "cites") { contributions { route } } }`);
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
