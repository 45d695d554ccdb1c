/** Expensive, deep, aliased, batched, oversized or malformed requests are refused before anything runs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer({ GRAPHQL_MAX_DEPTH: '8', GRAPHQL_MAX_ALIASES: '5', GRAPHQL_MAX_TOKENS: '400', BODY_LIMIT_BYTES: '5000' });
});
afterAll(() => api.close());

/** Refused before execution: an error, no data, and not one Cypher round trip. */
async function expectRefused(query: string, code: string, message: RegExp) {
  const { status, body } = await api.graphql(query, undefined, { 'x-timing': '1' });
  expect(status).toBe(400);
  expect(body.data).toBeUndefined();
  expect(body.errors[0].extensions.code).toBe(code);
  expect(body.errors[0].message).toMatch(message);
  expect(body.extensions?.timing?.roundTrips ?? 0).toBe(0);
}

describe('operations refused before execution', () => {
  it('too deep', async () => {
    await expectRefused(
      '{ activities { nodes { programme { node { activities { node { programme { node { activities { node { key } } } } } } } } } } }',
      'GRAPHQL_VALIDATION_FAILED',
      /depth limit of 8 exceeded/i,
    );
  });

  it('too costly: page sizes multiply', async () => {
    await expectRefused(
      '{ activities(first: 100) { nodes { links(first: 100) { node { links(first: 100) { node { key } } } } } } }',
      'QUERY_TOO_COSTLY',
      /Query cost \d+ exceeds the limit of 100000/,
    );
  });

  it('too many aliases', async () => {
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: about { apiVersion }`).join(' ');
    await expectRefused(`{ ${aliases} }`, 'GRAPHQL_VALIDATION_FAILED', /Aliases limit of 5 exceeded/);
  });

  it('too many tokens', async () => {
    const fields = Array.from({ length: 450 }, () => 'key').join(' ');
    await expectRefused(`{ activities { nodes { ${fields} } } }`, 'GRAPHQL_PARSE_FAILED', /more that 400 tokens/);
  });

  it('a cheap query of the same shape passes', async () => {
    const { status, body } = await api.graphql('{ activities(first: 2) { nodes { key links(first: 2) { node { key } } } } }', undefined, {
      'x-timing': '1',
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.extensions.timing.roundTrips).toBeGreaterThan(0);
  });
});

describe('requests refused at the door', () => {
  it('a batched request (JSON array)', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ about { apiVersion } }' }, { query: '{ about { apiVersion } }' }]),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/batch/i);
  });

  it('a body over BODY_LIMIT_BYTES: 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ about { apiVersion } } # ${'x'.repeat(6000)}` }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors[0].message).toBe('Request body larger than 5000 bytes');
  });

  it('malformed JSON: 400 BAD_REQUEST, no stack', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ about',
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(text).not.toMatch(/ {4}at /);
  });

  it('an unknown route: 404 in the errors shape of every answer, with its request id', async () => {
    const response = await fetch(`${api.url}/admin`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(body.errors[0].extensions.requestId).toBe(response.headers.get('x-request-id'));
    expect(body.errors[0].message).toBe('No route for GET /admin');
  });
});
