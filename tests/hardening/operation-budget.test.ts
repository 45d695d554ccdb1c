/**
 * A budget per operation, enforced while it executes: over OPERATION_TIMEOUT_MS the answer is
 * OPERATION_TOO_LONG (503, Retry-After) and no further read starts; over RESPONSE_MAX_BYTES it is
 * RESPONSE_TOO_LARGE (422); a client that hangs up stops the work. Reads go to the real shared Neo4j,
 * each held 300 ms first so that an operation is caught in the middle.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { GraphReader } from '../../src/db/database.js';
import { createServer, type ApiServer } from '../../src/server.js';
import { sharedDatabase, testConfig } from '../support/db.js';

// Four levels, each one round trip after the one above.
const DEEP =
  '{ activities(first: 3) { nodes { key programme { node { key activities(first: 3) { node { key programme { node { key approvedBy { node { key } } } } } } } } } } }';

/** The real database, each read starting 300 ms late; counts the reads that reach it (not already cancelled). */
function slowReader(): GraphReader & { started: number[] } {
  const db = sharedDatabase();
  const started: number[] = [];
  return {
    started,
    read: async (name, params, stats, signal) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      if (!signal?.aborted) started.push(performance.now());
      return db.read(name, params, stats, signal);
    },
    readStream: (name, params, onRecord) => db.readStream(name, params, onRecord),
    ping: (deadlineMs) => db.ping(deadlineMs),
  };
}

describe('a budget per operation', () => {
  let server: ApiServer | undefined;
  afterEach(async () => {
    await server?.stop();
  });
  const post = (url: string, query: string, signal?: AbortSignal) =>
    fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), signal });

  it('runs the deep operation to its end within the default budget (four sequential round trips)', async () => {
    const reader = slowReader();
    server = await createServer(testConfig({ PORT: '0' }), reader);
    const response = await post(await server.listen(), DEEP);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    expect(reader.started.length).toBeGreaterThanOrEqual(4);
  });

  it('over OPERATION_TIMEOUT_MS: OPERATION_TOO_LONG, 503 with Retry-After, and no read starts after it', async () => {
    const reader = slowReader();
    server = await createServer(testConfig({ PORT: '0', OPERATION_TIMEOUT_MS: '500' }), reader);
    const url = await server.listen();
    const sent = performance.now();
    const response = await post(url, DEEP);
    const answeredAfter = performance.now() - sent;
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = (await response.json()) as { data: unknown; errors: { message: string; extensions: { code: string; requestId: string } }[] };
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'OPERATION_TOO_LONG', requestId: expect.any(String) });
    expect(body.errors[0]!.message).toMatch(/longer than 500 ms/);
    expect(answeredAfter).toBeLessThan(1500);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(reader.started.filter((t) => t > sent + 600)).toEqual([]);
  });

  it('over RESPONSE_MAX_BYTES: RESPONSE_TOO_LARGE (422), one error and no partial data', async () => {
    server = await createServer(testConfig({ PORT: '0', RESPONSE_MAX_BYTES: '2000' }), sharedDatabase());
    const url = await server.listen();
    const small = await post(url, '{ activities(first: 2) { nodes { key } } }');
    expect(small.status).toBe(200);
    const response = await post(url, '{ activities(first: 100) { nodes { key name description } } }');
    expect(response.status).toBe(422);
    const body = (await response.json()) as { data: unknown; errors: { message: string; extensions: { code: string } }[] };
    expect(body).toMatchObject({ data: null, errors: [{ extensions: { code: 'RESPONSE_TOO_LARGE' } }] });
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.message).toMatch(/larger than 2000 bytes/);
  });

  it('stops the work when the client hangs up', async () => {
    const reader = slowReader();
    server = await createServer(testConfig({ PORT: '0' }), reader);
    const url = await server.listen();
    const abort = new AbortController();
    const pending = post(url, DEEP, abort.signal).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 450));
    const abortedAt = performance.now();
    abort.abort();
    expect(await pending).toBeInstanceOf(Error);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // Without the budget the remaining levels would have been read, 300 ms apart.
    expect(reader.started.filter((t) => t > abortedAt + 50)).toEqual([]);
    expect(reader.started.length).toBeLessThan(4);
  });
});
