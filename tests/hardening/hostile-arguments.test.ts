/**
 * Strangers send anything. Generated and malicious values go through every argument of the API:
 * never an internal error, never a stack, Cypher or path in a response, never a change to the graph.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCursor, toGlobalId } from '../../src/graphql/ids.js';
import { sharedDatabase } from '../support/db.js';
import { useApi, type Answer } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

const run = useApi();
const ALLOWED = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'QUERY_TOO_COSTLY']);
const LEAKS = / {4}at |Neo4jError|Cypher|MATCH \(|\/work\/|node_modules|TypeError|ReferenceError/;

/** Every string inside a value, so that the input echoed back in a message is not taken for a leak. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...stringsOf(v)]);
  return [];
}

let checked = 0;
function expectSafe(answer: Pick<Answer, 'errors'> & { data?: unknown }, what: unknown) {
  checked += 1;
  let text = JSON.stringify(answer);
  for (const s of stringsOf(what)
    .filter((s) => s.length > 0)
    .sort((a, b) => b.length - a.length)) {
    for (const echo of [s, s.slice(0, 80), JSON.stringify(s).slice(1, -1), JSON.stringify(s.slice(0, 80)).slice(1, -1)]) {
      if (echo.length > 0) text = text.split(echo).join('<input>');
    }
  }
  expect(text, `leak for ${JSON.stringify(what)?.slice(0, 200)}`).not.toMatch(LEAKS);
  for (const error of answer.errors ?? []) {
    expect(ALLOWED, `${error.extensions?.code}: ${error.message} for ${JSON.stringify(what)?.slice(0, 200)}`).toContain(error.extensions?.code);
  }
}

const MALICIOUS = [
  "') MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) SET n.pwned = true RETURN n //',
  '*:*',
  'title:"x" AND',
  '\\',
  '~',
  'a~0.5',
  '(((((',
  '[* TO *]',
  '/.*/',
  "'; CALL dbms.shutdown(); //",
  '$where',
  '{{entityFilter}}',
  '\u0000',
  '\u202Eevil',
  '🐘🐘🐘',
  'é'.repeat(5000),
  'x'.repeat(10_000),
  '',
  ' ',
  'null',
  'undefined',
  '../../etc/passwd',
  '<script>alert(1)</script>',
];

const text = fc.oneof(
  fc.constantFrom(...MALICIOUS),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.base64String({ maxLength: 120 }),
);
const idLike = fc.oneof(
  text,
  fc
    .tuple(fc.constantFrom('Activity', 'Taxon', 'Convention', 'Nope', 'Entity', ''), text)
    .map(([kind, key]) => Buffer.from(`${kind}:${key}`).toString('base64url')),
  fc
    .tuple(fc.constantFrom('Activity', 'Taxon', 'AichiTarget'), fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/))
    .map(([kind, key]) => toGlobalId(kind, key)),
);
const cursorLike = fc.oneof(
  text,
  fc.json().map((j) => Buffer.from(j).toString('base64url')),
  fc
    .record({ v: fc.anything(), o: fc.constantFrom('KEY', 'NAME', 'X'), k: fc.anything(), n: fc.anything() })
    .map((r) => Buffer.from(JSON.stringify(r)).toString('base64url')),
  fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/).map((key) => toCursor({ order: 'NAME', key, name: key })),
);
const number = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31), 101, 1_000_000), fc.double());

/** Every argument of the schema, each with its generator and the operation that carries it. */
const CASES: { name: string; query: string; variables: fc.Arbitrary<Record<string, unknown>> }[] = [
  { name: 'node(id)', query: 'query($v: ID!) { node(id: $v) { id } }', variables: idLike.map((v) => ({ v })) },
  { name: 'nodes(ids)', query: 'query($v: [ID!]!) { nodes(ids: $v) { id } }', variables: fc.array(idLike, { maxLength: 5 }).map((v) => ({ v })) },
  { name: 'entity(key)', query: 'query($v: String!) { entity(key: $v) { key } }', variables: text.map((v) => ({ v })) },
  {
    name: 'activity(id, key)',
    query: 'query($a: ID, $b: String) { activity(id: $a, key: $b) { key } }',
    variables: fc.record({ a: fc.option(idLike), b: fc.option(text) }),
  },
  {
    name: 'activities(first, after, filter, orderBy)',
    query:
      'query($f: Int, $a: String, $s: String, $t: String, $p: String, $y: Int, $o: EntityOrder) { activities(first: $f, after: $a, orderBy: $o, filter: { species: $s, target: $t, programme: $p, year: $y }) { nodes { key } pageInfo { endCursor } } }',
    variables: fc.record({
      f: fc.option(number),
      a: fc.option(cursorLike),
      s: fc.option(text),
      t: fc.option(text),
      p: fc.option(text),
      y: fc.option(number),
      o: fc.option(fc.constantFrom('KEY', 'NAME')),
    }),
  },
  {
    name: 'aichiTargets(filter.goal)',
    query: 'query($g: String) { aichiTargets(filter: { goal: $g }) { nodes { key } } }',
    variables: fc.option(text).map((g) => ({ g })),
  },
  {
    name: 'search(text, first)',
    query: 'query($t: String!, $f: Int) { search(text: $t, first: $f) { score node { key } } }',
    variables: fc.record({ t: text, f: fc.option(number) }),
  },
  {
    name: 'connections(from, to, maxHops, first)',
    query: 'query($a: ID!, $b: ID!, $h: Int, $f: Int) { connections(from: $a, to: $b, maxHops: $h, first: $f) { length } }',
    variables: fc.record({ a: idLike, b: idLike, h: fc.option(number), f: fc.option(number) }),
  },
  {
    name: 'neighbourhood(id, depth, limit)',
    query: 'query($a: ID!, $d: Int, $l: Int) { neighbourhood(id: $a, depth: $d, limit: $l) { truncated } }',
    variables: fc.record({ a: idLike, d: fc.option(number), l: fc.option(number) }),
  },
  {
    name: 'targetSynergies(target)',
    query: 'query($t: ID) { targetSynergies(target: $t) { coverage } }',
    variables: fc.option(idLike).map((t) => ({ t })),
  },
  {
    name: 'speciesSynergies(taxon)',
    query: 'query($t: ID) { speciesSynergies(taxon: $t) { coverage } }',
    variables: fc.option(idLike).map((t) => ({ t })),
  },
  {
    name: 'contributions(first) and links(first)',
    query: 'query($f: Int, $g: Int) { aichiTarget(key: "aichi-target-12") { contributions(first: $f) { route } links(first: $g) { direction } } }',
    variables: fc.record({ f: fc.option(number), g: fc.option(number) }),
  },
];

