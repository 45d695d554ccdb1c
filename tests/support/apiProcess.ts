/**
 * `npm start` as a child process with its own local Neo4j (supervised) in a temporary folder, loaded with
 * the valid fixture: what production runs, with the JVM's pid at hand for fault injection. The API runs in
 * its own process so the test's clients do not share its event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { PROJECT_ROOT } from '../../src/config.js';
import { VALID_FIXTURE } from './fixtures.js';

export interface ApiProcess {
  url: string;
  /** The management port's base URL (HEALTH_PORT: a free port unless the test says otherwise). */
  healthUrl: string | undefined;
  child: ChildProcess;
  /** The pid of the JVM running now (it changes when the supervisor restarts Neo4j). */
  jvmPid(): number;
  output: string[];
  /** Resolves with the first line matching `pattern` from now on (or already seen when `seen`). */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<string>;
  stop(): Promise<void>;
}

export async function startApiProcess(env: Record<string, string> = {}): Promise<ApiProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccg-api-process-'));
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    NEO4J_URI: undefined,
    NEO4J_LOCAL_DATA: dataDir,
    NEO4J_LOCAL_PORT: '0',
    NEO4J_LOCAL_HEAP: '512m',
    DATA_DIR: VALID_FIXTURE,
    LOAD_ON_START: 'always',
    PORT: '0',
    HEALTH_PORT: '0',
    ...env,
  };
  delete childEnv.NEO4J_URI;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/main.ts')], {
    cwd: PROJECT_ROOT,
    env: childEnv as NodeJS.ProcessEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const output: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  let pid = 0;
  readline.createInterface({ input: child.stderr! }).on('line', (line) => {
    output.push(line);
    const started = /starting Neo4j \S+ \(pid (\d+)/.exec(line);
    if (started) pid = Number(started[1]);
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(line)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waitFor = (pattern: RegExp, timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${output.join('\n')}`)), timeoutMs);
      waiters.push({
        pattern,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
      void exited.then(() => reject(new Error(`the API exited:\n${output.join('\n')}`)));
    });
  const ready = await waitFor(/ready: GraphQL at (\S+)\/graphql/, 240_000);
  return {
    url: /ready: GraphQL at (\S+)\/graphql/.exec(ready)![1]!,
    healthUrl: /health at (\S+)\/healthz .*\(management port/.exec(ready)?.[1],
    child,
    jvmPid: () => pid,
    output,
    waitFor,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
