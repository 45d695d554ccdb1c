/**
 * Serves the explorer built by `npm run build:web` (web/dist): content-hashed assets cached for a year,
 * the page itself for every explorer route (history routing), and the GraphQL IDE at /graphiql.
 * Nothing comes from a CDN: the explorer works offline, behind a firewall.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { PROJECT_ROOT } from '../config.js';

export const WEB_DIST = path.join(PROJECT_ROOT, 'web', 'dist');

/**
 * The pages' content security policy, instead of the API's `default-src 'none'` (src/http/protection.ts):
 * everything from this origin only (no CDN, no inline script); inline styles, data: images and fonts and
 * blob: workers, which Cytoscape.js and GraphiQL use.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** First path segments of the explorer's views (web/src/main.ts); anything else falls through to the API's 404. */
const VIEW_PATH = /^\/(?:(?:search|entity|graph|path|analyst|synergies|report)(?:\/.*)?)?$/;

/**
 * A browser opening GET /graphql gets GraphiQL, served here, rather than Apollo's landing page, which loads
 * its sandbox from a CDN and fails offline. GET requests with a query, and every POST, go to the API.
 */
export function graphqlIdeRedirect(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'GET' && req.query.query === undefined && req.accepts(['application/json', 'text/html']) === 'text/html')
    res.redirect(302, '/graphiql');
  else next();
}

export function webRoute(dist: string = WEB_DIST): Router {
  const router = express.Router();
  const page = (file: string) => (_req: Request, res: Response, next: NextFunction) => {
    const full = path.join(dist, file);
    if (!fs.existsSync(full)) {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The explorer is not built: run `npm run build:web` (npm start and npm test do it first).\n');
      return;
    }
    // The page names the hashed assets of the current build: always revalidate it.
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('content-security-policy', PAGE_CSP);
    res.sendFile(full, (error) => error && next(error));
  };
  router.use(
    '/assets',
    express.static(path.join(dist, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
    }),
  );
  router.get('/graphiql', page('graphiql.html'));
  router.get(VIEW_PATH, page('index.html'));
  return router;
}
