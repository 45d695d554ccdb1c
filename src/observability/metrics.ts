/**
 * Prometheus metrics at /metrics (prom-client): HTTP requests by route and status, GraphQL operations by
 * name (duration) and errors by code, Neo4j round trips and their time, reads in flight, and the process's
 * own (memory, event loop lag, CPU). Operation names come from clients, so only the first 100 well-formed
 * names get their own label; the rest count as "other".
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { TABLES } from '../export/tables.js';
import type { RequestContext } from '../graphql/context.js';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const httpRequests = new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests answered, by method, route and status.',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});
const operationSeconds = new Histogram({
  name: 'graphql_operation_duration_seconds',
  help: 'Time to answer a GraphQL operation, by operation name.',
  labelNames: ['operation'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});
const operationErrors = new Counter({
  name: 'graphql_errors_total',
  help: 'Errors in GraphQL answers, by code.',
  labelNames: ['code'] as const,
  registers: [registry],
});
const roundTrips = new Counter({ name: 'neo4j_round_trips_total', help: 'Cypher statements sent to Neo4j by the API.', registers: [registry] });
const neo4jSeconds = new Histogram({
  name: 'neo4j_round_trip_duration_seconds',
  help: 'Time of one Cypher round trip, as the API sees it.',
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
  registers: [registry],
});
export const readsInFlight = new Gauge({
  name: 'neo4j_reads_in_flight',
  help: 'Reads the API is waiting for (its use of the driver pool).',
  registers: [registry],
});

/** Records one Cypher round trip (called by the database layer for every statement). */
export function observeRoundTrip(millis: number): void {
  roundTrips.inc();
  neo4jSeconds.observe(millis / 1000);
}

const MAX_OPERATION_LABELS = 100;
const operationLabels = new Set<string>();
function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (operationLabels.has(name)) return name;
  if (!/^\w{1,64}$/.test(name) || operationLabels.size >= MAX_OPERATION_LABELS) return 'other';
  operationLabels.add(name);
  return name;
}

const EXPORT_TABLE_PATHS = new Set(Object.keys(TABLES).map((name) => `/export/${name}.csv`));

/** The route a request matched, never its raw path (paths hold ids: unbounded labels). */
function routeOf(req: Request): string {
  // originalUrl: a router mounted at /graphql sees its own path as "/".
  const path = req.originalUrl.split('?')[0]!;
  if (path === '/graphql' || path === '/export' || path === '/healthz' || path === '/readyz' || path === '/metrics' || path === '/schema.graphql')
    return path;
  if (path.startsWith('/assets/')) return '/assets';
  if (path === '/context.jsonld' || EXPORT_TABLE_PATHS.has(path)) return path;
  return 'other';
}

export function httpMetrics(req: Request, res: Response, next: NextFunction): void {
  res.on('finish', () => httpRequests.inc({ method: req.method, route: routeOf(req), status: String(res.statusCode) }));
  next();
}

export const metricsPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    const started = performance.now();
    return {
      async willSendResponse({ operationName, response }) {
        operationSeconds.observe({ operation: operationLabel(operationName) }, (performance.now() - started) / 1000);
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) {
          const code = error.extensions?.code;
          operationErrors.inc({ code: typeof code === 'string' ? code : 'UNKNOWN' });
        }
      },
    };
  },
};

export async function metricsRoute(_req: Request, res: Response): Promise<void> {
  res.type(registry.contentType).send(await registry.metrics());
}
