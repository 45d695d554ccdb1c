/**
 * The fixed workload of the benchmark: each operation as our GraphQL, the @neo4j/graphql peer's GraphQL
 * (null where the peer cannot express it honestly) and the floor: one hand-written Cypher statement
 * (bench/floor/<name>.cypher) answering the same question through the driver.
 */
export interface Operation {
  name: string;
  description: string;
  ours: { query: string; variables: Record<string, unknown> };
  peer: { query: string; variables: Record<string, unknown> } | null;
  floor: { statement: string; params: Record<string, unknown> };
  /**
   * A crawl: each client pages on from where its last request ended (back to the start at the end). Given
   * a system's answer, the variables (or floor parameters) of its next request.
   */
  crawl?: {
    ours: (data: any) => Record<string, unknown>;
    peer: (data: any) => Record<string, unknown>;
    floor: (records: Record<string, unknown>[]) => Record<string, unknown>;
  };
}

export interface WorkloadIds {
  activity: string;
  /** Global id of the African elephant (the explorer's neighbourhood). */
  elephantId: string;
  /** Our endCursor of the first page, the peer's, and the last key of the floor's first page. */
  ourCursor: string;
  peerCursor: string | null;
  floorAfter: string;
  fromId: string;
  toId: string;
}

/** The analyst's question: Aichi Target 12's first `first` contributions, as each system asks it. */
function analyst(name: string, first: number, description: string): Operation {
  return {
    name,
    description,
    ours: {
      query: `{ aichiTarget(key: "aichi-target-12") { number contributions(first: ${first}) { route basis activity { key name status } programme { key name } species { scientificName } steps { type provenance { basis citations { documentKey locator } } } } } }`,
      variables: {},
    },
    peer: {
      // The peer follows the direct SERVES links only (no routes through objectives or programmes).
      query: `{ aichiTargets(where: { id: { eq: "aichi-target-12" } }) { number servedByConnection(first: ${first}) { edges { properties { basis citations } node { id name status programme { id name } taxa { scientificName } } } } } }`,
      variables: {},
    },
    floor: { statement: 'analyst', params: { target: 'aichi-target-12', limit: first } },
  };
}

