/**
 * What one client may take from the HTTP server: time to send its headers and body, idle keep-alive time,
 * concurrent connections and requests per minute, plus the standard security headers. Health probes
 * (/healthz, /readyz) are never rate limited: an orchestrator must always get its answer.
 */
import type http from 'node:http';
import type { Socket } from 'node:net';
import type { Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { ProtectionSettings } from '../config.js';

/** Paths whose requests count towards a client's rate. */
const LIMITED_PATHS = ['/graphql', '/export'];

export function protect(app: Express, httpServer: http.Server, settings: ProtectionSettings): void {
  // A client sending its headers or body slowly holds a socket and memory: Node's defaults (60 s for
  // headers, 300 s for the request, checked every 30 s) let a few thousand of them pile up.
  httpServer.headersTimeout = settings.headersTimeoutMs;
  httpServer.requestTimeout = settings.requestTimeoutMs;
  httpServer.keepAliveTimeout = settings.keepAliveTimeoutMs;
  (httpServer as unknown as { connectionsCheckingInterval: number }).connectionsCheckingInterval = 1000;
  if (settings.maxConnectionsPerClient > 0) limitConnectionsPerClient(httpServer, settings.maxConnectionsPerClient);
  // Behind a load balancer every request comes from its address: believe the hops it adds to
  // X-Forwarded-For (express's req.ip, which the rate limiter keys on), and no more than that.
  if (settings.trustedProxies > 0) app.set('trust proxy', settings.trustedProxies);

  app.use(
    helmet({
      // The API answers JSON: nothing in it may run or be framed. The explorer's pages set their own
      // policy (src/web/route.ts); a browser opening /graphql is sent to GraphiQL there.
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      // Portals call the API from other origins (CORS_ORIGINS).
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    }),
  );

  if (settings.rateLimitPerMinute > 0) {
    app.use(
      LIMITED_PATHS,
      rateLimit({
        windowMs: 60_000,
        limit: settings.rateLimitPerMinute,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        // Without TRUSTED_PROXIES a forwarded address is ignored on purpose (clients could forge it).
        validate: { xForwardedForHeader: false },
        handler: (_req, res, _next, options) => {
          const retryAfter = Math.ceil(options.windowMs / 1000);
          res.status(429).json({
            errors: [
              {
                message: `Too many requests: at most ${settings.rateLimitPerMinute} per minute per client; retry later`,
                extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter, requestId: res.locals.requestId },
              },
            ],
          });
        },
      }),
    );
  }
}

/** Closes, at once, any connection beyond `max` open ones from the same address. */
function limitConnectionsPerClient(httpServer: http.Server, max: number): void {
  const open = new Map<string, number>();
  // First in line, before the HTTP parser is attached: a refused socket costs nothing more.
  httpServer.prependListener('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = open.get(address) ?? 0;
    if (count >= max) {
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
