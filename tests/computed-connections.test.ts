/**
 * The researchers' computed lists page like every other list: paths between two entities and the
 * synergy rows come as connections (first/after, last/before, totalCount) holding the same items in the
 * same order as their plain lists, coverage applied before paging.
 */
import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/graphql/ids.js';
import { useApi } from './support/api.js';

const run = useApi();

async function ok(query: string, variables: Record<string, unknown> = {}) {
  const answer = await run(query, variables);
  expect(answer.errors).toBeUndefined();
  return answer.data;
}

/** Every page of a connection field, forwards then backwards, as lists of identities. */
async function pageBothWays(field: string, args: string, selection: string, identity: (node: any) => string, size: number) {
  const query = (paging: string) =>
    `{ ${field}(${args}${args ? ', ' : ''}${paging}) { totalCount edges { cursor node { ${selection} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
  const forwards: string[] = [];
  let total = -1;
  let after = '';
  for (;;) {
    const page = (await ok(query(`first: ${size}${after ? `, after: "${after}"` : ''}`)))[field];
    total = page.totalCount;
    forwards.push(...page.edges.map((e: any) => identity(e.node)));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const backwards: string[] = [];
  let before = '';
  for (;;) {
    const page = (await ok(query(`last: ${size}${before ? `, before: "${before}"` : ''}`)))[field];
    backwards.unshift(...page.edges.map((e: any) => identity(e.node)));
    if (!page.pageInfo.hasPreviousPage) break;
    before = page.pageInfo.startCursor;
  }
  return { forwards, backwards, total };
}

describe('synergies as connections', () => {
  it('targetSynergiesConnection: the same targets as targetSynergies, paged both ways', async () => {
    const plain = (await ok('{ targetSynergies { target { key } cmsCount citesCount coverage } }')).targetSynergies;
    expect(plain.length).toBe(20);
    const { forwards, backwards, total } = await pageBothWays('targetSynergiesConnection', '', 'target { key } coverage', (n) => n.target.key, 6);
    expect(forwards).toEqual(plain.map((s: any) => s.target.key));
    expect(backwards).toEqual(forwards);
    expect(total).toBe(20);
  });

  it('applies coverage before paging: every page holds only that coverage, and all of it', async () => {
    const plain = (await ok('{ targetSynergies(coverage: BOTH) { target { key } coverage } }')).targetSynergies;
    expect(plain.length).toBeGreaterThan(0);
    const { forwards, total } = await pageBothWays(
      'targetSynergiesConnection',
      'coverage: BOTH',
      'target { key } coverage',
      (n) => `${n.target.key}:${n.coverage}`,
      2,
    );
    expect(forwards).toEqual(plain.map((s: any) => `${s.target.key}:BOTH`));
    expect(total).toBe(plain.length);
  });

  it('speciesSynergiesConnection: the same taxa as speciesSynergies, coverage included', async () => {
    for (const coverage of ['', 'coverage: CITES_ONLY']) {
      const plain = (await ok(`{ speciesSynergies(limit: 100${coverage ? `, ${coverage}` : ''}) { taxon { key } coverage } }`)).speciesSynergies;
      const { forwards, backwards, total } = await pageBothWays(
        'speciesSynergiesConnection',
        coverage,
        'taxon { key } coverage',
        (n) => `${n.taxon.key}:${n.coverage}`,
        4,
      );
      expect(forwards).toEqual(plain.map((s: any) => `${s.taxon.key}:${s.coverage}`));
      expect(backwards).toEqual(forwards);
      expect(total).toBe(plain.length);
    }
  });
});

describe('paths as a connection', () => {
  it('pages every shortest path between two entities, in the same order as connections', async () => {
    const from = toGlobalId('AichiTarget', 'aichi-target-12');
    const to = toGlobalId('Convention', 'cites');
    const args = `from: "${from}", to: "${to}", maxHops: 4`;
    const plain = (await ok(`{ connections(${args}, first: 50) { nodes { key } } }`)).connections.map((p: any) =>
      p.nodes.map((n: any) => n.key).join('>'),
    );
    expect(plain.length).toBeGreaterThan(2);
    const { forwards, backwards, total } = await pageBothWays(
      'paths',
      args,
      'length nodes { key }',
      (p) => p.nodes.map((n: any) => n.key).join('>'),
      2,
    );
    expect(forwards).toEqual(plain);
    expect(backwards).toEqual(plain);
    expect(total).toBe(plain.length);
  });

  it('from an entity to itself: one path of length zero', async () => {
    const id = toGlobalId('Taxon', 'loxodonta-africana');
    const data = await ok(`{ paths(from: "${id}", to: "${id}") { totalCount nodes { length nodes { key } } } }`);
    expect(data.paths.totalCount).toBe(1);
    expect(data.paths.nodes[0].length).toBe(0);
  });
});

describe('search as a connection', () => {
  it('pages the hits of search both ways, best first, the same hits in the same order', async () => {
    const plain = (await ok('{ search(text: "elephant", first: 100) { node { key } score } }')).search;
    expect(plain.length).toBeGreaterThan(5);
    const { forwards, backwards, total } = await pageBothWays('searchConnection', 'text: "elephant"', 'node { key } score', (h) => h.node.key, 3);
    expect(forwards).toEqual(plain.map((h: any) => h.node.key));
    expect(backwards).toEqual(forwards);
    expect(total).toBe(plain.length);
  });

  it('applies kinds before paging and checks its text like search', async () => {
    const plain = (await ok('{ search(text: "elephant", kinds: [TAXON, DOCUMENT], first: 100) { node { kind key } } }')).search;
    expect(plain.length).toBeGreaterThan(0);
    const { forwards } = await pageBothWays(
      'searchConnection',
      'text: "elephant", kinds: [TAXON, DOCUMENT]',
      'node { kind key }',
      (h) => `${h.node.kind}:${h.node.key}`,
      2,
    );
    expect(forwards).toEqual(plain.map((h: any) => `${h.node.kind}:${h.node.key}`));
    const refused = await run('{ searchConnection(text: "***") { totalCount } }');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
  });
});
