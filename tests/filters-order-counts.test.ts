/**
 * The richer list queries a portal asks for, declared once in the model for every label alike: "any of"
 * enum filters, year ranges, keys, name contains, a window of change times, descending order (paged both
 * ways) and counts grouped by a property or by convention. Each is checked against the API's own simpler
 * answers, so they cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import { useApi } from './support/api.js';

const run = useApi();

async function ok(query: string, variables: Record<string, unknown> = {}) {
  const answer = await run(query, variables);
  expect(answer.errors).toBeUndefined();
  return answer.data;
}

const activities = async (filter: Record<string, unknown>, extra = '') =>
  (
    await ok(
      `query($filter: ActivityFilter) { activities(first: 100, filter: $filter) { totalCount nodes { key name nameFr status startYear endYear } ${extra} } }`,
      { filter },
    )
  ).activities;

describe('filters', () => {
  it('statusIn: any of the statuses, the union of each alone', async () => {
    const both = await activities({ statusIn: ['COMPLETED', 'ONGOING'] });
    const completed = await activities({ status: 'COMPLETED' });
    const ongoing = await activities({ status: 'ONGOING' });
    expect(completed.totalCount).toBeGreaterThan(0);
    expect(both.totalCount).toBe(completed.totalCount + ongoing.totalCount);
    expect(new Set(both.nodes.map((n: any) => n.status))).toEqual(
      new Set(['COMPLETED', 'ONGOING'].filter((s) => (s === 'ONGOING' ? ongoing : completed).totalCount > 0)),
    );
  });

  it('yearFrom / yearTo: periods that overlap the range; one year is the year filter', async () => {
    const range = await activities({ yearFrom: 2010, yearTo: 2012 });
    expect(range.totalCount).toBeGreaterThan(0);
    for (const n of range.nodes) {
      if (n.startYear != null) expect(n.startYear).toBeLessThanOrEqual(2012);
      if (n.endYear != null) expect(n.endYear).toBeGreaterThanOrEqual(2010);
    }
    const one = await activities({ yearFrom: 2011, yearTo: 2011 });
    expect(one.nodes.map((n: any) => n.key)).toEqual((await activities({ year: 2011 })).nodes.map((n: any) => n.key));
    const reversed = await run('{ activities(filter: { yearFrom: 2012, yearTo: 2010 }) { totalCount } }');
    expect(reversed.errors?.[0]?.message).toMatch(/^filter\.yearTo: must not be before filter\.yearFrom \(2012\)/);
  });

  it('keyIn: exactly these; a malformed key is refused by name', async () => {
    const all = await activities({});
    const keys = all.nodes.slice(0, 3).map((n: any) => n.key);
    const some = await activities({ keyIn: [...keys, 'no-such-activity'] });
    expect(some.nodes.map((n: any) => n.key).sort()).toEqual([...keys].sort());
    const bad = await run('{ activities(filter: { keyIn: ["ok", "Not A Key"] }) { totalCount } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/^filter\.keyIn\[1\]/);
  });

  it('nameContains: in the English or the French name, ignoring case', async () => {
    const all = await activities({});
    const withFrench = all.nodes.find((n: any) => n.nameFr && n.nameFr.length > 8);
    expect(withFrench).toBeDefined();
    const word = withFrench.nameFr.split(/\s+/).find((w: string) => w.length > 6 && !withFrench.name.toLowerCase().includes(w.toLowerCase()));
    const found = await activities({ nameContains: (word ?? withFrench.nameFr.slice(0, 8)).toUpperCase() });
    expect(found.nodes.map((n: any) => n.key)).toContain(withFrench.key);
    const english = await activities({ nameContains: 'ELEPHANT' });
    expect(english.totalCount).toBeGreaterThan(0);
    for (const n of english.nodes) expect(`${n.name} ${n.nameFr ?? ''}`.toLowerCase()).toContain('elephant');
  });

  it('changedSince / changedBefore: a window of change times', async () => {
    const all = await activities({});
    expect((await activities({ changedBefore: '2999-01-01T00:00:00Z' })).totalCount).toBe(all.totalCount);
    expect((await activities({ changedBefore: '2000-01-01T00:00:00Z' })).totalCount).toBe(0);
    expect((await activities({ changedSince: '2000-01-01T00:00:00Z', changedBefore: '2999-01-01T00:00:00Z' })).totalCount).toBe(all.totalCount);
  });
});

describe('descending order', () => {
  const keysOf = async (orderBy: string, direction: string, args: string) =>
    (
      await ok(
        `{ taxa(${args}, orderBy: ${orderBy}, direction: ${direction}) { edges { cursor node { key name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
      )
    ).taxa;

  for (const orderBy of ['KEY', 'NAME']) {
    it(`by ${orderBy}: the ascending list reversed, paged forwards and backwards without gap or repeat`, async () => {
      const ascending = (await keysOf(orderBy, 'ASC', 'first: 100')).edges.map((e: any) => e.node.key);
      expect(ascending.length).toBeGreaterThan(8);
      const forwards: string[] = [];
      let after = '';
      for (;;) {
        const page = await keysOf(orderBy, 'DESC', `first: 3${after ? `, after: "${after}"` : ''}`);
        forwards.push(...page.edges.map((e: any) => e.node.key));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(forwards).toEqual([...ascending].reverse());
      const backwards: string[] = [];
      let before = '';
      for (;;) {
        const page = await keysOf(orderBy, 'DESC', `last: 4${before ? `, before: "${before}"` : ''}`);
        backwards.unshift(...page.edges.map((e: any) => e.node.key));
        if (!page.pageInfo.hasPreviousPage) break;
        before = page.pageInfo.startCursor;
      }
      expect(backwards).toEqual([...ascending].reverse());
    });
  }
});

describe('counts grouped by a property or by convention', () => {
  it('by status: each count is the totalCount of that status, and they add up to the whole', async () => {
    const data = await ok('{ activities(filter: { yearFrom: 2000 }) { totalCount countBy(property: STATUS) { value count } } }');
    const groups: { value: string; count: number }[] = data.activities.countBy;
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.reduce((sum, g) => sum + g.count, 0)).toBe(data.activities.totalCount);
    for (const g of groups) {
      expect((await activities({ yearFrom: 2000, status: g.value })).totalCount).toBe(g.count);
    }
  });

  it('by convention: as the convention filter selects (an activity of both counts in both)', async () => {
    const data = await ok('{ activities { totalCount countBy(property: CONVENTION) { value count } } }');
    const groups: { value: string; count: number }[] = data.activities.countBy;
    expect(groups.map((g) => g.value)).toEqual(expect.arrayContaining(['CMS', 'CITES']));
    for (const g of groups) expect((await activities({ convention: g.value })).totalCount).toBe(g.count);
  });

  it('offers each label only its own groupings', async () => {
    const wrong = await run('{ taxa { countBy(property: STATUS) { value } } }');
    expect(wrong.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const ranks = await ok('{ taxa { totalCount countBy(property: RANK) { value count } } }');
    expect(ranks.taxa.countBy.reduce((s: number, g: any) => s + g.count, 0)).toBe(ranks.taxa.totalCount);
  });
});