describe('hostile arguments', () => {
  const db = sharedDatabase();
  let before: string;
  let http: TestServer;
  const counts = async () => {
    const session = db.driver.session();
    try {
      const r = await session.executeRead((tx) => tx.run('MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels'));
      return JSON.stringify(r.records[0]!.toObject());
    } finally {
      await session.close();
    }
  };
  beforeAll(async () => {
    before = await counts();
    http = await startTestServer();
  });
  afterAll(async () => {
    await http.close();
    await db.close();
  });

  it.each(CASES)('$name: 1,000 generated values, no internal error, no leak', async ({ query, variables }) => {
    await fc.assert(
      fc.asyncProperty(variables, async (vars) => {
        expectSafe(await run(query, vars), vars);
      }),
      { numRuns: 1000, seed: 20111119 },
    );
  });

  it('the same over real HTTP for a sample, with malformed variables too', async () => {
    const sample = fc.sample(fc.tuple(fc.constantFrom(...CASES), fc.anything()), { numRuns: 300, seed: 7 });
    for (const [c, junk] of sample) {
      const { status, body } = await http.graphql(c.query, { v: junk, a: junk, b: junk, t: junk, f: junk });
      expect(status).toBeLessThan(500);
      expectSafe(body, junk);
    }
  });

  describe('combinations of valid arguments', () => {
    // Real ids of every kind: equal ends, ends of other kinds, ids given where another kind is expected.
    let ids: { kind: string; id: string; key: string }[] = [];
    beforeAll(async () => {
      const session = db.driver.session();
      try {
        const r = await session.executeRead((tx) => tx.run('MATCH (n:Entity) RETURN n.kind AS kind, n.id AS key ORDER BY key'));
        ids = r.records.map((rec) => ({ kind: rec.get('kind'), key: rec.get('key'), id: toGlobalId(rec.get('kind'), rec.get('key')) }));
      } finally {
        await session.close();
      }
    });
    const extreme = fc.constantFrom(null, 1, 6, 0, 7, 50, 51, 3, 500, 501);

    it('connections from every entity to itself: one path of length zero', async () => {
      expect(ids.length).toBeGreaterThan(20);
      for (const { id, key } of ids) {
        const answer = await run('query($a: ID!) { connections(from: $a, to: $a) { length nodes { key } relationships { type } } }', { a: id });
        expectSafe(answer, id);
        expect(answer.data.connections).toEqual([{ length: 0, nodes: [{ key }], relationships: [] }]);
      }
    });

    it('connections, neighbourhood and lookups over pairs of real ids of any kind with extreme bounds', async () => {
      const real = fc.nat({ max: ids.length - 1 }).map((i) => ids[i]!);
      await fc.assert(
        fc.asyncProperty(real, real, fc.boolean(), extreme, extreme, async (a, b, same, h, f) => {
          const to = same ? a : b;
          const variables = { a: a.id, b: to.id, h, f, k: to.key };
          expectSafe(
            await run(
              'query($a: ID!, $b: ID!, $h: Int, $f: Int) { connections(from: $a, to: $b, maxHops: $h, first: $f) { length nodes { key } } }',
              variables,
            ),
            variables,
          );
          expectSafe(
            await run('query($a: ID!, $h: Int, $f: Int) { neighbourhood(id: $a, depth: $h, limit: $f) { truncated nodes { key } } }', variables),
            variables,
          );
          // An id of another kind where an Activity is expected, and an id and key that disagree.
          expectSafe(await run('query($a: ID, $k: String) { activity(id: $a, key: $k) { key } }', variables), variables);
          expectSafe(
            await run('query($a: ID, $b: ID) { targetSynergies(target: $a) { coverage } speciesSynergies(taxon: $b) { coverage } }', variables),
            variables,
          );
          expectSafe(await run('query($a: ID!, $b: ID!) { nodes(ids: [$a, $b, $a]) { id } }', variables), variables);
        }),
        { numRuns: 300, seed: 20261125 },
      );
    });
  });

  it('changed nothing in the graph, after more than 10,000 values', async () => {
    expect(checked).toBeGreaterThan(10_000);
    expect(await counts()).toBe(before);
  });
});
