/**
 * What a deployment behind a load balancer, over a Neo4j cluster or Aura, relies on: the routing
 * schemes (neo4j://, neo4j+s://) reach the graph, and with TRUSTED_PROXIES the rate limit keys on the
 * client the load balancer forwards, not on the load balancer itself.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { Database } from '../src/db/database.js';
import { startTestServer, type TestServer } from './support/server.js';

describe('Neo4j through the routing scheme (a cluster, Aura)', () => {
  let api: TestServer;
  beforeAll(async () => {
    const routed = new Database({
      uri: inject('neo4jUri').replace(/^bolt:/, 'neo4j:'),
      user: inject('neo4jUser'),
      password: inject('neo4jPassword'),
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
      queryTimeoutMs: 30_000,
    });
    api = await startTestServer({ LOG_LEVEL: 'warn' }, routed);
  });
  afterAll(() => api?.close());

  it('is accepted by the configuration, with or without TLS', () => {
    for (const uri of ['neo4j://db.example.org:7687', 'neo4j+s://abcd1234.databases.neo4j.io', 'neo4j+ssc://10.0.0.5']) {
      expect(loadConfig({ NEO4J_URI: uri }).neo4jUri).toBe(uri);
    }
  });

  it('answers queries and readiness through a routing driver (a routing table fetched from the server)', async () => {
    expect(api.db.settings.uri).toMatch(/^neo4j:\/\//);
    const { status, body } = await api.graphql('{ aichiTarget(key: "aichi-target-12") { key } about { dataVersion } }');
    expect(status).toBe(200);
    expect(body.data.aichiTarget.key).toBe('aichi-target-12');
    expect(body.data.about.dataVersion).toMatch(/\w+/);
    expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
    // The routing driver asked the server for its routing table: readers and writers for the database.
    const table = await api.db.driver.executeQuery('CALL dbms.routing.getRoutingTable({}, $db)', { db: api.db.settings.database });
    const roles = table.records[0]!.get('servers').map((s: { role: string }) => s.role);
    expect(roles).toEqual(expect.arrayContaining(['READ', 'WRITE', 'ROUTE']));
  });
});

describe('behind a load balancer (TRUSTED_PROXIES)', () => {
  const ask = (api: TestServer, client: string) =>
    fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      body: JSON.stringify({ query: '{ __typename }' }),
    }).then((r) => r.status);

  it('rate-limits each forwarded client on its own', async () => {
    const api = await startTestServer({ LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '2', TRUSTED_PROXIES: '1' });
    try {
      const first = [await ask(api, '203.0.113.7'), await ask(api, '203.0.113.7'), await ask(api, '203.0.113.7')];
      expect(first).toEqual([200, 200, 429]);
      expect(await ask(api, '198.51.100.9')).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('ignores X-Forwarded-For without TRUSTED_PROXIES: a client cannot forge its way past the limit', async () => {
    const api = await startTestServer({ LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '2' });
    try {
      expect([await ask(api, '203.0.113.7'), await ask(api, '203.0.113.8'), await ask(api, '203.0.113.9')]).toEqual([200, 200, 429]);
    } finally {
      await api.close();
    }
  });
});
