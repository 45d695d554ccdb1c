/**
 * Optional OpenTelemetry tracing: one span per HTTP request (continuing the caller's `traceparent`), named
 * by the GraphQL operation it runs, with one child span per Neo4j statement. Off unless
 * OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard variable): the SDK is then loaded and spans go to that
 * collector over OTLP/HTTP; off, the API's no-op tracer costs nothing.
 */
import { context, propagation, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { componentLogger } from './logger.js';

const tracer = trace.getTracer('convention-cooperation-graph');
const log = componentLogger('tracing');

export interface TracingSettings {
  /** OTLP/HTTP base URL of the collector (OTEL_EXPORTER_OTLP_ENDPOINT); undefined: tracing off. */
  endpoint: string | undefined;
  serviceName: string;
}

export interface Tracing {
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
}

/** Registers the SDK when an endpoint is configured; returns undefined when tracing is off. */
export async function startTracing(settings: TracingSettings): Promise<Tracing | undefined> {
  if (!settings.endpoint) return undefined;
  const [
    { BatchSpanProcessor, TracerProvider },
    { OTLPTraceExporter },
    { AsyncLocalStorageContextManager },
    { W3CTraceContextPropagator },
    { resourceFromAttributes },
  ] = await Promise.all([
    import('@opentelemetry/sdk-trace'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/context-async-hooks'),
    import('@opentelemetry/core'),
    import('@opentelemetry/resources'),
  ]);
  const exporter = new OTLPTraceExporter({ url: `${settings.endpoint.replace(/\/$/, '')}/v1/traces` });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
    spanProcessors: [new BatchSpanProcessor({ exporter, scheduledDelayMillis: 1000 })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  log.info({ endpoint: settings.endpoint }, 'tracing to an OTLP collector');
  return {
    shutdown: async () => {
      await provider.forceFlush();
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** Express middleware: a server span per request, current while the request is handled. */
export function traceRequests(req: Request, res: Response, next: NextFunction): void {
  const parent = propagation.extract(context.active(), req.headers);
  const span = tracer.startSpan(
    `${req.method} ${req.path}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': req.path } },
    parent,
  );
  if (!span.isRecording()) {
    next();
    return;
  }
  res.on('close', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(parent, span), next);
}

/** Names the current request's span after the GraphQL operation it runs. */
export const tracingPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    const span = trace.getActiveSpan();
    if (!span?.isRecording()) return;
    return {
      async didResolveOperation({ operation, operationName }) {
        const type = operation?.operation ?? 'operation';
        span.updateName(`${type} ${operationName ?? 'anonymous'}`);
        span.setAttributes({ 'graphql.operation.type': type, 'graphql.operation.name': operationName ?? '' });
      },
    };
  },
};

/** Runs `work` inside a client span for one Neo4j statement (cypher/<name>.cypher). */
export async function traceStatement<T>(name: string, work: () => Promise<T>): Promise<T> {
  const span: Span = tracer.startSpan(`neo4j ${name}`, {
    kind: SpanKind.CLIENT,
    attributes: { 'db.system.name': 'neo4j', 'db.query.summary': name },
  });
  if (!span.isRecording()) return work();
  try {
    return await work();
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
}
