import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.js';

/** Runs what `npm start` runs, the compiled dist/main.js (built by `pretest`), with the given environment. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(PROJECT_ROOT, 'dist/main.js')], {
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
  it('serves the API, answers /readyz with ready, and stops cleanly on SIGTERM', async () => {
    const api = start({ NEO4J_URI: inject('neo4jUri'), PORT: '0', LOAD_ON_START: 'never' });
    const url = await api.ready;
    const response = await fetch(`${url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', neo4j: 'up' });
    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    expect(api.output.join('\n')).toMatch(/SIGTERM: shutting down/);
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