export function workload(ids: WorkloadIds): Operation[] {
  return [
    analyst('analyst', 50, 'Aichi Target 12: the activities serving it, with route, programme, species and provenance of each step'),
    // The answer above has 20 contributions at ×1 and 50 at ×1000: this one has 10 at every scale, so how
    // it grows from ×1 to ×1000 is the graph's doing alone, not a longer answer's.
    analyst('analystTop10', 10, 'The same, the 10 best founded contributions only'),
    {
      name: 'lookup',
      description: 'One activity by id, with its programme',
      ours: {
        query: `query($k: String!) { activity(key: $k) { key name status theme programme { node { key name } } } }`,
        variables: { k: ids.activity },
      },
      peer: {
        query: `query($k: ID!) { activities(where: { id: { eq: $k } }) { id name status theme programme { id name } } }`,
        variables: { k: ids.activity },
      },
      floor: { statement: 'lookup', params: { id: ids.activity } },
    },
    {
      name: 'page',
      description: 'A portal page: the first 20 activities in key order',
      ours: { query: `{ activities(first: 20) { edges { cursor node { key name status } } pageInfo { endCursor hasNextPage } } }`, variables: {} },
      peer: {
        query: `{ activitiesConnection(first: 20, sort: [{ id: ASC }]) { edges { cursor node { id name status } } pageInfo { endCursor hasNextPage } } }`,
        variables: {},
      },
      floor: { statement: 'page', params: { after: '', limit: 21 } },
    },
    {
      name: 'nextPage',
      description: 'The next page after the first',
      ours: {
        query: `query($a: String) { activities(first: 20, after: $a) { edges { cursor node { key name status } } pageInfo { endCursor hasNextPage } } }`,
        variables: { a: ids.ourCursor },
      },
      peer: ids.peerCursor
        ? {
            query: `query($a: String) { activitiesConnection(first: 20, after: $a, sort: [{ id: ASC }]) { edges { cursor node { id name status } } pageInfo { endCursor hasNextPage } } }`,
            variables: { a: ids.peerCursor },
          }
        : null,
      floor: { statement: 'page', params: { after: ids.floorAfter, limit: 21 } },
    },
    {
      name: 'search',
      description: 'Full-text search for "elephant", top 10',
      ours: { query: `{ search(text: "elephant", first: 10) { score node { key name } } }`, variables: {} },
      peer: null,
      floor: { statement: 'search', params: { text: '(name:elephant^3 OR elephant OR elephant*)', limit: 10 } },
    },
    {
      name: 'connection',
      description: 'Shortest connections from CITES SC57 to Aichi Target 12',
      ours: {
        query: `query($a: ID!, $b: ID!) { connections(from: $a, to: $b, maxHops: 4) { length nodes { key } relationships { type provenance { basis } } } }`,
        variables: { a: ids.fromId, b: ids.toId },
      },
      peer: null,
      floor: { statement: 'connection', params: { from: 'cites-sc57', to: 'aichi-target-12', maxHops: 4, limit: 10 } },
    },
    {
      name: 'nested',
      description: 'Work programmes with their first 10 activities (two levels) and the count of each list',
      ours: {
        query: `{ workProgrammes(first: 10) { nodes { key name activitiesConnection(first: 10) { totalCount nodes { node { key name status } } } } } }`,
        variables: {},
      },
      peer: {
        query: `{ workProgrammes(limit: 10, sort: [{ id: ASC }]) { id name activities(limit: 10, sort: [{ id: ASC }]) { id name status } activitiesConnection { totalCount } } }`,
        variables: {},
      },
      floor: { statement: 'nested', params: { after: '', limit: 10, nested: 10 } },
    },
    {
      name: 'crawl',
      description: 'A portal mirroring the activities: each client pages through all of them, 100 at a time',
      ours: {
        query: `query($a: String) { activities(first: 100, after: $a) { edges { node { key name status startYear } } pageInfo { endCursor hasNextPage } } }`,
        variables: { a: null },
      },
      peer: {
        query: `query($a: String) { activitiesConnection(first: 100, after: $a, sort: [{ id: ASC }]) { edges { node { id name status } } pageInfo { endCursor hasNextPage } } }`,
        variables: { a: null },
      },
      floor: { statement: 'crawl', params: { after: '', limit: 100 } },
      crawl: {
        ours: (data) => ({ a: data.activities.pageInfo.hasNextPage ? data.activities.pageInfo.endCursor : null }),
        peer: (data) => ({ a: data.activitiesConnection.pageInfo.hasNextPage ? data.activitiesConnection.pageInfo.endCursor : null }),
        floor: (records) => ({ after: records.length === 100 ? String(records.at(-1)!.id) : '', limit: 100 }),
      },
    },
    {
      name: 'neighbourhood',
      description: "The explorer's neighbourhood of the African elephant: depth 2, at most 150 entities, with the relationships among them",
      ours: {
        query: `query($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 150) { truncated nodes { kind key name } relationships { key type fromKey toKey provenance { basis rationale } } } }`,
        variables: { id: ids.elephantId },
      },
      peer: null,
      floor: { statement: 'neighbourhood', params: { id: 'loxodonta-africana', limit: 150 } },
    },
    {
      name: 'synergy',
      description: 'What CMS and CITES each reach for Aichi Target 12',
      ours: { query: `{ targetSynergies(target: "aichi-target-12") { coverage cms { node { key } } cites { node { key } } } }`, variables: {} },
      peer: null,
      floor: { statement: 'synergy', params: { target: 'aichi-target-12' } },
    },
  ];
}
