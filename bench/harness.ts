/** What the benchmark and the soak share: child processes, a closed-loop load driver, memory sampling. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import readline from 'node:readline';
import { PROJECT_ROOT } from '../src/config.js';
import { neo4jVersion } from '../src/neo4j-local/localNeo4j.js';
import { type Operation, workload } from './workload.js';

export const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

export interface Measure {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
  requests: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** `connections` clients in a closed loop for `durationMs`; every latency recorded, failures counted. */
export async function drive(call: () => Promise<boolean>, connections: number, durationMs: number): Promise<Measure> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + durationMs;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const ok = await call().catch(() => false);
        latencies.push(performance.now() - t);
        if (!ok) errors += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: latencies.length / elapsed,
    errors,
    requests: latencies.length,
  };
}

/**
 * Uncompressed answers from every system: the HTTP floor and the peer do not compress, so a gzip our API
 * alone would make (fetch asks for it by default) would be measured as the cost of our GraphQL layer.
 */
export const IDENTITY = { 'accept-encoding': 'identity' };

export async function postGraphQL(url: string, body: { query: string; variables: Record<string, unknown> }, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...IDENTITY, ...headers },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { data?: any; errors?: unknown[]; extensions?: any };
  return { ok: response.ok && !json.errors, json };
}

const children: ChildProcess[] = [];
/** Children stopChild was asked to stop: their exit is expected. */
const stopped = new WeakSet<ChildProcess>();

/** Starts `node <args>` in the project and resolves once a line of its output matches `ready`. */
export function startChild(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const output: string[] = [];
    let started = false;
    const onLine = (line: string) => {
      output.push(line);
      if (output.length > 50) output.shift();
      const m = ready.exec(line);
      if (m) {
        started = true;
        resolve({ child, match: m });
      }
    };
    readline.createInterface({ input: child.stdout! }).on('line', onLine);
    readline.createInterface({ input: child.stderr! }).on('line', onLine);
    child.once('exit', (code, signal) => {
      const why = `node ${args.join(' ')} exited (code ${code}, signal ${signal}); its last lines:\n${output.join('\n')}`;
      if (!started) reject(new Error(why));
      else if (!stopped.has(child)) log(`unexpectedly: ${why}`);
    });
  });
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  stopped.add(child);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

export async function stopChildren(): Promise<void> {
  for (const child of children) await stopChild(child);
}

/** Resident memory of a process, in MB. */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** CPU time (user + system) a process has used so far, in ms; /proc counts it in ticks of 10 ms. */
export function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Runs `work` and returns its result with the CPU each of `pids` used meanwhile, in ms. */
export async function withCpu<T>(pids: number[], work: () => Promise<T>): Promise<{ result: T; cpu: number[] }> {
  const before = pids.map(cpuMs);
  const result = await work();
  return { result, cpu: pids.map((pid, i) => cpuMs(pid) - before[i]!) };
}

export function machine(neo4jHeap: string): string {
  const cpu = /model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
  const java = /version "([^"]+)"/.exec(spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr ?? '')?.[1];
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}${java ? `, Java ${java}` : ''}, Neo4j ${neo4jVersion()} embedded (heap ${neo4jHeap})`;
}

/**
 * The Node flags `npm start` passes before dist/main.js (package.json is their one declaration), so the
 * benchmark, the soak and the tests run the API with the heap production runs it with.
 */
export function startNodeFlags(): string[] {
  const start: string = JSON.parse(fs.readFileSync(`${PROJECT_ROOT}/package.json`, 'utf8')).scripts.start;
  const words = start.trim().split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== 'dist/main.js')
    throw new Error(`package.json scripts.start is not "node <flags> dist/main.js": ${start}`);
  return words.slice(1, -1);
}

/**
 * Our API as production runs it (compiled, `npm run build` first), on `neo4jUri`; resolves with its GraphQL
 * URL and its management port's base URL (HEALTH_PORT, a free one).
 */
export async function startApi(neo4jUri: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string; healthUrl: string }> {
  const api = await startChild(
    [...startNodeFlags(), 'dist/main.js'],
    { NEO4J_URI: neo4jUri, PORT: '0', HEALTH_PORT: '0', NODE_ENV: 'production', ...env },
    /ready: GraphQL at (\S+)\/graphql.* health at (\S+)\/healthz .*\(management port/,
  );
  return { child: api.child, url: `${api.match[1]}/graphql`, healthUrl: api.match[2]! };
}

/** What the workload needs from our API: a cursor and global ids. */
export const WORKLOAD_IDS_QUERY =
  '{ activities(first: 20) { pageInfo { endCursor } } a: entity(key: "cites-sc57") { id } b: entity(key: "aichi-target-12") { id } elephant: entity(key: "loxodonta-africana") { id } }';

/** The benchmark's workload with the ids and cursor our API gives (no peer, no floor), and two global ids. */
export async function ourWorkload(url: string): Promise<{ ops: Operation[]; sc57Id: string; target12Id: string }> {
  const first = await postGraphQL(url, {
    query: WORKLOAD_IDS_QUERY,
    variables: {},
  });
  const ops = workload({
    activity: 'sc61-request-gorillas',
    elephantId: first.json.data.elephant.id,
    ourCursor: first.json.data.activities.pageInfo.endCursor,
    peerCursor: null,
    floorAfter: '',
    fromId: first.json.data.a.id,
    toId: first.json.data.b.id,
  });
  return { ops, sc57Id: first.json.data.a.id, target12Id: first.json.data.b.id };
}
