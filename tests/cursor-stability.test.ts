/** A cursor is a keyset, not an offset: it stays valid, and skips nothing, after data is added. */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/graphql/context.js';
import { loadGraph } from '../src/ingest/load.js';
import { readGraph } from '../src/ingest/validate.js';
import { createServer, type ApiServer } from '../src/server.js';
import { testConfig } from './support/db.js';
import { fixtureCopy } from './support/fixtures.js';
import { startScratchNeo4j, type ScratchNeo4j } from './support/scratch.js';

let scratch: ScratchNeo4j;
let server: ApiServer;
beforeAll(async () => {
  scratch = await startScratchNeo4j();
  server = await createServer(testConfig({ PORT: '0' }), scratch.db);
});
afterAll(async () => {
  await server?.stop();
  await scratch?.dispose();
});

const activity = (id: string) => `
  - id: ${id}
    name: Activity ${id}
    status: planned
    theme: species
    sources: [{ doc: report, at: "2" }]
`;

async function page(after: string | null) {
  const context = createContext(scratch.db, testConfig({ PORT: '0' }));
  const response = await server.apollo.executeOperation(
    {
      query: 'query($after: String) { activities(first: 2, after: $after) { nodes { key } pageInfo { endCursor hasNextPage } } }',
      variables: { after },
    },
    { contextValue: context },
  );
  if (response.body.kind !== 'single') throw new Error('unexpected');
  expect(response.body.singleResult.errors).toBeUndefined();
  return (response.body.singleResult.data as any).activities;
}

describe('cursors', () => {
  it('still point after the same row when rows are added before and after it', async () => {
    const before = fixtureCopy({ 'activities.yaml': (t) => t + activity('activity-c') + activity('activity-e') });
    await loadGraph(scratch.db, readGraph(before), { force: true });
    const first = await page(null);
    expect(first.nodes.map((n: any) => n.key)).toEqual(['activity-a', 'activity-c']);

    // Added: one row that sorts before the cursor, two after it.
    const after = fixtureCopy({
      'activities.yaml': (t) => t + activity('activity-b') + activity('activity-c') + activity('activity-d') + activity('activity-e'),
    });
    await loadGraph(scratch.db, readGraph(after), { force: true });
    const second = await page(first.pageInfo.endCursor);
    // An offset would have returned activity-c again (shifted by activity-b); the keyset continues after it.
    expect(second.nodes.map((n: any) => n.key)).toEqual(['activity-d', 'activity-e']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    for (const dir of [before, after]) fs.rmSync(dir, { recursive: true, force: true });
  });
});
