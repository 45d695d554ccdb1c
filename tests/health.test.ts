import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../src/db/database.js';
import { startTestServer, type TestServer } from './support/server.js';

describe('health and readiness over HTTP', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(() => api.close());

  it('/healthz says the process is alive', async () => {
    const response = await fetch(`${api.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz says ready when Neo4j answers', async () => {
    const response = await fetch(`${api.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', neo4j: 'up' });
  });

  it('serves the SDL at /schema.graphql', async () => {
    const response = await fetch(`${api.url}/schema.graphql`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/type Query \{/);
  });

  it('answers GraphQL and tags every response with a request id', async () => {
    const { status, headers, body } = await api.graphql('{ about { apiVersion } }');
    expect(status).toBe(200);
    expect(body.data.about.apiVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('/readyz says not ready (503) when Neo4j does not answer', async () => {
    // A Bolt URL where nothing listens: port 1 on loopback.
    const down = new Database({ uri: 'bolt://127.0.0.1:1', database: 'neo4j', queryTimeoutMs: 1000 });
    const unready = await startTestServer({}, down);
    try {
      const response = await fetch(`${unready.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'not ready', neo4j: 'unreachable' });
      expect((await fetch(`${unready.url}/healthz`)).status).toBe(200);
    } finally {
      await unready.close();
    }
  });
});
