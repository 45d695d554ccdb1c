/**
 * The access log: one JSON line per request (pino), with its request id, method, path, status and time.
 * Written when the response closes, from the process's one logger, rather than through pino-http, which
 * built a child logger and wrapped the request for every request, logged or not (about 0.1 ms of CPU per
 * request, a tenth of a lookup's). Probes and scrapes are left out.
 */
import type { NextFunction, Request, Response } from 'express';
import { componentLogger } from './logger.js';

/** Probes and scrapes are not worth an access log line each. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

const access = componentLogger('access');

export function accessLog(req: Request, res: Response, next: NextFunction): void {
  // The level is fixed at start (LOG_LEVEL): below info, the access log costs nothing per request.
  if (!access.isLevelEnabled('info') || QUIET_PATHS.has(req.path)) {
    next();
    return;
  }
  res.once('close', () => {
    const record = {
      requestId: res.locals.requestId,
      req: { method: req.method, url: req.originalUrl.slice(0, 300), remoteAddress: req.socket.remoteAddress },
      res: { statusCode: res.statusCode },
      responseTime: Math.round(performance.now() - Number(res.locals.receivedAt)),
    };
    if (!res.writableFinished)
      access.warn(record, 'request aborted'); // the client went before its answer
    else if (res.statusCode >= 500) access.error(record, 'request failed');
    else access.info(record, 'request completed');
  });
  next();
}
