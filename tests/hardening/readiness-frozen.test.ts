/**
 * Neo4j freezes (SIGSTOP of the test's own JVM): /readyz, on the main port and the management port, answers
 * 503 within a probe's interval and deadline of the freeze, and every answer comes at once (it used to wait
 * for the whole read deadline, QUERY_TIMEOUT_MS + 250 ms); after SIGCONT it is 200 again within a second or two.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startManagementServer, type ManagementServer } from '../../src/health/managementServer.js';
import { READINESS_PROBE_DEADLINE_MS, READINESS_PROBE_INTERVAL_MS } from '../../src/health/monitor.js';
import { Database } from '../../src/db/database.js';
import { createServer, type ApiServer } from '../../src/server.js';
import { startScratchNeo4j, type ScratchNeo4j } from '../support/scratch.js';
import { testConfig } from '../support/db.js';

const QUERY_TIMEOUT_MS = 10_000; // the default: what /readyz used to wait on a frozen Neo4j
const FROZEN_MS = 5000;

interface Answer {
  port: 'main' | 'management';
  /** performance.now() when sent. */
  sentAt: number;
  ms: number;
  status: number;
  body: unknown;
}

describe('readiness when Neo4j freezes', () => {
  let scratch: ScratchNeo4j;
  let db: Database;
  let server: ApiServer;
  let management: ManagementServer;
  let frozen = false;
  const urls = { main: '', management: '' };
  beforeAll(async () => {
    scratch = await startScratchNeo4j();
    db = new Database({ uri: scratch.neo4j.boltUrl, database: 'neo4j', queryTimeoutMs: QUERY_TIMEOUT_MS });
    server = await createServer(testConfig({ PORT: '0', LOG_LEVEL: 'warn' }), db);
    urls.main = await server.listen();
    management = await startManagementServer(server.health, '127.0.0.1', 0);
    urls.management = management.url;
  });
  afterAll(async () => {
    if (frozen) process.kill(scratch.neo4j.pid, 'SIGCONT');
    await management?.stop();
    await server?.stop();
    await db?.close();
    await scratch?.dispose();
  });

  /** Both ports' /readyz every 100 ms until `done` says so; each answer timed (the old wait was 10 s). */
  const poll = async (done: (answers: Answer[]) => boolean, timeoutMs: number): Promise<Answer[]> => {
    const answers: Answer[] = [];
    const started = performance.now();
    while (!done(answers) && performance.now() - started < timeoutMs) {
      const round = (['main', 'management'] as const).map(async (port): Promise<Answer> => {
        const sentAt = performance.now();
        const response = await fetch(`${urls[port]}/readyz`, { signal: AbortSignal.timeout(QUERY_TIMEOUT_MS + 5000) });
        return { port, sentAt, ms: performance.now() - sentAt, status: response.status, body: await response.json() };
      });
      answers.push(...(await Promise.all(round)));
      await new Promise((r) => setTimeout(r, 100));
    }
    return answers;
  };
  const firstOf = (answers: Answer[], status: number) => (port: Answer['port']) => answers.find((a) => a.port === port && a.status === status);

  it('answers 503 at once while Neo4j is frozen, and 200 again soon after it thaws', { timeout: 60_000 }, async () => {
    // Ready first (a fresh JVM's first query may take longer than a probe's deadline).
    const warm = await poll((answers) => answers.slice(-2).every((a) => a.status === 200) && answers.length >= 2, 30_000);
    for (const a of warm.slice(-2)) expect(a).toMatchObject({ status: 200, body: { status: 'ready', neo4j: 'up' } });

    const frozenAt = performance.now();
    process.kill(scratch.neo4j.pid, 'SIGSTOP');
    frozen = true;
    const whileFrozen = await poll(() => performance.now() - frozenAt > FROZEN_MS, FROZEN_MS + 1000);
    process.kill(scratch.neo4j.pid, 'SIGCONT');
    frozen = false;
    const thawedAt = performance.now();
    const afterThaw = await poll(
      (answers) => ['main', 'management'].every((port) => answers.some((a) => a.port === port && a.status === 200)),
      20_000,
    );

    const notReady = firstOf(whileFrozen, 503);
    const readyAgain = firstOf(afterThaw, 200);
    const slowest = Math.max(...[...whileFrozen, ...afterThaw].map((a) => a.ms));
    const since = (a: Answer | undefined, from: number) => (a ? `${(a.sentAt - from).toFixed(0)} ms` : 'never');
    console.log(
      `frozen: /readyz 503 after ${since(notReady('main'), frozenAt)} (main port), ${since(notReady('management'), frozenAt)} (management port); ` +
        `slowest answer ${slowest.toFixed(0)} ms; 200 again ${since(readyAgain('main'), thawedAt)} / ${since(readyAgain('management'), thawedAt)} after SIGCONT`,
    );

    // Every answer at once, frozen or not: none waits on Neo4j.
    for (const a of [...whileFrozen, ...afterThaw]) expect(a.ms).toBeLessThan(1500);
    // Not ready within one probe interval and deadline of the freeze (plus a margin for a busy machine), and
    // from then on until the thaw.
    const reportedWithin = READINESS_PROBE_INTERVAL_MS + READINESS_PROBE_DEADLINE_MS + 500;
    for (const port of ['main', 'management'] as const) {
      const first = notReady(port);
      expect(first, `${port} port never said not ready`).toBeDefined();
      expect(first!.sentAt - frozenAt).toBeLessThan(reportedWithin);
      expect(first!.body).toEqual({ status: 'not ready', neo4j: 'unreachable' });
      for (const a of whileFrozen.filter((a) => a.port === port && a.sentAt > first!.sentAt + first!.ms)) expect(a.status).toBe(503);
    }
    // Thawed: ready again after at most a few probes.
    for (const port of ['main', 'management'] as const) {
      expect(readyAgain(port), `${port} port never said ready again`).toBeDefined();
      expect(readyAgain(port)!.sentAt - thawedAt).toBeLessThan(5000);
      expect(readyAgain(port)!.body).toEqual({ status: 'ready', neo4j: 'up' });
    }
  });
});
