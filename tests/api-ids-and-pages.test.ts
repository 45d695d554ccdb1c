/** Portals: opaque ids, keyset pages, and errors that name the argument. */
import { describe, expect, it } from 'vitest';
import { toCursor, toGlobalId } from '../src/graphql/ids.js';
import { useApi } from './support/api.js';

const run = useApi({ MAX_PAGE_SIZE: '50' });

const codeOf = (answer: { errors?: { extensions?: Record<string, unknown> }[] }) => answer.errors?.[0]?.extensions?.code;

describe('global ids', () => {
  it('node(id) returns the entity whose id it is; the id is opaque and stable', async () => {
    const list = await run('{ conventions(first: 3) { nodes { id key name } } }');
    const first = list.data.conventions.nodes[0];
    expect(first.id).not.toContain(first.key);
    expect(first.id).toBe(toGlobalId('Convention', first.key));
    const found = await run('query($id: ID!) { node(id: $id) { id ... on Convention { key name } } }', { id: first.id });
    expect(found.data.node).toEqual(first);
  });

  it('names a malformed id as BAD_USER_INPUT and an unknown one as NOT_FOUND', async () => {
    const malformed = await run('{ node(id: "not an id") { id } }');
    expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
    expect(malformed.errors?.[0]?.message).toMatch(/^id: not a global id/);
    const unknown = await run('query($id: ID!) { node(id: $id) { id } }', { id: toGlobalId('Activity', 'no-such-activity') });
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    expect(unknown.errors?.[0]?.message).toMatch(/nothing has the id "no-such-activity"/);
    expect(unknown.data.node).toBeNull();
  });

  it('nodes(ids) keeps the order, with null and NOT_FOUND where an id matches nothing', async () => {
    const list = await run('{ conventions(first: 2) { nodes { id key } } }');
    const [a, b] = list.data.conventions.nodes;
    const missing = toGlobalId('Taxon', 'no-such-taxon');
    const answer = await run('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [b.id, missing, a.id] });
    expect(answer.data.nodes).toEqual([{ id: b.id }, null, { id: a.id }]);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0]?.path).toEqual(['nodes', 1]);
    expect(codeOf(answer)).toBe('NOT_FOUND');
  });

  it('a typed lookup refuses the id of another kind, and wants exactly one of id or key', async () => {
    const other = await run('query($id: ID) { activity(id: $id) { key } }', { id: toGlobalId('Convention', 'cms') });
    expect(codeOf(other)).toBe('BAD_USER_INPUT');
    expect(other.errors?.[0]?.message).toMatch(/id: is the id of a Convention, not of a Activity/);
    const both = await run('{ convention(key: "cms", id: "x") { key } }');
    expect(codeOf(both)).toBe('BAD_USER_INPUT');
    expect((await run('{ convention(key: "cms") { key acronym } }')).data.convention).toEqual({ key: 'cms', acronym: 'CMS' });
  });
});

describe('keyset pages', () => {
  const walk = async (orderBy: string) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const page: any = await run(
        'query($after: String, $orderBy: EntityOrder) { documents(first: 2, after: $after, orderBy: $orderBy) { edges { cursor node { key name } } pageInfo { hasNextPage hasPreviousPage endCursor } } }',
        { after, orderBy },
      );
      const { edges, pageInfo } = page.data.documents;
      expect(pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...edges.map((e: any) => (orderBy === 'NAME' ? `${e.node.name}\u0000${e.node.key}` : e.node.key)));
      if (!pageInfo.hasNextPage) return seen;
      after = pageInfo.endCursor;
    }
    throw new Error('more than 100 pages');
  };

  it('walk the whole list once, in a deterministic order, page after page', async () => {
    const total = (await run('{ documents { totalCount } }')).data.documents.totalCount;
    expect(total).toBeGreaterThan(1);
    for (const order of ['KEY', 'NAME']) {
      const seen = await walk(order);
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
      expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  });

  it('compute totalCount only when asked', async () => {
    const without = await run('{ documents(first: 1) { nodes { key } } }');
    expect(without.statements).not.toContain('entities/count');
    const withCount = await run('{ documents(first: 1) { totalCount nodes { key } } }');
    expect(withCount.statements).toContain('entities/count');
  });

  it('refuse a page size above the maximum, a malformed cursor and a cursor of another order, naming the argument', async () => {
    const big = await run('{ documents(first: 51) { nodes { key } } }');
    expect(codeOf(big)).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0]?.message).toBe('first: must be between 1 and 50, got 51');
    const zero = await run('{ documents(first: 0) { nodes { key } } }');
    expect(zero.errors?.[0]?.message).toBe('first: must be between 1 and 50, got 0');
    const garbage = await run('{ documents(after: "garbage!") { nodes { key } } }');
    expect(garbage.errors?.[0]?.message).toBe('after: not a cursor returned by this API');
    const offset = await run('query($after: String) { documents(after: $after) { nodes { key } } }', {
      after: Buffer.from('20').toString('base64url'),
    });
    expect(codeOf(offset)).toBe('BAD_USER_INPUT');
    const otherOrder = await run('query($after: String) { documents(after: $after, orderBy: NAME) { nodes { key } } }', {
      after: toCursor({ order: 'KEY', key: 'cms' }),
    });
    expect(otherOrder.errors?.[0]?.message).toBe('after: this cursor belongs to orderBy KEY, not NAME');
  });

  it('filter by enum values and keys, and name a malformed key', async () => {
    const sc = await run('{ meetings(filter: { body: STANDING_COMMITTEE }, first: 50) { nodes { body } } }');
    for (const m of sc.data.meetings.nodes) expect(m.body).toBe('STANDING_COMMITTEE');
    const bad = await run('{ activities(filter: { species: "Not A Key!" }) { nodes { key } } }');
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/^filter\.species: not a key/);
  });
});

describe('pages backwards (last, before)', () => {
  const run = useApi();
  const page = async (args: string) => {
    const answer = await run(
      `{ activities(${args}) { edges { cursor node { key } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
    );
    expect(answer.errors).toBeUndefined();
    return answer.data.activities;
  };

  it('walk the whole list from the end, page after page, in the same order as forwards', async () => {
    const forwards = (await page('first: 100')).edges.map((e: any) => e.node.key);
    expect(forwards.length).toBeGreaterThan(10);
    const seen: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < 50; i++) {
      const current: any = await page(before ? `last: 4, before: "${before}"` : 'last: 4');
      seen.unshift(...current.edges.map((e: any) => e.node.key));
      expect(current.pageInfo.hasNextPage).toBe(before !== null);
      if (!current.pageInfo.hasPreviousPage) break;
      before = current.pageInfo.startCursor;
    }
    expect(seen).toEqual(forwards);
  });

  it('pages backwards in name order too, and refuses to page both ways at once', async () => {
    const byName = await run('{ activities(first: 100, orderBy: NAME) { nodes { key } } }');
    const lastThree = await run('{ activities(last: 3, orderBy: NAME) { nodes { key } } }');
    expect(lastThree.data.activities.nodes).toEqual(byName.data.activities.nodes.slice(-3));
    const both = await run('{ activities(first: 3, last: 3) { nodes { key } } }');
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(both.errors?.[0]?.message).toMatch(/^first: page one way/);
  });
});
