/** CORS allowlist, CSRF prevention, no stack traces, the introspection switch, and the streamed export. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

const PORTAL = 'https://portal.example.org';

describe('CORS', () => {
  let api: TestServer;
  let closed: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ CORS_ORIGINS: PORTAL });
    closed = await startTestServer({});
  });
  afterAll(async () => {
    await api.close();
    await closed.close();
  });

  const preflight = (url: string, origin: string) =>
    fetch(`${url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it('answers the configured origin', async () => {
    const response = await preflight(api.url, PORTAL);
    expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
    const post = await api.graphql('{ about { apiVersion } }', undefined, { origin: PORTAL });
    expect(post.headers.get('access-control-allow-origin')).toBe(PORTAL);
  });

  it('gives no CORS header to another origin, nor to anyone when none is configured', async () => {
    expect((await preflight(api.url, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(closed.url, PORTAL)).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CSRF prevention and error hygiene', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ NODE_ENV: 'production' });
  });
  afterAll(() => api.close());

  it('refuses a simple GET or text/plain POST that a foreign page could send', async () => {
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ about { apiVersion } }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
    const plain = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ about { apiVersion } }"}',
    });
    expect(plain.status).toBe(400);
    const ok = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ about { apiVersion } }')}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    expect(ok.status).toBe(200);
  });

  it('never shows a stack trace, and hides x-powered-by', async () => {
    const { headers, body } = await api.graphql('{ node(id: "%%%") { id } unknownField }');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace| {4}at /);
    expect(headers.get('x-powered-by')).toBeNull();
    // In production, no "did you mean" suggestions that map the schema for a stranger.
    expect(JSON.stringify(body)).not.toMatch(/Did you mean/);
  });
});

describe('introspection policy', () => {
  it('follows GRAPHQL_INTROSPECTION (on by default; the SDL is public at /schema.graphql anyway)', async () => {
    const on = await startTestServer({});
    const off = await startTestServer({ GRAPHQL_INTROSPECTION: 'false' });
    try {
      expect((await on.graphql('{ __schema { queryType { name } } }')).body.data.__schema.queryType.name).toBe('Query');
      const refused = await off.graphql('{ __schema { queryType { name } } }');
      expect(refused.body.errors[0].message).toMatch(/[Ii]ntrospection/);
      expect((await fetch(`${off.url}/schema.graphql`)).status).toBe(200);
    } finally {
      await on.close();
      await off.close();
    }
  });
});

describe('GET /export', () => {
  it('streams every entity and relationship with its provenance as one JSON document', async () => {
    const api = await startTestServer({});
    try {
      const response = await fetch(`${api.url}/export`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(response.headers.get('transfer-encoding')).toBe('chunked');
      const graph = (await response.json()) as any;
      const count = (await api.graphql('{ activities { totalCount } }')).body.data.activities.totalCount;
      expect(graph.nodes.filter((n: any) => n.kind === 'ACTIVITY')).toHaveLength(count);
      expect(graph.dataVersion).toMatch(/^[0-9a-f]{64}$/);
      for (const item of [...graph.nodes, ...graph.relationships]) {
        expect(['SOURCED', 'CURATED']).toContain(item.provenance.basis);
        if (item.provenance.basis === 'SOURCED') expect(item.provenance.citations.length).toBeGreaterThan(0);
      }
      const keys = new Set(graph.nodes.map((n: any) => n.key));
      for (const r of graph.relationships) {
        expect(keys.has(r.fromKey) && keys.has(r.toKey)).toBe(true);
      }
    } finally {
      await api.close();
    }
  });
});
