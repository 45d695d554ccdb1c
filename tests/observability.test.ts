/**
 * What an operator sees: Prometheus metrics at /metrics (requests, operations, errors by code, Neo4j round
 * trips, process), and JSON logs in which every request's lines carry its request id.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.js';
import { startTestServer, type TestServer } from './support/server.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

/** The value of one sample of the exposition text, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^(\w+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',');
    if (wanted.every((w) => have.includes(w))) return Number(match[3]);
  }
  return undefined;
}

describe('/metrics', () => {
  it('is scraped in the Prometheus format and counts what the API did', async () => {
    const scrape = async () => (await fetch(`${api.url}/metrics`)).text();
    const before = await scrape();
    const roundTripsBefore = sample(before, 'neo4j_round_trips_total') ?? 0;
    const query = 'query ObservedLookup { aichiTarget(key: "aichi-target-12") { key } }';
    expect((await api.graphql(query)).status).toBe(200);
    const missing = await api.graphql('query ObservedMissing { aichiTarget(key: "no-such-target") { key } }');
    expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND');

    const response = await fetch(`${api.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const after = await response.text();
    expect(sample(after, 'graphql_operation_duration_seconds_count', { operation: 'ObservedLookup' })).toBe(1);
    expect(sample(after, 'graphql_errors_total', { code: 'NOT_FOUND' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'http_requests_total', { method: 'POST', route: '/graphql', status: '200' })).toBeGreaterThanOrEqual(2);
    expect(sample(after, 'neo4j_round_trips_total')!).toBeGreaterThan(roundTripsBefore);
    expect(sample(after, 'neo4j_reads_in_flight')).toBe(0);
    expect(sample(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});

describe('logs', () => {
  it('are JSON lines, and a request is found by its request id in the access log', async () => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist/main.js')], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_URI: inject('neo4jUri'), PORT: '0', LOAD_ON_START: 'never', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const lines: string[] = [];
    const url = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stderr! }).on('line', (line) => {
        lines.push(line);
        const m = /ready: GraphQL at (\S+)\/graphql/.exec(line);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${lines.join('\n')}`)));
    });
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'observed-request-42' },
        body: JSON.stringify({ query: '{ about { apiVersion } }' }),
      });
      expect(response.status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      const records = lines.map((line) => JSON.parse(line) as Record<string, any>);
      expect(records.find((r) => r.msg?.startsWith('ready: GraphQL at'))).toMatchObject({ level: 'info', component: 'api' });
      const access = records.find((r) => r.requestId === 'observed-request-42');
      expect(access).toMatchObject({ component: 'access', req: { method: 'POST', url: '/graphql' }, res: { statusCode: 200 } });
      expect(typeof access!.responseTime).toBe('number');
      expect(access!.time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});
