/**
 * A page or a lookup reads only the properties its query asks (and key, kind, name), yet answers exactly
 * what a whole row answers; a field the generic engine does not resolve gets the whole row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, GraphReader, Params } from '../src/db/database.js';
import { createContext } from '../src/graphql/context.js';
import { createServer, type ApiServer } from '../src/server.js';
import { sharedDatabase, testConfig } from './support/db.js';

let db: Database;
let server: ApiServer;
beforeAll(async () => {
  db = sharedDatabase();
  server = await createServer(testConfig({ PORT: '0' }), db);
});
afterAll(async () => {
  await server?.stop();
  await db?.close();
});

/** Runs an operation and records the `props` each statement was given. */
async function run(query: string) {
  const asked: { statement: string; props: unknown }[] = [];
  const spy: GraphReader = {
    read: (name, params: Params = {}, stats, signal) => {
      asked.push({ statement: name, props: params.props });
      return db.read(name, params, stats, signal);
    },
    readStream: (name, params, onRecord) => db.readStream(name, params, onRecord),
    ping: (deadlineMs) => db.ping(deadlineMs),
  };
  const response = await server.apollo.executeOperation({ query }, { contextValue: createContext(spy, testConfig()) });
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  return { ...response.body.singleResult, asked };
}

const FIELDS =
  'id key kind name status theme startYear endYear description provenance { basis rationale citations { documentKey locator quote confidence } } changedAt';

describe('projection', () => {
  it('a page reads only the asked properties and answers what whole rows answer', async () => {
    const page = await run(`{ activities(first: 40) { nodes { ${FIELDS} } } }`);
    expect(page.errors).toBeUndefined();
    expect(page.asked).toHaveLength(1);
    expect([...(page.asked[0]!.props as string[])].sort()).toEqual(
      [
        'id',
        'kind',
        'name',
        'status',
        'theme',
        'startYear',
        'endYear',
        'description',
        'citations',
        'tags',
        'quotes',
        'basis',
        'rationale',
        'changedAt',
      ].sort(),
    );
    const nodes = page.data!.activities as { nodes: { id: string }[] };
    // The same entities through node(id:), which reads whole rows.
    const ids = nodes.nodes.map((n) => `"${n.id}"`).join(', ');
    const whole = await run(`{ nodes(ids: [${ids}]) { ... on Activity { ${FIELDS} } } }`);
    expect(whole.asked.every((a) => a.props === null || a.props === undefined)).toBe(true);
    expect(whole.data!.nodes).toEqual(nodes.nodes);
  });

  it('a lookup of a few scalars reads three properties', async () => {
    const answer = await run('{ activity(key: "sc61-request-gorillas") { key name } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.asked).toEqual([{ statement: 'entities/byIds', props: ['id', 'kind', 'name'] }]);
  });

  it('a field resolved elsewhere (the analysts’ contributions) gets the whole row', async () => {
    const answer = await run('{ activity(key: "sc61-request-gorillas") { key targetContributions { target { key } } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.asked[0]).toEqual({ statement: 'entities/byIds', props: null });
  });
});
