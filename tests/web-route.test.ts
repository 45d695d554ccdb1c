/** The explorer as the API serves it: the page on every view's URL, hashed assets cached for a year, nothing from elsewhere. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../src/web/route.js';
import { startTestServer, type TestServer } from './support/server.js';
import { ensureWebBuilt } from './support/web.js';

let server: TestServer;

beforeAll(async () => {
  ensureWebBuilt();
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('the explorer served by the API', () => {
  it('answers the page, never cached, at / and at each view URL', async () => {
    const page = fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
    for (const url of [
      '/',
      '/search?q=elephant',
      '/entity/cites',
      '/graph/cites?depth=2',
      '/path?from=cms&to=cites',
      '/analyst/aichi-target-12',
      '/synergies/targets',
      '/synergies/species',
      '/report',
    ]) {
      const response = await fetch(`${server.url}${url}`);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(page);
    }
  });

  it('serves the hashed assets the page names, cached for a year', async () => {
    const page = fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8') + fs.readFileSync(path.join(WEB_DIST, 'graphiql.html'), 'utf8');
    const assets = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      expect(asset).toMatch(/-[A-Z0-9]{8}\.(js|css)$/);
      const response = await fetch(`${server.url}${asset}`);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });

  it('names no other origin: the explorer and GraphiQL work offline', () => {
    const files = fs.readdirSync(path.join(WEB_DIST, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    for (const file of [...files.map((f) => path.join('assets', f)), 'index.html', 'graphiql.html']) {
      const text = fs.readFileSync(path.join(WEB_DIST, file), 'utf8');
      // Loaded resources only: links in licence comments or documentation strings are not fetched.
      expect(text.match(/(?:src=|href=|url\(|@import\s+)["']?https?:\/\//g), file).toBeNull();
    }
  });

  it('serves GraphiQL at /graphiql, and leaves other paths to the API', async () => {
    const ide = await fetch(`${server.url}/graphiql`);
    expect(ide.status).toBe(200);
    expect(await ide.text()).toContain('<title>GraphiQL');
    const missing = await fetch(`${server.url}/assets/nothing-12345678.js`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).errors[0].extensions.code).toBe('NOT_FOUND');
    const other = await fetch(`${server.url}/entities`);
    expect(other.status).toBe(404);
    expect((await other.json()).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('sends a browser opening /graphql to GraphiQL, and the API calls on to the API', async () => {
    const browser = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }, redirect: 'manual' });
    expect(browser.status).toBe(302);
    expect(browser.headers.get('location')).toBe('/graphiql');
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ about { apiVersion } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': '1' },
    });
    expect(get.status).toBe(200);
    expect((await get.json()).data.about.apiVersion).toMatch(/\d/);
    const post = await server.graphql('{ about { apiVersion } }');
    expect(post.status).toBe(200);
  });
});
