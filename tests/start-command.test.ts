import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, inject, it } from 'vitest';
import { startNodeFlags } from '../bench/harness.js';
import { PROJECT_ROOT } from '../src/config.js';

/** Runs what `npm start` runs, the compiled dist/main.js (built by `pretest`), with the given environment. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, [...startNodeFlags(), path.join(PROJECT_ROOT, 'dist/main.js')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const output: string[] = [];
  const ready = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stderr! }).on('line', (line) => {
      output.push(line);
      const m = /ready: GraphQL at (\S+)\/graphql/.exec(line);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output.join('\n')}`)));
  });
  ready.catch(() => undefined); // a test expecting failure awaits `exited` instead
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, ready, exited, output };
}

describe('the start command', () => {
  it('serves the API, answers /readyz with ready on both ports, and stops cleanly and promptly on SIGTERM', async () => {
    const api = start({ NEO4J_URI: inject('neo4jUri'), PORT: '0', HEALTH_PORT: '0', LOAD_ON_START: 'never' });
    const url = await api.ready;
    const management = /health at (\S+)\/healthz .*\(management port/.exec(api.output.join('\n'))?.[1];
    expect(management, 'the ready line names the management port').toBeDefined();
    expect(management).not.toBe(url);
    for (const base of [url, management]) {
      const response = await fetch(`${base}/readyz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ready', neo4j: 'up' });
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    }
    const stoppedAt = performance.now();
    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    // The management port's worker does not hold the process (no local Neo4j to stop here).
    expect(performance.now() - stoppedAt).toBeLessThan(5000);
    expect(api.output.join('\n')).toMatch(/SIGTERM: shutting down/);
  });

  it('serves without a management port when HEALTH_PORT=off', async () => {
    const api = start({ NEO4J_URI: inject('neo4jUri'), PORT: '0', HEALTH_PORT: 'off', LOAD_ON_START: 'never' });
    const url = await api.ready;
    expect(api.output.join('\n')).not.toMatch(/management port/);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
  });

  it('serves on when the management port cannot listen, and says why', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (taken.address() as net.AddressInfo).port;
      const api = start({ NEO4J_URI: inject('neo4jUri'), PORT: '0', HEALTH_PORT: String(port), LOAD_ON_START: 'never' });
      const url = await api.ready;
      expect(api.output.join('\n')).toMatch(new RegExp(`management port 127\\.0\\.0\\.1:${port} could not listen: .*EADDRINUSE.*main port only`));
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      api.child.kill('SIGTERM');
      expect(await api.exited).toBe(0);
    } finally {
      taken.close();
    }
  });

  it('stops at once with a message naming each bad variable', async () => {
    const api = start({ PORT: 'abc', NEO4J_URI: 'http://wrong' });
    expect(await api.exited).toBe(1);
    const said = api.output.join('\n');
    expect(said).toMatch(/Invalid configuration/);
    expect(said).toMatch(/PORT must be an integer, got "abc"/);
    expect(said).toMatch(/NEO4J_URI must look like bolt:\/\/host:7687/);
  });
});
