/**
 * `npm run attack`: what greedy and slow clients do to the others, on 127.0.0.1 only, bounded in time.
 * The API runs as its own process (npm start's entry, production settings) over a local Neo4j loaded with
 * data/. Each attacker uses its own loopback address (127.0.0.2, 127.0.0.3), as a distinct client would.
 *   1. 50 benign clients alone (baseline), then the same with 2 attacker connections looping the most
 *      expensive query the limits accept; /healthz latency probed throughout, on the management port
 *      (HEALTH_PORT, what orchestrators probe) and on the main port (for comparison).
 *   2. 3,000 slow bodies from one client: the API's open files and RSS before, during and after.
 * Writes bench/results/attack-<date>.md.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { startLocalNeo4j } from '../src/neo4j-local/localNeo4j.js';
import { drive, log, machine, ourWorkload, postGraphQL, rssMb, startApi, stopChildren, type Measure } from './harness.js';

const BENIGN = 50;
const PHASE_MS = Number(process.env.ATTACK_PHASE_SECONDS ?? 20) * 1000;
const SLOW_BODIES = 3000;
const SLOW_MS = Number(process.env.ATTACK_SLOW_SECONDS ?? 40) * 1000;
const ATTACKER = '127.0.0.2';
const SLOW_CLIENT = '127.0.0.3';
// A public deployment's settings, except the per-client ones: the 50 benign clients share 127.0.0.1, and
// fetch opens a few more connections than clients (a new one when the last answer's is not yet released).
const API_ENV = { LOAD_ON_START: 'auto', RATE_LIMIT_PER_MINUTE: '0', MAX_CONNECTIONS_PER_CLIENT: '256' };

/** Codes of operations refused before execution. */
const REFUSED = ['QUERY_TOO_COSTLY', 'GRAPHQL_VALIDATION_FAILED', 'QUERY_REFUSED', 'GRAPHQL_PARSE_FAILED'];

const openFiles = (pid: number) => fs.readdirSync(`/proc/${pid}/fd`).length;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

interface HealthLatency {
  p50: number;
  p99: number;
  max: number;
  n: number;
  /** Answers other than 200 (or no answer). */
  notOk: number;
}

type HealthProbes = { management: HealthLatency; main: HealthLatency; readiness: HealthLatency };

/**
 * Probes every 50 ms, one loop each, from its own process (the benign clients would otherwise delay the
 * probes in this one), until stopped: /healthz on the management port and on the main port, and /readyz on
 * the management port (does readiness hold under load?). Returns each one's p50/p99, worst and failures.
 */
