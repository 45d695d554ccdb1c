/**
 * Slow and greedy clients over real HTTP: security headers, a request rate per client (429 with the
 * standard RateLimit headers), concurrent connections per client, slow headers and bodies cut off,
 * operation types the schema does not offer.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

/** Opens a raw connection; resolves with what the server wrote and how long it kept the socket open. */
function rawConnection(url: string) {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  const opened = performance.now();
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise<{ received: string; openMillis: number }>((resolve) =>
    socket.once('close', () => resolve({ received, openMillis: performance.now() - opened })),
  );
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, closed, connected };
}

describe('greedy and slow clients', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({
      RATE_LIMIT_PER_MINUTE: '5',
      MAX_CONNECTIONS_PER_CLIENT: '3',
      HEADERS_TIMEOUT_MS: '1000',
      REQUEST_TIMEOUT_MS: '2000',
      KEEP_ALIVE_TIMEOUT_MS: '1000',
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('sends the standard security headers; a browser opening /graphql gets the GraphiQL page, with a policy for pages', async () => {
    const { headers } = await api.graphql('{ __typename }');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('x-powered-by')).toBeNull();
    const page = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(new URL(page.url).pathname).toBe('/graphiql');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'; script-src 'self';/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses mutations and subscriptions with OPERATION_NOT_SUPPORTED (400)', async () => {
    for (const query of ['mutation { x }', 'subscription { __typename }']) {
      const { status, body } = await api.graphql(query);
      expect(status).toBe(400);
      expect(body.errors[0].extensions.code).toBe('OPERATION_NOT_SUPPORTED');
    }
  });

  it('answers 429 with RateLimit headers past RATE_LIMIT_PER_MINUTE; health probes are never limited', async () => {
    // Two requests were spent above; this client has three left.
    const statuses: number[] = [];
    let last: Awaited<ReturnType<TestServer['graphql']>> | undefined;
    for (let i = 0; i < 5; i += 1) {
      last = await api.graphql('{ __typename }');
      statuses.push(last.status);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    expect(last!.status).toBe(429);
    expect(last!.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(last!.headers.get('ratelimit-policy')).toMatch(/q=5; w=60/);
    expect(last!.headers.get('ratelimit')).toMatch(/r=0; t=\d+/);
    for (let i = 0; i < 10; i += 1) expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
  });

  it('closes at once a connection beyond MAX_CONNECTIONS_PER_CLIENT', async () => {
    const held = [rawConnection(api.url), rawConnection(api.url), rawConnection(api.url)];
    await Promise.all(held.map((c) => c.connected));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const extra = rawConnection(api.url);
    const { openMillis, received } = await extra.closed;
    expect(openMillis).toBeLessThan(500);
    expect(received).toBe('');
    for (const c of held) c.socket.destroy();
    await Promise.all(held.map((c) => c.closed));
  });

  it('cuts off slow headers after HEADERS_TIMEOUT_MS and a slow body after REQUEST_TIMEOUT_MS', async () => {
    const headers = rawConnection(api.url);
    await headers.connected;
    headers.socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\n');
    const trickle = setInterval(() => headers.socket.write('X-Slow: 1\r\n'), 200);
    const cutHeaders = await headers.closed;
    clearInterval(trickle);
    expect(cutHeaders.received).toMatch(/^HTTP\/1.1 408/);
    expect(cutHeaders.openMillis).toBeLessThan(1000 + 1500);

    const body = rawConnection(api.url);
    await body.connected;
    body.socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":');
    const drip = setInterval(() => body.socket.write(' '), 200);
    const cutBody = await body.closed;
    clearInterval(drip);
    expect(cutBody.openMillis).toBeLessThan(2000 + 1500);
  });
});
