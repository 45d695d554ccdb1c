/**
 * Nested lists that can grow page like the top-level ones: every relationship field without a fixed
 * maximum has a `<field>Connection` twin (and every entity `linksConnection`) that pages both ways, in
 * the same order as the plain list, with a totalCount; a cursor is checked against the list it is used on.
 */
import { describe, expect, it } from 'vitest';
import { MODEL } from '../src/model/model.js';
import { isPaged } from '../src/model/sdl.js';
import { useApi } from './support/api.js';

const run = useApi();

const REPORT = 'stc38-report';
const PARAGRAPHS = `query($key: String!, $first: Int, $after: String, $last: Int, $before: String) {
  document(key: $key) {
    paragraphs(first: 100) { node { key } }
    paragraphsConnection(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { node { key } relationship { key } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      totalCount
    }
  }
}`;

async function paragraphs(variables: Record<string, unknown>) {
  const answer = await run(PARAGRAPHS, { key: REPORT, ...variables });
  expect(answer.errors).toBeUndefined();
  return answer.data.document;
}

describe('a relationship field as a connection', () => {
  it('pages forwards through the whole list, in the order of the plain list, with no gap or repeat', async () => {
    const whole: string[] = (await paragraphs({ first: 1 })).paragraphs.map((l: any) => l.node.key);
    expect(whole.length).toBeGreaterThan(10);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { paragraphsConnection: page } = await paragraphs({ first: 4, after });
      seen.push(...page.edges.map((e: any) => e.node.node.key));
      expect(page.totalCount).toBe(whole.length);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole);
    expect(pages).toBe(Math.ceil(whole.length / 4));
  });

  it('pages backwards from the end to the start, the same items', async () => {
    const whole: string[] = (await paragraphs({ first: 1 })).paragraphs.map((l: any) => l.node.key);
    const seen: string[] = [];
    let before: string | null = null;
    for (;;) {
      const { paragraphsConnection: page } = await paragraphs({ last: 5, before });
      seen.unshift(...page.edges.map((e: any) => e.node.node.key));
      expect(page.pageInfo.hasNextPage).toBe(before !== null);
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(seen).toEqual(whole);
  });

  it('refuses a cursor of another list (STALE_CURSOR), a malformed one and paging both ways at once', async () => {
    const { paragraphsConnection: page } = await paragraphs({ first: 2 });
    const other = await run(PARAGRAPHS, { key: 'cms-cites-moc-2002', first: 2, after: page.pageInfo.endCursor });
    expect(other.errors?.[0]?.extensions?.code).toMatch(/STALE_CURSOR|NOT_FOUND/);
    const report = await run(`{ document(key: "${REPORT}") { annexes(first: 1) { node { key } } } }`);
    expect(report.errors).toBeUndefined();
    // The same cursor one position on names another item there: refused, not served shifted.
    const [position, identity] = ((c) => [c.p, c.i])(JSON.parse(Buffer.from(page.pageInfo.endCursor, 'base64url').toString()));
    const moved = Buffer.from(JSON.stringify({ p: position + 1, i: identity })).toString('base64url');
    const stale = await run(PARAGRAPHS, { key: REPORT, first: 2, after: moved });
    expect(stale.errors?.[0]?.extensions?.code).toBe('STALE_CURSOR');
    expect(stale.errors?.[0]?.message).toMatch(/^after: the list changed/);
    const malformed = await run(PARAGRAPHS, { key: REPORT, first: 2, after: 'nope!' });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(malformed.errors?.[0]?.message).toMatch(/after/);
    const both = await run(PARAGRAPHS, { key: REPORT, first: 2, last: 2 });
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('exists for every relationship field that can grow, and for links', async () => {
    const answer = await run('{ __schema { types { name fields { name } } } }');
    const fields = new Map<string, string[]>(answer.data.__schema.types.map((t: any) => [t.name, (t.fields ?? []).map((f: any) => f.name)]));
    const missing = MODEL.labels.flatMap((label) =>
      Object.entries(label.api.fields)
        .filter(([, field]) => isPaged(field))
        .map(([name]) => `${label.label}.${name}Connection`)
        .filter((path) => !fields.get(path.split('.')[0]!)!.includes(path.split('.')[1]!)),
    );
    expect(missing).toEqual([]);
    for (const label of MODEL.labels) expect(fields.get(label.label)).toContain('linksConnection');
  });

  it('pages the links of an entity like its plain links', async () => {
    const query = `query($after: String) { aichiTarget(key: "aichi-target-12") {
      links(first: 100) { relationship { key } }
      linksConnection(first: 3, after: $after) { edges { node { relationship { key } } } pageInfo { hasNextPage endCursor } totalCount }
    } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let whole: string[] = [];
    for (;;) {
      const answer = await run(query, { after });
      expect(answer.errors).toBeUndefined();
      const target = answer.data.aichiTarget;
      whole = target.links.map((l: any) => l.relationship.key);
      expect(target.linksConnection.totalCount).toBe(whole.length);
      seen.push(...target.linksConnection.edges.map((e: any) => e.node.relationship.key));
      if (!target.linksConnection.pageInfo.hasNextPage) break;
      after = target.linksConnection.pageInfo.endCursor;
    }
    expect(whole.length).toBeGreaterThan(3);
    expect(seen).toEqual(whole);
  });
});
