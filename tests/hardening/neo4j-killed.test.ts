/**
 * The local Neo4j dies (SIGKILL) under traffic: the supervisor logs it and starts it again on the same data
 * folder and port; the same API process answers again, with the graph intact. Prints seconds from kill to ready.
 * With no restart allowed (NEO4J_LOCAL_MAX_RESTARTS=0), /healthz answers 503 with the reason, on the main port
 * and on the management port (whose worker reads the reason the main thread shares at its next beat).
 */
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { startApiProcess, type ApiProcess } from '../support/apiProcess.js';

const QUERY = '{ activities(first: 5) { nodes { key name } } }';

async function ask(url: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  const body = (await response.json()) as { data?: { activities: { nodes: unknown[] } }; errors?: { extensions: { code: string } }[] };
  return { status: response.status, body };
}

describe('when the local Neo4j is killed', () => {
  let api: ApiProcess | undefined;
  afterEach(async () => {
    await api?.stop();
    api = undefined;
  });

  it('is restarted by the supervisor and the same API answers again, without a restart', { timeout: 300_000 }, async () => {
    api = await startApiProcess({ RATE_LIMIT_PER_MINUTE: '0', MAX_CONNECTIONS_PER_CLIENT: '0' });
    const before = await ask(api.url);
    expect(before.status).toBe(200);
    const activities = before.body.data!.activities.nodes;

    // Traffic while it dies: fast 503s, never an internal error.
    const codes: string[] = [];
    let running = true;
    const clients = Array.from({ length: 10 }, async () => {
      while (running) {
        const r = await ask(api!.url);
        for (const e of r.body.errors ?? []) codes.push(e.extensions.code);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    const killedPid = api.jvmPid();
    const died = api.waitFor(/Neo4j \(pid \d+\) died/, 30_000);
    const restarted = api.waitFor(/Neo4j restarted/, 240_000);
    const killedAt = performance.now();
    process.kill(killedPid, 'SIGKILL');
    await died;
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);

    const restartLine = await restarted;
    let readyAfter = Number.POSITIVE_INFINITY;
    while (performance.now() - killedAt < 240_000) {
      if ((await fetch(`${api.url}/readyz`)).status === 200) {
        readyAfter = performance.now() - killedAt;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    running = false;
    await Promise.all(clients);
    expect(readyAfter).toBeLessThan(240_000);
    expect(api.jvmPid()).not.toBe(killedPid);

    const after = await ask(api.url);
    expect(after.status).toBe(200);
    expect(after.body.data!.activities.nodes).toEqual(activities);
    expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
    console.log(
      `SIGKILL of the local Neo4j: ready again ${(readyAfter / 1000).toFixed(1)} s after the kill, same API process (${restartLine.replace(/^\[neo4j-local\] /, '')}; load average ${os.loadavg()[0]!.toFixed(1)})`,
    );
  });

  it('reports unhealthy (503) with the reason once it may not restart it any more', { timeout: 300_000 }, async () => {
    api = await startApiProcess({ NEO4J_LOCAL_MAX_RESTARTS: '0' });
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${api.healthUrl}/healthz`)).status).toBe(200);
    const gaveUp = api.waitFor(/giving up/, 30_000);
    process.kill(api.jvmPid(), 'SIGKILL');
    expect(await gaveUp).toMatch(/NEO4J_LOCAL_MAX_RESTARTS=0/);
    const health = await fetch(`${api.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unhealthy', reason: expect.stringMatching(/local Neo4j died/) });
    // The management port: at the main thread's next beat, 100 ms later at most (a second allowed).
    let management = await fetch(`${api.healthUrl}/healthz`);
    for (const deadline = performance.now() + 1000; management.status === 200 && performance.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      management = await fetch(`${api.healthUrl}/healthz`);
    }
    expect(management.status).toBe(503);
    expect(await management.json()).toEqual(await (await fetch(`${api.url}/healthz`)).json());
  });
});
