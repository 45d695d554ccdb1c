/**
 * Neo4j freezes (SIGSTOP) under 50 concurrent clients: Neo4j's own timeout cannot fire, so the client-side
 * deadlines must. No request lasts longer than QUERY_TIMEOUT_MS + 1 s, none answers an internal error,
 * unavailability is 503 with Retry-After; after SIGCONT the same API answers again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { loadGraph } from '../../src/ingest/load.js';
import { readGraph } from '../../src/ingest/validate.js';
import { createServer, type ApiServer } from '../../src/server.js';
import { testConfig } from '../support/db.js';
import { VALID_FIXTURE } from '../support/fixtures.js';
import { startScratchNeo4j, type ScratchNeo4j } from '../support/scratch.js';

const QUERY_TIMEOUT_MS = 2000;
const FROZEN_MS = 15_000;
const CLIENTS = 50;
const QUERY = '{ activities(first: 5) { nodes { key name programme { node { key } } } } }';

interface Outcome {
  started: number;
  millis: number;
  status: number;
  codes: string[];
  retryAfter: string | null;
}

describe('when Neo4j freezes', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccg-frozen-'));
  let neo4j: ScratchNeo4j | undefined;
  let api: ApiServer | undefined;
  let db: Database | undefined;
  afterAll(async () => {
    if (neo4j) process.kill(neo4j.neo4j.pid, 'SIGCONT');
    await api?.stop();
    await db?.close();
    await neo4j?.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('ends every request within QUERY_TIMEOUT_MS + 1 s with 503, never an internal error, and recovers after SIGCONT', { timeout: 120_000 }, async () => {
    neo4j = await startScratchNeo4j({ dataDir });
    await loadGraph(neo4j.db, readGraph(VALID_FIXTURE));
    db = new Database({ uri: neo4j.neo4j.boltUrl, database: 'neo4j', queryTimeoutMs: QUERY_TIMEOUT_MS });
    api = await createServer(testConfig({ PORT: '0', QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS), RATE_LIMIT_PER_MINUTE: '0', MAX_CONNECTIONS_PER_CLIENT: '0' }), db);
    const url = await api.listen();
    const ask = async (): Promise<Outcome> => {
      const started = performance.now();
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
      const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
      return {
        started,
        millis: performance.now() - started,
        status: response.status,
        codes: (body.errors ?? []).map((e) => e.extensions.code),
        retryAfter: response.headers.get('retry-after'),
      };
    };

    const warm = await Promise.all(Array.from({ length: 10 }, ask));
    for (const r of warm) expect(r.status).toBe(200);

    const outcomes: Outcome[] = [];
    let running = true;
    const clients = Array.from({ length: CLIENTS }, async () => {
      while (running) outcomes.push(await ask());
    });
    await new Promise((r) => setTimeout(r, 1000));
    const pid = neo4j.neo4j.pid;
    const frozenAt = performance.now();
    process.kill(pid, 'SIGSTOP');
    await new Promise((r) => setTimeout(r, FROZEN_MS));
    const readyWhileFrozen = await fetch(`${url}/readyz`);
    process.kill(pid, 'SIGCONT');
    const thawedAt = performance.now();
    running = false;
    await Promise.all(clients);

    const duringFreeze = outcomes.filter((o) => o.started >= frozenAt && o.started + o.millis <= thawedAt);
    expect(duringFreeze.length).toBeGreaterThan(CLIENTS);
    expect(readyWhileFrozen.status).toBe(503);
    for (const o of outcomes) {
      expect(o.codes).not.toContain('INTERNAL_SERVER_ERROR');
      expect(o.millis).toBeLessThan(QUERY_TIMEOUT_MS + 1000);
      if (o.status !== 200) {
        expect(o.status).toBe(503);
        expect(o.retryAfter).toMatch(/^\d+$/);
        for (const code of o.codes) expect(['SERVICE_UNAVAILABLE', 'QUERY_TIMEOUT']).toContain(code);
      }
    }
    for (const o of duringFreeze) expect(o.status).toBe(503);

    // Thawed: the same API answers again.
    let recoveredAfter = Number.POSITIVE_INFINITY;
    while (performance.now() - thawedAt < 20_000) {
      const r = await ask();
      if (r.status === 200 && r.codes.length === 0) {
        recoveredAfter = performance.now() - thawedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(recoveredAfter).toBeLessThan(20_000);
    const slowest = Math.max(...outcomes.map((o) => o.millis));
    console.log(
      `frozen ${FROZEN_MS / 1000} s under ${CLIENTS} clients (QUERY_TIMEOUT_MS=${QUERY_TIMEOUT_MS}): ${outcomes.length} requests, ` +
        `${duringFreeze.length} during the freeze, slowest ${slowest.toFixed(0)} ms, answers again ${recoveredAfter.toFixed(0)} ms after SIGCONT`,
    );
  });
});
