/**
 * `npm run soak`: 100 concurrent clients for 60 s (SOAK_CONNECTIONS, SOAK_DURATION) over the benchmark's
 * mixed workload against the API as a separate process on a local Neo4j loaded with data/. Reports
 * requests, errors, latency, throughput and the API's memory over time (start, max, end, slope).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { startLocalNeo4j } from '../src/neo4j-local/localNeo4j.js';
import { drive, log, machine, ourWorkload, postGraphQL, rssMb, startApi, stopChildren } from './harness.js';

const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 100);
const DURATION_MS = Number(process.env.SOAK_DURATION ?? 60) * 1000;

async function main() {
  const dataDir = path.join(PROJECT_ROOT, 'bench/.work/soak-neo4j');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const config = loadConfig({ ...process.env, NEO4J_URI: undefined });
  const local = await startLocalNeo4j({ ...config.local, port: 0, heap: '1g' }, { dataDir });
  try {
    const api = await startApi(local.boltUrl, { LOAD_ON_START: 'auto', RATE_LIMIT_PER_MINUTE: '0', MAX_CONNECTIONS_PER_CLIENT: '0' });
    const url = api.url;
    const pid = api.child.pid!;
    const { ops } = await ourWorkload(url);
    const samples: { t: number; mb: number }[] = [];
    const started = performance.now();
    const sampler = setInterval(() => samples.push({ t: (performance.now() - started) / 1000, mb: rssMb(pid) }), 1000);
    samples.push({ t: 0, mb: rssMb(pid) });
    let i = 0;
    const failures = new Map<string, number>();
    log(`soak: ${CONNECTIONS} clients for ${DURATION_MS / 1000} s over ${ops.map((o) => o.name).join(', ')}`);
    const measure = await drive(
      async () => {
        const op = ops[i++ % ops.length]!;
        const result = await postGraphQL(url, op.ours);
        if (!result.ok) failures.set(op.name, (failures.get(op.name) ?? 0) + 1);
        return result.ok;
      },
      CONNECTIONS,
      DURATION_MS,
    );
    clearInterval(sampler);
    samples.push({ t: (performance.now() - started) / 1000, mb: rssMb(pid) });
    const alive = api.child.exitCode === null;
    // Least-squares slope of RSS over the second half, once warmed up: flat memory is ~0 MB/min.
    const half = samples.filter((s) => s.t >= DURATION_MS / 2000);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const mt = mean(half.map((s) => s.t));
    const mm = mean(half.map((s) => s.mb));
    const slope = (half.reduce((a, s) => a + (s.t - mt) * (s.mb - mm), 0) / half.reduce((a, s) => a + (s.t - mt) ** 2, 0)) * 60;
    const report = [
      `# Soak, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `Machine: ${machine('1g')}.`,
      `${CONNECTIONS} concurrent clients, ${DURATION_MS / 1000} s, mixed workload (${ops.map((o) => o.name).join(', ')}), curated data.`,
      '',
      '| requests | errors | p50 ms | p95 ms | p99 ms | req/s | RSS start MB | RSS max MB | RSS end MB | RSS slope, 2nd half (MB/min) | API alive |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      `| ${measure.requests} | ${measure.errors}${failures.size ? ` (${[...failures].map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''} | ${measure.p50.toFixed(1)} | ${measure.p95.toFixed(1)} | ${measure.p99.toFixed(1)} | ${measure.rps.toFixed(0)} | ${samples[0]!.mb.toFixed(0)} | ${Math.max(...samples.map((s) => s.mb)).toFixed(0)} | ${samples.at(-1)!.mb.toFixed(0)} | ${slope.toFixed(1)} | ${alive ? 'yes' : '**no**'} |`,
      '',
    ].join('\n');
    process.stdout.write(`${report}\n`);
    const file = path.join(PROJECT_ROOT, 'bench/results', `soak-${new Date().toISOString().slice(0, 10)}.md`);
    fs.writeFileSync(file, report);
    log(`wrote ${path.relative(PROJECT_ROOT, file)}`);
  } finally {
    await stopChildren();
    await local.stop();
  }
}

main().catch(async (error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  await stopChildren();
  process.exit(1);
});
