/**
 * Neo4j freezes (SIGSTOP, 20 s) under 50 concurrent clients: Neo4j's own timeout cannot fire, so the client-side
 * deadlines must. No request lasts longer than QUERY_TIMEOUT_MS + 1 s, none answers an internal error,
 * unavailability is 503 with Retry-After; after SIGCONT the same API answers again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startApiProcess, type ApiProcess } from '../support/apiProcess.js';

const QUERY_TIMEOUT_MS = 2000;
const FROZEN_MS = 20_000;
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
  let api: ApiProcess | undefined;
  afterAll(async () => {
    if (api?.jvmPid()) process.kill(api.jvmPid(), 'SIGCONT');
    await api?.stop();
  });

  it('ends every request within QUERY_TIMEOUT_MS + 1 s with 503, never an internal error, and recovers after SIGCONT', {
    timeout: 300_000,
  }, async () => {
    api = await startApiProcess({ QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS), RATE_LIMIT_PER_MINUTE: '0', MAX_CONNECTIONS_PER_CLIENT: '0' });
    const url = api.url;
    const ask = async (): Promise<Outcome> => {
      const started = performance.now();
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: QUERY }),
      });
      const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
      return {
        started,
        millis: performance.now() - started,
        status: response.status,
        codes: (body.errors ?? []).map((e) => e.extensions.code),
        retryAfter: response.headers.get('retry-after'),
      };
    };

    // Warm up (query plans, connections) on a machine that may be busy: a cold first plan can take seconds.
    const warmUntil = performance.now() + 30_000;
    let warm = await ask();
    while (warm.status !== 200 && performance.now() < warmUntil) warm = await ask();
    expect(warm).toMatchObject({ status: 200, codes: [] });
    for (const r of await Promise.all(Array.from({ length: 10 }, ask))) expect(r).toMatchObject({ status: 200, codes: [] });

    const outcomes: Outcome[] = [];
    let running = true;
    const clients = Array.from({ length: CLIENTS }, async (_, i) => {
      await new Promise((r) => setTimeout(r, i * 40)); // connections opened over 2 s, not in one burst
      while (running) outcomes.push(await ask());
    });
    await new Promise((r) => setTimeout(r, 5000));
    const pid = api.jvmPid();
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
    // Bounded: every request sent while Neo4j is frozen. (Those in flight when it froze are reported: on a
    // machine busy enough their time before reaching the API is not the API's.)
    const affected = outcomes.filter((o) => o.started >= frozenAt);
    const inFlight = outcomes.filter((o) => o.started < frozenAt && o.started + o.millis >= frozenAt);
    const worstFirst = [...affected].sort((a, b) => b.millis - a.millis).slice(0, 5);
    console.log(
      'slowest:',
      worstFirst.map((o) => `${o.millis.toFixed(0)} ms ${o.status} ${o.codes.join(',')} at ${(o.started - frozenAt).toFixed(0)} ms`).join('; '),
    );
    for (const o of affected) expect(o.millis).toBeLessThan(QUERY_TIMEOUT_MS + 1000);
    for (const o of outcomes) {
      expect(o.codes).not.toContain('INTERNAL_SERVER_ERROR');
      if (o.status !== 200) {
        expect(o.status).toBe(503);
        expect(o.retryAfter).toMatch(/^\d+$/);
        for (const code of o.codes) expect(['SERVICE_UNAVAILABLE', 'QUERY_TIMEOUT', 'OPERATION_TOO_LONG']).toContain(code);
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
    const slowest = Math.max(...affected.map((o) => o.millis));
    console.log(
      `frozen ${FROZEN_MS / 1000} s under ${CLIENTS} clients (QUERY_TIMEOUT_MS=${QUERY_TIMEOUT_MS}): ${outcomes.length} requests, ` +
        `${duringFreeze.length} during the freeze, slowest sent during the freeze ${slowest.toFixed(0)} ms, slowest in flight when it froze ` +
        `${Math.max(0, ...inFlight.map((o) => o.millis)).toFixed(0)} ms, answers again ${recoveredAfter.toFixed(0)} ms after SIGCONT`,
    );
  });
});
