/**
 * Optional OpenTelemetry tracing, against a real OTLP/HTTP receiver on loopback: a request continues the
 * caller's trace (traceparent), its span is named by the GraphQL operation, and each Neo4j statement is a
 * child span of it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startTracing, type Tracing } from '../src/observability/tracing.js';
import { startTestServer, type TestServer } from './support/server.js';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: number | string } }[];
}

const received: { resourceSpans: { resource: { attributes: OtlpSpan['attributes'] }; scopeSpans: { spans: OtlpSpan[] }[] }[] }[] = [];
let collector: http.Server;
let tracing: Tracing | undefined;
let api: TestServer;

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

beforeAll(async () => {
  collector = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v1/traces') received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  tracing = await startTracing(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: 'ccg-test' }).tracing);
  api = await startTestServer({ LOG_LEVEL: 'warn' });
});
afterAll(async () => {
  await api?.close();
  collector?.close();
});

describe('tracing', () => {
  it('is off without an endpoint, and a bad endpoint is refused by name', async () => {
    expect(await startTracing(loadConfig({}).tracing)).toBeUndefined();
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT must be an http\(s\) URL/);
  });

  it('sends a span per request, named by its operation, continuing the caller trace, with a child span per Neo4j statement', async () => {
    const { status } = await api.graphql(
      'query TargetTwelve { aichiTarget(key: "aichi-target-12") { key name } }',
      {},
      {
        traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01`,
      },
    );
    expect(status).toBe(200);
    await tracing!.shutdown(); // flushes what is buffered
    const batches = received.flatMap((r) => r.resourceSpans);
    expect(batches.length).toBeGreaterThan(0);
    expect(batches[0]!.resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'ccg-test' } });
    const spans = batches.flatMap((b) => b.scopeSpans.flatMap((s) => s.spans));
    const operation = spans.find((s) => s.name === 'query TargetTwelve');
    expect(operation, spans.map((s) => s.name).join(', ')).toBeDefined();
    expect(operation!.traceId).toBe(TRACE_ID);
    expect(operation!.parentSpanId).toBe(CALLER_SPAN);
    expect(operation!.attributes).toContainEqual({ key: 'graphql.operation.name', value: { stringValue: 'TargetTwelve' } });
    const statements = spans.filter((s) => s.parentSpanId === operation!.spanId && s.name.startsWith('neo4j '));
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) expect(s.traceId).toBe(TRACE_ID);
  });
});
