/**
 * Ranking by foundation where the curated graph has nothing to rank: no path to an Aichi Target is
 * sourced end to end in data/ today. A private Neo4j holds data/ plus one activity whose own link to
 * Target 12 a source states (a test fixture, not a fact), so SOURCED, CURATED and INHERITED meet.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { createContext } from '../src/graphql/context.js';
import { loadGraph } from '../src/ingest/load.js';
import { readGraph } from '../src/ingest/validate.js';
import { createServer, type ApiServer } from '../src/server.js';
import { startScratchNeo4j, type ScratchNeo4j } from './support/scratch.js';

// Keyed to sort after every real activity, so only its foundation can put it first.
const FIXTURE_ACTIVITY = `
  - id: zz-fixture-sourced-activity
    name: Test fixture, an activity whose link to Target 12 a source states
    status: planned
    theme: species
    sources: [{ doc: stc38-report, at: "8" }]
    links:
      - { type: SERVES, to: aichi-target-12, sources: [{ doc: stc38-report, at: "8" }] }
`;

let scratch: ScratchNeo4j;
let server: ApiServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccg-ranking-'));
  fs.cpSync(path.join(PROJECT_ROOT, 'data'), dataDir, { recursive: true });
  fs.appendFileSync(path.join(dataDir, 'activities.yaml'), FIXTURE_ACTIVITY);
  scratch = await startScratchNeo4j();
  await loadGraph(scratch.db, readGraph(dataDir), { force: true });
  server = await createServer(loadConfig({ ...process.env, NEO4J_URI: scratch.neo4j.boltUrl, PORT: '0' }), scratch.db);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await scratch?.dispose();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function run(query: string) {
  const config = loadConfig({ ...process.env, NEO4J_URI: scratch.neo4j.boltUrl, PORT: '0' });
  const response = await server.apollo.executeOperation({ query }, { contextValue: createContext(scratch.db, config) });
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  expect(response.body.singleResult.errors).toBeUndefined();
  return response.body.singleResult.data as any;
}

describe('ranking by foundation', () => {
  it('puts the SOURCED contribution first, then CURATED by key, then INHERITED by key', async () => {
    const data = await run(
      '{ aichiTarget(key: "aichi-target-12") { contributions(first: 100, includeInherited: true) { foundation rationale activity { key } } } }',
    );
    const list = data.aichiTarget.contributions as { foundation: string; rationale: string | null; activity: { key: string } }[];
    expect(list[0]).toEqual({ foundation: 'SOURCED', rationale: null, activity: { key: 'zz-fixture-sourced-activity' } });
    const foundations = list.map((c) => c.foundation);
    const firstInherited = foundations.indexOf('INHERITED');
    expect(foundations.slice(1, firstInherited).every((f) => f === 'CURATED')).toBe(true);
    expect(foundations.slice(firstInherited).every((f) => f === 'INHERITED')).toBe(true);
    for (const part of [list.slice(1, firstInherited), list.slice(firstInherited)]) {
      const keys = part.map((c) => c.activity.key);
      expect(keys).toEqual([...keys].sort());
    }
  });

  it('keeps the ranking when first cuts the list: the sourced one survives a page of one', async () => {
    const data = await run('{ aichiTarget(key: "aichi-target-12") { contributions(first: 1) { foundation activity { key } } } }');
    expect(data.aichiTarget.contributions).toEqual([{ foundation: 'SOURCED', activity: { key: 'zz-fixture-sourced-activity' } }]);
  });

  it('through a curated Aichi bridge, the sourced contribution is at best CURATED', async () => {
    const data = await run(
      '{ gbfTarget(key: "gbf-target-4") { contributions(first: 100) { foundation aichiTarget { number } bridge { provenance { basis } } contribution { foundation activity { key } } } } }',
    );
    const fixture = data.gbfTarget.contributions.find((c: any) => c.contribution.activity.key === 'zz-fixture-sourced-activity');
    expect(fixture).toMatchObject({
      foundation: 'CURATED',
      aichiTarget: { number: 12 },
      bridge: { provenance: { basis: 'CURATED' } },
      contribution: { foundation: 'SOURCED' },
    });
  });

  it('from the activity back: its own sourced link', async () => {
    const data = await run('{ activity(key: "zz-fixture-sourced-activity") { targetContributions { foundation route target { number } } } }');
    expect(data.activity.targetContributions).toEqual([{ foundation: 'SOURCED', route: 'DIRECT', target: { number: 12 } }]);
  });
});
