/**
 * The main event loop is blocked: the thread running the API (here, this test's thread) waits synchronously
 * for STALLED_AFTER_MS + 2 s. The management port's worker still answers /healthz and /readyz at once from
 * the shared state: 200 while the block is shorter than the limit, then 503 with the reason, then 200 again
 * as soon as the loop runs. The main port's /healthz waits for the whole block, which shows it was real.
 * The probes run in a child process: nothing in this thread can run while it is blocked.
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STALLED_AFTER_MS } from '../../src/health/healthState.js';
import { startManagementServer, type ManagementServer } from '../../src/health/managementServer.js';
import { startTestServer, type TestServer } from '../support/server.js';

const BLOCK_MS = STALLED_AFTER_MS + 2000;

interface Probe {
  name: 'management /healthz' | 'management /readyz' | 'main /healthz';
  /** Date.now() when sent, in the probe's process (the same clock as this one's). */
  sentAt: number;
  ms: number;
  status: number;
  body: { status: string; reason?: string };
}

/** Probes each URL every 50 ms from a child process, one line of JSON per answer, until stopped. */
function startProbes(urls: Record<Probe['name'], string>) {
  // A new connection per probe, as an orchestrator's: a kept-alive one would be closed by the API's
  // keep-alive timer, due while the loop was blocked, before the request waiting on it is read.
  const script = `
    const http = require('node:http');
    const urls = ${JSON.stringify(urls)};
    let running = true;
    process.stdin.on('data', () => { running = false; });
    const get = (url) => new Promise((resolve) => {
      http.get(url, { agent: false }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(text) }));
      }).on('error', (error) => resolve({ status: 0, body: { status: String(error) } }));
    });
    const loops = Object.entries(urls).map(async ([name, url]) => {
      while (running) {
        const sentAt = Date.now();
        const t = performance.now();
        const { status, body } = await get(url);
        process.stdout.write(JSON.stringify({ name, sentAt, ms: performance.now() - t, status, body }) + '\\n');
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    Promise.all(loops).then(() => process.exit(0));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const probes: Probe[] = [];
  const waiters: { test: (p: Probe) => boolean; resolve: (p: Probe) => void }[] = [];
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    const probe = JSON.parse(line) as Probe;
    probes.push(probe);
    for (const w of [...waiters]) {
      if (w.test(probe)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(probe);
      }
    }
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    probes,
    /** The first answer (from now on) that passes `test`. */
    until: (test: (p: Probe) => boolean, timeoutMs: number) =>
      new Promise<Probe>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such probe within ${timeoutMs} ms: ${JSON.stringify(probes.slice(-5))}`)), timeoutMs);
        waiters.push({
          test,
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p);
          },
        });
      }),
    stop: async () => {
      child.stdin!.end('stop');
      await exited;
    },
  };
}

describe('when the main event loop is blocked', () => {
  let api: TestServer;
  let management: ManagementServer;
  beforeAll(async () => {
    api = await startTestServer({ LOG_LEVEL: 'warn' });
    management = await startManagementServer(api.server.health, '127.0.0.1', 0);
  });
  afterAll(async () => {
    await management?.stop();
    await api?.close();
  });

  it('the management port answers at once: 200, then 503 with the reason past the limit, then 200 again', { timeout: 60_000 }, async () => {
    const probe = startProbes({
      'management /healthz': `${management.url}/healthz`,
      'management /readyz': `${management.url}/readyz`,
      'main /healthz': `${api.url}/healthz`,
    });
    try {
      await probe.until((p) => p.name === 'management /readyz' && p.status === 200, 10_000);
      await probe.until((p) => p.name === 'main /healthz' && p.status === 200, 10_000);

      const blockedAt = Date.now();
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, BLOCK_MS); // the whole thread stops here
      const unblockedAt = Date.now();
      const back = await probe.until((p) => p.name === 'management /healthz' && p.sentAt >= unblockedAt && p.status === 200, 5000);
      await probe.until((p) => p.name === 'main /healthz' && p.sentAt >= unblockedAt, 5000);

      const answered = (name: Probe['name'], from: number, to: number) =>
        probe.probes.filter((p) => p.name === name && p.sentAt >= from && p.sentAt + p.ms <= to);
      // Before the limit (less a beat's interval and a margin): alive, ready, and fast.
      const early = answered('management /healthz', blockedAt, blockedAt + STALLED_AFTER_MS - 300);
      const earlyReady = answered('management /readyz', blockedAt, blockedAt + STALLED_AFTER_MS - 300);
      // Past the limit (plus a margin): unhealthy and not ready, with the reason.
      const late = answered('management /healthz', blockedAt + STALLED_AFTER_MS + 300, unblockedAt);
      const lateReady = answered('management /readyz', blockedAt + STALLED_AFTER_MS + 300, unblockedAt);
      const during = answered('management /healthz', blockedAt, unblockedAt);
      const times = during.map((p) => p.ms).sort((a, b) => a - b);
      console.log(
        `main loop blocked ${BLOCK_MS} ms: management /healthz answered ${during.length} times meanwhile, p50 ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, ` +
          `max ${times.at(-1)!.toFixed(1)} ms; 200 again ${(back.sentAt + back.ms - unblockedAt).toFixed(0)} ms after the block; ` +
          `main /healthz waited ${Math.max(...probe.probes.filter((p) => p.name === 'main /healthz').map((p) => p.ms)).toFixed(0)} ms`,
      );

      expect(early.length).toBeGreaterThan(20);
      for (const p of early) expect(p).toMatchObject({ status: 200, body: { status: 'ok' } });
      for (const p of earlyReady) expect(p).toMatchObject({ status: 200, body: { status: 'ready', neo4j: 'up' } });
      expect(late.length).toBeGreaterThan(5);
      for (const p of late) {
        expect(p).toMatchObject({ status: 503, body: { status: 'unhealthy', reason: expect.stringMatching(/main event loop has not run for \d/) } });
      }
      expect(lateReady.length).toBeGreaterThan(5);
      for (const p of lateReady)
        expect(p).toMatchObject({ status: 503, body: { status: 'not ready', reason: expect.stringMatching(/main event loop/) } });
      // Fast all along: nothing the worker answers waits for the blocked loop.
      for (const p of during) expect(p.ms).toBeLessThan(1000);
      expect(back.sentAt + back.ms - unblockedAt).toBeLessThan(1000);
      // The block was real: the main port's answer waited for it.
      const mainWaited = probe.probes.filter((p) => p.name === 'main /healthz' && p.sentAt < unblockedAt && p.sentAt + p.ms >= unblockedAt);
      expect(mainWaited.length).toBe(1);
      expect(mainWaited[0]!.ms).toBeGreaterThan(BLOCK_MS - 1000);
      expect(mainWaited[0]!.status).toBe(200);
    } finally {
      await probe.stop();
    }
  });
});
