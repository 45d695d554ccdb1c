/**
 * HTTP caching of GET queries: the answer to a GET /graphql depends only on its URL and on the data loaded,
 * so its strong ETag is a hash of both; a client (or a CDN) that sends it back in If-None-Match gets 304
 * without the query running. POSTs are never cached. Answers with errors carry no-store.
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import type { GraphReader } from '../db/database.js';
import type { RequestContext } from './context.js';

/** How long caches may serve an answer, and serve it stale while they fetch a fresh one (seconds). */
export const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';
/** The data version is read at most this often (ms) to check If-None-Match before running anything. */
const VERSION_TTL_MS = 2_000;

export const etagOf = (dataVersion: string | null, url: string) =>
  `"${createHash('sha256')
    .update(`${dataVersion ?? 'empty'}\u0000${url}`)
    .digest('base64url')
    .slice(0, 32)}"`;

/** The data version, read from the graph at most every VERSION_TTL_MS. */
export function dataVersionCache(db: GraphReader) {
  let cached: { version: string | null; at: number } | undefined;
  return async (): Promise<string | null> => {
    if (!cached || performance.now() - cached.at > VERSION_TTL_MS) {
      const [row] = await db.read<{ dataHash: string | null }>('about/dataVersion');
      cached = { version: row?.dataHash ?? null, at: performance.now() };
    }
    return cached.version;
  };
}

/** Before Apollo: a GET whose If-None-Match is the current ETag gets 304 at once. */
export function notModified(version: () => Promise<string | null>) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const given = req.get('if-none-match');
    if (req.method !== 'GET' || !given || typeof req.query.query !== 'string') return next();
    try {
      const etag = etagOf(await version(), req.originalUrl);
      if (given.split(',').some((tag) => tag.trim() === etag)) {
        res.setHeader('etag', etag);
        res.setHeader('cache-control', CACHE_CONTROL);
        res.status(304).end();
        return;
      }
    } catch {
      // The graph is unreachable: let the query run and answer what it can (503).
    }
    next();
  };
}

/** After Apollo: a successful GET answer gets its ETag and Cache-Control; any other answer no-store. */
export function cacheHeadersPlugin(version: () => Promise<string | null>): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ request }) {
      return {
        async willSendResponse({ response }) {
          if (!response.http) return;
          const ok = response.body.kind === 'single' && !response.body.singleResult.errors;
          if (request.http?.method !== 'GET' || !ok) {
            response.http.headers.set('cache-control', 'no-store');
            return;
          }
          const url = `/graphql${request.http.search}`;
          response.http.headers.set('etag', etagOf(await version(), url));
          response.http.headers.set('cache-control', CACHE_CONTROL);
        },
      };
    },
  };
}
