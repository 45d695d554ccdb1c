/**
 * HTTP wiring: Express 5 + Apollo Server 5, health and readiness (src/health/), the SDL, CORS, limits, error masking.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Config } from './config.js';
import { createContext, type RequestContext } from './graphql/context.js';
import type { GraphReader } from './db/database.js';
import { formatError, errorsPlugin } from './graphql/errors.js';
import { contextRoute, exportRoute, tableRoute } from './export/exportRoute.js';
import { MODEL, type Model } from './model/model.js';
import { resolvers, resolversFor } from './resolvers.js';
import { typeDefs as servedTypeDefs, typeDefsFor } from './schema.js';
import { timingPlugin } from './graphql/timing.js';
import { queryLimits } from './graphql/limits.js';
import { graphqlIdeRedirect, webRoute } from './web/route.js';
import compression from 'compression';
import { cacheHeadersPlugin, dataVersionCache, notModified } from './graphql/httpCache.js';
import { budgetPlugin, OperationBudget, withBudget } from './graphql/budget.js';
import { operationTypesPlugin } from './graphql/operationTypes.js';
import { protect } from './http/protection.js';
import { traceRequests, tracingPlugin } from './observability/tracing.js';
import { accessLog } from './observability/accessLog.js';
import { componentLogger } from './observability/logger.js';
import { httpMetrics, metricsPlugin, metricsRoute } from './observability/metrics.js';
import { startHealthMonitor } from './health/monitor.js';
import type { HealthState } from './health/healthState.js';

const log = componentLogger('api');

export interface ApiServer {
  app: express.Express;
  apollo: ApolloServer<RequestContext>;
  httpServer: http.Server;
  /** What /healthz and /readyz answer from, shared with the management port's worker (src/health/). */
  health: HealthState;
  /** Listens and resolves with the base URL. */
  listen(): Promise<string>;
  /** Drains HTTP; the caller then closes the database. */
  stop(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

const compress = compression();
/**
 * Compression only for a client that accepts an encoding: the middleware otherwise still wraps every
 * response to negotiate nothing. `Vary` is set either way, so a shared cache keeps the two answers apart.
 */
function compressAccepted(req: Request, res: Response, next: NextFunction): void {
  if (req.headers['accept-encoding'] && !/^\s*identity\s*$/i.test(req.headers['accept-encoding'])) {
    compress(req, res, next);
    return;
  }
  res.vary('Accept-Encoding');
  next();
}

export interface ServerOptions {
  /** The model to serve (tests pass a fixture declaration); the declared one by default. */
  model?: Model;
  plugins?: ApolloServerPlugin<RequestContext>[];
  /** Why the process should be restarted, if it should: /healthz then answers 503 with it. */
  unhealthy?: () => string | undefined;
}

/** A request's context: its reads under the operation's budget (time, answer size, a client that hangs up). */
export function requestContext(
  config: Config,
  db: GraphReader,
  response: http.ServerResponse,
  receivedAt: number,
  requestId: string,
): RequestContext {
  const budget = new OperationBudget(config.limits, response, receivedAt);
  return withBudget(createContext(budget.reader(db), config, requestId), budget);
}

export async function createServer(config: Config, db: GraphReader, options: ServerOptions = {}): Promise<ApiServer> {
  const model = options.model ?? MODEL;
  const typeDefs = model === MODEL ? servedTypeDefs : typeDefsFor(model);
  const app = express();
  app.disable('x-powered-by');
  // ETags are ours (the data version, graphql/httpCache.ts), not Express's hash of each body.
  app.set('etag', false);
  const httpServer = http.createServer(app);
  const dataVersion = dataVersionCache(db);
  const monitor = startHealthMonitor(db, options.unhealthy);

  const limits = queryLimits(config);
  const apollo = new ApolloServer<RequestContext>({
    typeDefs,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    resolvers: model === MODEL ? resolvers : resolversFor(model),
    introspection: config.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Per-field cache hints are not used (the default plugin would wrap every resolver); GET answers are
      // cached whole by the data version instead (graphql/httpCache.ts).
      ApolloServerPluginCacheControlDisabled(),
      cacheHeadersPlugin(dataVersion),
      operationTypesPlugin,
      metricsPlugin,
      tracingPlugin as ApolloServerPlugin<RequestContext>,
      budgetPlugin, // before errorsPlugin, which adds the request id to the budget's error
      errorsPlugin,
      timingPlugin(config.serverTiming),
      ...(limits.plugins as ApolloServerPlugin<RequestContext>[]),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();
  await monitor.firstProbe;

  app.use((req: Request, res: Response, next: NextFunction) => {
    res.locals.receivedAt = performance.now();
    const given = req.get('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  });
  app.use(httpMetrics);
  app.use(traceRequests);
  app.use(accessLog);
  protect(app, httpServer, config.protection);

  app.get('/metrics', metricsRoute);
  // The same answers as the management port, from the same state; beating first reports what the main
  // thread knows now (the supervisor's failure at once, not at the next beat).
  app.get('/healthz', (_req, res) => {
    monitor.beat();
    const { status, body } = monitor.state.health();
    res.status(status).json(body);
  });
  app.get('/readyz', (_req, res) => {
    monitor.beat();
    const { status, body } = monitor.state.readiness();
    res.status(status).json(body);
  });
  app.get('/schema.graphql', (_req, res) => {
    res.type('text/plain; charset=utf-8').send(typeDefs);
  });

  const corsOptions: cors.CorsOptions = {
    // Only the configured origins get CORS headers; others are not refused here but browsers block them.
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'apollo-require-preflight', 'x-request-id', 'x-timing', 'if-none-match'],
    exposedHeaders: ['x-request-id', 'server-timing', 'etag'],
    maxAge: 600,
  };
  // The export compresses its own stream (gzip or Brotli); every other answer through this middleware.
  app.get('/export', cors(corsOptions), exportRoute(db, model));
  app.get('/export/:table.csv', cors(corsOptions), tableRoute(db));
  app.get('/context.jsonld', cors(corsOptions), contextRoute);
  app.use(compressAccepted);
  app.get('/graphql', graphqlIdeRedirect);
  app.use(
    '/graphql',
    cors(corsOptions),
    notModified(dataVersion),
    express.json({ limit: config.limits.bodyLimitBytes }),
    expressMiddleware(apollo, {
      context: async ({ res }) => requestContext(config, db, res, Number(res.locals.receivedAt), String(res.locals.requestId)),
    }),
  );

  app.use(webRoute());
  app.use((req: Request, res: Response) => {
    res
      .status(404)
      .json({ errors: [{ message: `No route for ${req.method} ${req.path}`, extensions: { code: 'NOT_FOUND', requestId: res.locals.requestId } }] });
  });
  // Body parser and other middleware errors: JSON with a stable code, never a stack trace.
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status ?? 500;
    const code =
      error.type === 'entity.too.large'
        ? 'PAYLOAD_TOO_LARGE'
        : error.type === 'entity.parse.failed'
          ? 'BAD_REQUEST'
          : status >= 500
            ? 'INTERNAL_SERVER_ERROR'
            : 'BAD_REQUEST';
    const message =
      code === 'PAYLOAD_TOO_LARGE'
        ? `Request body larger than ${config.limits.bodyLimitBytes} bytes`
        : code === 'BAD_REQUEST'
          ? 'Malformed request body: expected JSON'
          : 'Internal server error';
    if (status >= 500) log.error({ requestId: res.locals.requestId, err: error }, 'request failed');
    res.status(status).json({ errors: [{ message, extensions: { code, requestId: res.locals.requestId } }] });
  });

  return {
    app,
    apollo,
    httpServer,
    health: monitor.state,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const address = httpServer.address();
          const port = typeof address === 'object' && address ? address.port : config.port;
          resolve(`http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`);
        });
      }),
    stop: async () => {
      monitor.stop();
      await apollo.stop(); // drains the HTTP server through the plugin
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
