/**
 * What a portal's HTTP stack expects: GET queries and the export answer 304 to their own ETag (which
 * changes with the data), carry Cache-Control, and come compressed (gzip or Brotli) when asked; one
 * malformed id in nodes(ids:) nulls only its own position.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/graphql/ids.js';
import { startTestServer, type TestServer } from './support/server.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

const QUERY = '{ aichiTarget(key: "aichi-target-12") { key shortTitle } }';
const getUrl = () => `${api.url}/graphql?query=${encodeURIComponent(QUERY)}`;
const PREFLIGHT = { 'apollo-require-preflight': 'true' };

/** A raw GET, so the body is seen as sent (fetch would decompress it). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('GET queries', () => {
  it('carry a strong ETag and Cache-Control, and answer 304 to it without running the query', async () => {
    const first = await fetch(getUrl(), { headers: PREFLIGHT });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=600');
    expect((await first.json()).data.aichiTarget.key).toBe('aichi-target-12');

    const again = await fetch(getUrl(), { headers: { ...PREFLIGHT, 'if-none-match': etag!, 'x-timing': '1' } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');

    // Another query has another ETag; a stale one gets the whole answer.
    const other = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ about { apiVersion } }')}`, { headers: PREFLIGHT });
    expect(other.headers.get('etag')).not.toBe(etag);
    const stale = await fetch(getUrl(), { headers: { ...PREFLIGHT, 'if-none-match': '"stale"' } });
    expect(stale.status).toBe(200);
  });

  it('are not cached when they fail, and POSTs never are', async () => {
    const failing = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ aichiTarget(key: "no-such-target") { key } }')}`, {
      headers: PREFLIGHT,
    });
    expect(failing.headers.get('cache-control')).toBe('no-store');
    expect(failing.headers.get('etag')).toBeNull();
    const post = await api.graphql(QUERY);
    expect(post.headers.get('cache-control')).toBe('no-store');
  });

  it('come compressed with gzip or Brotli when asked', async () => {
    for (const [encoding, decode] of [
      ['gzip', gunzipSync],
      ['br', brotliDecompressSync],
    ] as const) {
      const answer = await rawGet(`${api.url}/graphql?query=${encodeURIComponent('{ aichiTargets(first: 20) { nodes { key text } } }')}`, {
        ...PREFLIGHT,
        'accept-encoding': encoding,
      });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBe(encoding);
      expect(JSON.parse(decode(answer.body).toString('utf8')).data.aichiTargets.nodes).toHaveLength(20);
    }
  });
});

describe('the export', () => {
  it('answers 304 to its ETag, and comes gzipped when asked, several times smaller', async () => {
    const plain = await rawGet(`${api.url}/export`, {});
    expect(plain.status).toBe(200);
    const etag = plain.headers.etag!;
    expect(plain.headers['cache-control']).toBe('public, max-age=300, stale-while-revalidate=3600');
    expect((await rawGet(`${api.url}/export`, { 'if-none-match': etag })).status).toBe(304);
    const gzipped = await rawGet(`${api.url}/export`, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    const unzipped = gunzipSync(gzipped.body);
    expect(unzipped.equals(plain.body)).toBe(true);
    expect(gzipped.body.length * 4).toBeLessThan(plain.body.length);
  });
});

describe('nodes(ids:)', () => {
  it('nulls only the position of a malformed or unknown id, with its error there', async () => {
    const ids = [toGlobalId('AichiTarget', 'aichi-target-12'), 'not-a-global-id', toGlobalId('Taxon', 'no-such-taxon')];
    const { body } = await api.graphql('query($ids: [ID!]!) { nodes(ids: $ids) { id ... on AichiTarget { key } } }', { ids });
    expect(body.data.nodes).toEqual([{ id: ids[0], key: 'aichi-target-12' }, null, null]);
    expect(body.errors.map((e: any) => [e.path, e.extensions.code])).toEqual([
      [['nodes', 1], 'BAD_USER_INPUT'],
      [['nodes', 2], 'NOT_FOUND'],
    ]);
  });
});
