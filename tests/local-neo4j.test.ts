import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { LocalNeo4jError, startLocalNeo4j } from '../src/neo4j-local/localNeo4j.js';
import { startScratchNeo4j } from './support/scratch.js';

const settings = () => loadConfig({ ...process.env, NEO4J_URI: undefined }).local;
const quiet = { log: () => undefined };

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitUntilDead(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return !isAlive(pid);
}

async function expectLocalError(promise: Promise<unknown>, code: string, pattern: RegExp) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LocalNeo4jError);
  expect((error as LocalNeo4jError).code).toBe(code);
  expect((error as Error).message).toMatch(pattern);
  // Every failure names the alternatives.
  expect((error as Error).message).toMatch(/NEO4J_URI/);
  expect((error as Error).message).toMatch(/docker compose up/);
}

describe('the local Neo4j launcher', () => {
  it('names a missing Java and the way around it', async () => {
    await expectLocalError(
      startLocalNeo4j({ ...settings(), java: '/nonexistent/bin/java' }, quiet),
      'JAVA_MISSING',
      /Java was not found \(tried "\/nonexistent\/bin\/java"\).*NEO4J_LOCAL_JAVA/s,
    );
  });

  it('names a missing Maven when Neo4j is not in the cache yet', async () => {
    const emptyCache = fs.mkdtempSync(path.join(os.tmpdir(), 'ccg-cache-'));
    try {
      await expectLocalError(
        startLocalNeo4j({ ...settings(), cacheDir: emptyCache, mvn: '/nonexistent/bin/mvn' }, quiet),
        'MAVEN_MISSING',
        /Maven was not found \(tried "\/nonexistent\/bin\/mvn"\)/,
      );
    } finally {
      fs.rmSync(emptyCache, { recursive: true, force: true });
    }
  });

  it('names a port that is already taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccg-port-'));
    try {
      await expectLocalError(
        startLocalNeo4j({ ...settings(), port }, { ...quiet, dataDir }),
        'PORT_IN_USE',
        new RegExp(`127\\.0\\.0\\.1:${port} is already in use.*NEO4J_LOCAL_PORT`, 's'),
      );
    } finally {
      blocker.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps its data between runs and stops its JVM on stop()', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccg-keep-'));
    try {
      const first = await startScratchNeo4j({ dataDir });
      await first.db.write('health/ping');
      const session = first.db.driver.session();
      await session.run("CREATE (:KeepMe {at: 'first run'})");
      await session.close();
      const stopping = performance.now();
      await first.dispose();
      expect(await waitUntilDead(first.neo4j.pid, 1000)).toBe(true);
      // Promptly: Neo4j's Bolt server used to wait twice 5 quiet seconds (Launcher.java sets no quiet period).
      expect(performance.now() - stopping).toBeLessThan(8000);

      const second = await startScratchNeo4j({ dataDir });
      const again = second.db.driver.session();
      const result = await again.run('MATCH (k:KeepMe) RETURN k.at AS at');
      await again.close();
      await second.dispose();
      expect(result.records.map((r) => r.get('at'))).toEqual(['first run']);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000); // two JVM starts, each up to a minute when both cores are busy

  it('leaves no orphan JVM when the process that started it is killed', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'tests/support/neo4jChild.ts')], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NEO4J_URI: '' },
    });
    let dataDir = '';
    const jvmPid = await new Promise<number>((resolve, reject) => {
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        const m = /^JVM_PID (\d+) (\S+)/.exec(line);
        if (m) {
          dataDir = m[2]!;
          resolve(Number(m[1]));
        }
      });
      child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    expect(isAlive(jvmPid)).toBe(true);
    child.kill('SIGKILL'); // no chance to clean up: the JVM must notice its stdin closing
    expect(await waitUntilDead(jvmPid, 30_000)).toBe(true);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