function probeHealth(urls: { management: string; main: string }) {
  const targets = { management: `${urls.management}/healthz`, main: `${urls.main}/healthz`, readiness: `${urls.management}/readyz` };
  const script = `
    const targets = ${JSON.stringify(targets)};
    const probes = { management: [], main: [], readiness: [] };
    let running = true;
    process.stdin.on('data', () => { running = false; });
    Promise.all(Object.keys(targets).map(async (name) => {
      while (running) {
        const t = performance.now();
        const status = await fetch(targets[name]).then(async (r) => (await r.text(), r.status), () => 0);
        probes[name].push([performance.now() - t, status]);
        await new Promise((r) => setTimeout(r, 50));
      }
    })).then(() => {
      process.stdout.write(JSON.stringify(probes));
      process.exit(0);
    });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const summary = (probes: [number, number][]): HealthLatency => {
    const latencies = probes.map(([ms]) => ms).sort((a, b) => a - b);
    const notOk = probes.filter(([, status]) => status !== 200).length;
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0, n: latencies.length, notOk };
  };
  return async (): Promise<HealthProbes> => {
    child.stdin!.write('stop');
    await exited;
    const probes = JSON.parse(out) as Record<keyof HealthProbes, [number, number][]>;
    return { management: summary(probes.management), main: summary(probes.main), readiness: summary(probes.readiness) };
  };
}

/** One POST from a given local address; resolves with status and size. */
function postFrom(agent: http.Agent, url: URL, body: string): Promise<{ status: number; bytes: number; code?: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let bytes = 0;
        const head: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          if (bytes < 400) head.push(chunk);
          bytes += chunk.length;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, code: /"code":"([A-Z_]+)"/.exec(Buffer.concat(head).toString())?.[1] }));
        res.on('error', () => resolve({ status: 0, bytes }));
      },
    );
    req.on('error', () => resolve({ status: 0, bytes: 0 }));
    req.end(body);
  });
}

/**
 * Candidate expensive operations: shapes that fan out, each with as many aliases as the limits accept
 * (15, 8, 4, 2 or 1); the slowest accepted one is used.
 */
function candidates(centre: string, other: string): { name: string; query: string }[][] {
  const many = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
  const entity = 'key name description provenance { basis citations { locator document { key name } } }';
  const shapes = [
    {
      name: 'neighbourhood(depth 3, limit 500) with links(20)',
      field: `neighbourhood(id: "${centre}", depth: 3, limit: 500) { nodes { ${entity} links(first: 20) { node { key name description } } } relationships { type fromKey toKey } }`,
    },
    {
      name: 'neighbourhood(depth 3, limit 500)',
      field: `neighbourhood(id: "${centre}", depth: 3, limit: 500) { nodes { ${entity} } relationships { type fromKey toKey provenance { basis } } }`,
    },
    {
      name: 'activities(100) with links(100)',
      field: `activities(first: 100) { nodes { ${entity} links(first: 100) { node { key name description } } } }`,
    },
    {
      name: 'targetSynergies(100)',
      field: `targetSynergies(first: 100) { cmsCount citesCount cms { node { ${entity} } } cites { node { ${entity} } } }`,
    },
    {
      name: 'neighbourhood(depth 3, limit 200)',
      field: `neighbourhood(id: "${centre}", depth: 3, limit: 200) { nodes { key name } relationships { type } }`,
    },
    {
      name: 'neighbourhood(depth 2, limit 500)',
      field: `neighbourhood(id: "${other}", depth: 2, limit: 500) { nodes { key name description } relationships { type } }`,
    },
    {
      name: 'connections(maxHops 6, first 50)',
      field: `connections(from: "${centre}", to: "${other}", maxHops: 6, first: 50) { length nodes { key name } relationships { type } }`,
    },
    { name: 'search(first 100)', field: `search(text: "cooperation species trade migratory", first: 100) { score node { ${entity} } }` },
    {
      name: 'activities(100) with links(20) and their links(20)',
      field: `activities(first: 100) { nodes { key links(first: 20) { node { key name links(first: 20) { node { key name description } } } } } }`,
    },
  ];
  return shapes.map((shape) => [15, 8, 4, 2, 1].map((n) => ({ name: `${n} × ${shape.name}`, query: many(n, shape.field) })));
}

async function main() {
  const dataDir = path.join(PROJECT_ROOT, 'bench/.work/attack-neo4j');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const config = loadConfig({ ...process.env, NEO4J_URI: undefined });
  const local = await startLocalNeo4j({ ...config.local, port: 0, heap: '1g' }, { dataDir });
  try {
    const api = await startApi(local.boltUrl, API_ENV);
    const url = api.url;
    const base = url.slice(0, -'/graphql'.length);
    const healthUrls = { management: api.healthUrl, main: base };
    const pid = api.child.pid!;
    const apiConfig = loadConfig({ ...process.env, ...API_ENV });
    const { ops, sc57Id, target12Id } = await ourWorkload(url);
    let i = 0;
    let failures = new Map<string, number>();
    const fail = (why: string) => failures.set(why, (failures.get(why) ?? 0) + 1);
    const benign = () => {
      const op = ops[i++ % ops.length]!;
      return postGraphQL(url, op.ours).then(
        (r) => {
          if (!r.ok) fail(`${op.name}: ${(r.json.errors as { extensions?: { code?: string } }[] | undefined)?.[0]?.extensions?.code ?? 'no data'}`);
          return r.ok;
        },
        (error: Error & { cause?: { code?: string } }) => {
          fail(`${op.name}: ${error.cause?.code ?? error.message}`);
          return false;
        },
      );
    };
    const whyFailed = () => {
      const text = [...failures].map(([k, v]) => `${k} ×${v}`).join(', ') || 'none';
      failures = new Map();
      return text;
    };

    // The most expensive accepted operation, measured once each from the attacker's address.
    const attackerAgent = new http.Agent({ keepAlive: true, maxSockets: 2, localAddress: ATTACKER });
    const target = new URL(url);
    const tried: { name: string; query: string; millis: number; status: number; bytes: number; code?: string }[] = [];
    for (const variants of candidates(target12Id, sc57Id)) {
      for (const c of variants) {
        const t = performance.now();
        const r = await postFrom(attackerAgent, target, JSON.stringify({ query: c.query }));
        tried.push({ ...c, millis: performance.now() - t, ...r });
        log(`candidate ${c.name}: ${r.status} ${r.code ?? ''} ${(r.bytes / 1e6).toFixed(2)} MB in ${(performance.now() - t).toFixed(0)} ms`);
        if (!REFUSED.includes(r.code ?? '')) break; // the most aliases this shape may have
      }
    }
    const accepted = tried.filter((t) => !REFUSED.includes(t.code ?? ''));
    if (accepted.length === 0) throw new Error('no candidate operation was accepted by the limits');
    const worst = accepted.sort((a, b) => b.millis - a.millis)[0]!;
    log(`attacking with: ${worst.name} (${worst.query.length} bytes)`);

    // Warm-up (query plans, JIT, connections), not measured.
    await drive(benign, BENIGN, 5000);
    whyFailed();

    // 1a. Baseline: benign clients alone.
    log(`baseline: ${BENIGN} benign clients for ${PHASE_MS / 1000} s`);
    let stopHealth = probeHealth(healthUrls);
    const baseline: Measure = await drive(benign, BENIGN, PHASE_MS);
    const baselineLoad = os.loadavg()[0]!; // the machine is shared: how busy it was, other work included
    const baselineHealth = await stopHealth();
    const baselineFailures = whyFailed();

    // 1b. The same with two attacker connections looping the worst operation.
    log(`attack: the same with 2 attacker connections looping "${worst.name}"`);
    let attacking = true;
    const attackOutcomes = new Map<string, number>();
    let attackRequests = 0;
    let attackBytes = 0;
    const attackers = Array.from({ length: 2 }, async () => {
      while (attacking) {
        const r = await postFrom(attackerAgent, target, JSON.stringify({ query: worst.query }));
        attackRequests += 1;
        attackBytes += r.bytes;
        const key = `${r.status} ${r.code ?? 'ok'}`;
        attackOutcomes.set(key, (attackOutcomes.get(key) ?? 0) + 1);
      }
    });
    stopHealth = probeHealth(healthUrls);
    const attacked: Measure = await drive(benign, BENIGN, PHASE_MS);
    const attackedLoad = os.loadavg()[0]!;
    const attackedHealth = await stopHealth();
    const attackedFailures = whyFailed();
    attacking = false;
    await Promise.all(attackers);
    attackerAgent.destroy();

    // 2. Slow bodies: 3,000 connections from one client, each announcing 10 kB and sending a byte a second.
    // Past KEEP_ALIVE_TIMEOUT_MS, so the benign clients' idle sockets are closed.
    await new Promise((r) => setTimeout(r, apiConfig.protection.keepAliveTimeoutMs + 2000));
    const before = { fds: openFiles(pid), rss: rssMb(pid) };
    log(`slow bodies: ${SLOW_BODIES} from ${SLOW_CLIENT} for ${SLOW_MS / 1000} s (API fds ${before.fds}, RSS ${before.rss.toFixed(0)} MB)`);
    const { port } = new URL(base);
    let open = 0;
    let maxOpen = 0;
    let refused = 0;
    const sockets: net.Socket[] = [];
    const closedAt: number[] = [];
    const slowStarted = performance.now();
    for (let n = 0; n < SLOW_BODIES; n += 1) {
      const socket = net.connect({ port: Number(port), host: '127.0.0.1', localAddress: SLOW_CLIENT });
      sockets.push(socket);
      socket.on('error', () => undefined);
      socket.once('connect', () => {
        open += 1;
        maxOpen = Math.max(maxOpen, open);
        socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{"query":"`);
      });
      socket.once('close', () => {
        if (performance.now() - slowStarted < 1000) refused += 1;
        closedAt.push(performance.now() - slowStarted);
        open = Math.max(0, open - 1);
      });
      if (n % 200 === 199) await new Promise((r) => setTimeout(r, 20));
    }
    const drip = setInterval(() => {
      for (const s of sockets) if (!s.destroyed) s.write('x');
    }, 1000);
    stopHealth = probeHealth(healthUrls);
    const during: { t: number; fds: number; rss: number; clientOpen: number }[] = [];
    const sampler = setInterval(() => {
      // Nothing to sample once the API has exited: the report then says it is not alive.
      if (api.child.exitCode === null && api.child.signalCode === null) {
        during.push({ t: (performance.now() - slowStarted) / 1000, fds: openFiles(pid), rss: rssMb(pid), clientOpen: open });
      }
    }, 1000);
    await new Promise((r) => setTimeout(r, SLOW_MS));
    clearInterval(sampler);
    clearInterval(drip);
    const slowHealth = await stopHealth();
    const stillOpen = sockets.filter((s) => !s.destroyed && s.readyState === 'open').length;
    for (const s of sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 3000));
    const alive = api.child.exitCode === null && api.child.signalCode === null;
    const after = alive ? { fds: openFiles(pid), rss: rssMb(pid) } : { fds: Number.NaN, rss: Number.NaN };
    const lastClose = closedAt.length ? Math.max(...closedAt) / 1000 : 0;

    const f = (n: number) => n.toFixed(1);
    const healthRow = (phase: string, { management, main, readiness }: HealthProbes) =>
      `| ${phase} | ${f(management.p50)} | ${f(management.p99)} | ${f(management.max)} | ${f(main.p50)} | ${f(main.p99)} | ${f(main.max)} | ` +
      `${management.n} / ${main.n} | ${management.notOk} / ${main.notOk} | ${readiness.notOk} of ${readiness.n} |`;
    const ratio = attacked.p99 / baseline.p99;
    const report = [
      `# Attack, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `Machine: ${machine('1g')}; the machine is shared with other work, so compare rows of this run only.`,
      `API: \`npm start\`'s entry, production, curated data; QUERY_TIMEOUT_MS=${apiConfig.limits.queryTimeoutMs}, OPERATION_TIMEOUT_MS=${apiConfig.limits.operationTimeoutMs}, ` +
        `RESPONSE_MAX_BYTES=${apiConfig.limits.responseMaxBytes}, REQUEST_TIMEOUT_MS=${apiConfig.protection.requestTimeoutMs}, HEADERS_TIMEOUT_MS=${apiConfig.protection.headersTimeoutMs}, ` +
        `MAX_CONNECTIONS_PER_CLIENT=${apiConfig.protection.maxConnectionsPerClient}, RATE_LIMIT_PER_MINUTE=0 (the 50 benign clients share one address).`,
      '',
      '## Greedy clients',
      '',
      `Most expensive accepted operation: **${worst.name}** (${worst.query.length} bytes): alone it answered ${worst.status} ${worst.code ?? ''} with ${(worst.bytes / 1e6).toFixed(2)} MB in ${worst.millis.toFixed(0)} ms.`,
      `Candidates: ${tried.map((t) => `${t.name}: ${t.status} ${t.code ?? 'ok'}, ${(t.bytes / 1e6).toFixed(2)} MB, ${t.millis.toFixed(0)} ms`).join('; ')}.`,
      '',
      `| ${BENIGN} benign clients, ${PHASE_MS / 1000} s | requests | errors | p50 ms | p99 ms | req/s | machine load average (1 min) at the end |`,
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| alone (baseline) | ${baseline.requests} | ${baseline.errors} | ${f(baseline.p50)} | ${f(baseline.p99)} | ${baseline.rps.toFixed(0)} | ${baselineLoad.toFixed(1)} |`,
      `| with 2 attackers | ${attacked.requests} | ${attacked.errors} | ${f(attacked.p50)} | ${f(attacked.p99)} | ${attacked.rps.toFixed(0)} | ${attackedLoad.toFixed(1)} |`,
      '',
      `/healthz meanwhile, probed every 50 ms from a process of its own: on the **management port** (HEALTH_PORT, answered by a worker thread: what orchestrators probe) ` +
        'and, for comparison, on the **main port** (answered by the main event loop, behind the queued operations).',
      '',
      '| /healthz | management p50 ms | management p99 ms | management max ms | main port p50 ms | main port p99 ms | main port max ms | probes (management / main) | not 200 (management / main) | /readyz not 200 (management) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      healthRow('alone (baseline)', baselineHealth),
      healthRow('with 2 attackers', attackedHealth),
      '',
      `Benign errors: alone ${baselineFailures}; with attackers ${attackedFailures}.`,
      '',
      `Benign p99 under attack: **${ratio.toFixed(2)}×** the baseline. Attackers: ${attackRequests} requests, ${(attackBytes / 1e6).toFixed(1)} MB received, outcomes ${[...attackOutcomes].map(([k, v]) => `${k}: ${v}`).join(', ')}.`,
      '',
      '## Slow bodies',
      '',
      `${SLOW_BODIES} connections from ${SLOW_CLIENT}, each announcing a 10,000-byte body and sending one byte a second, for ${SLOW_MS / 1000} s.`,
      '',
      '| | API open files | API RSS MB |',
      '| --- | ---: | ---: |',
      `| before | ${before.fds} | ${before.rss.toFixed(0)} |`,
      `| during, max | ${Math.max(...during.map((d) => d.fds))} | ${Math.max(...during.map((d) => d.rss)).toFixed(0)} |`,
      `| after | ${after.fds} | ${after.rss.toFixed(0)} |`,
      '',
      `Closed by the API within the first second (over MAX_CONNECTIONS_PER_CLIENT): ${refused}; connected at once as the client saw it (before the API closed the extra ones): ${maxOpen}; ` +
        `still open at the end: ${stillOpen}; last one closed by the API ${f(lastClose)} s after the start. /healthz meanwhile: management port p50 ${f(slowHealth.management.p50)} ms, p99 ${f(slowHealth.management.p99)} ms; ` +
        `main port p50 ${f(slowHealth.main.p50)} ms, p99 ${f(slowHealth.main.p99)} ms.`,
      `Open files over time (s: fds): ${during
        .filter((_, k) => k % 5 === 0)
        .map((d) => `${d.t.toFixed(0)}: ${d.fds}`)
        .join(', ')}.`,
      '',
      `API alive at the end: ${alive ? 'yes' : '**no**'}.`,
      '',
    ].join('\n');
    process.stdout.write(`${report}\n`);
    const file = path.join(PROJECT_ROOT, 'bench/results', `attack-${new Date().toISOString().slice(0, 10)}.md`);
    fs.writeFileSync(file, report);
    log(`wrote ${path.relative(PROJECT_ROOT, file)}`);
  } finally {
    await stopChildren();
    await local.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
