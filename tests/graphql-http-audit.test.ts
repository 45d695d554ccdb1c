/**
 * The GraphQL-over-HTTP audit a portal's developer runs (graphql-http's serverAudits, the reference
 * implementation of the spec): every MUST passes, and the SHOULDs we do not meet are the ones listed
 * here with why, so a new failure shows up as a diff.
 */
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.js';

/** SHOULDs we knowingly answer otherwise, by audit id, with the reason. */
const CSRF =
  'GET without a preflight header (apollo-require-preflight or a JSON content type) is refused by the CSRF prevention: a browser could otherwise send it cross-site with cookies';
const STATUS_400 =
  'a request that cannot execute answers 400 under application/json as under application/graphql-response+json: one status rule for every client, and caches never store it';
const KNOWN_WARNINGS: Record<string, string> = {
  '5A70': CSRF, // MAY accept application/x-www-form-urlencoded GET
  D6D5: CSRF, // MAY allow URL-encoded variables in GET (graphql-response+json)
  '6A70': CSRF, // MAY allow URL-encoded variables in GET (json)
  '572B': STATUS_400, // SHOULD use 200 on parse failure under application/json
  FDE2: STATUS_400, // SHOULD use 200 on validation failure under application/json
  '7B9B': STATUS_400, // SHOULD use 200 on variable coercion failure under application/json
};

let api: TestServer;
let results: { id: string; name: string; status: string; reason?: string }[];
beforeAll(async () => {
  api = await startTestServer({ LOG_LEVEL: 'warn' });
  const audits = serverAudits({ url: `${api.url}/graphql` });
  results = [];
  for (const audit of audits) {
    const result = await audit.fn();
    results.push({ id: audit.id, name: audit.name, status: result.status, reason: 'reason' in result ? result.reason : undefined });
  }
}, 60_000);
afterAll(() => api.close());

describe('the graphql-http audit', () => {
  it('runs every audit of the spec', () => {
    expect(results.length).toBeGreaterThan(50);
  });

  it('passes every MUST', () => {
    const failed = results.filter((r) => r.status === 'error').map((r) => `${r.id} ${r.name}: ${r.reason}`);
    expect(failed).toEqual([]);
  });

  it('fails no SHOULD beyond the known ones', () => {
    const warned = results.filter((r) => r.status !== 'ok');
    expect(warned.map((r) => `${r.id} ${r.name}`).sort()).toEqual(
      results
        .filter((r) => r.id in KNOWN_WARNINGS)
        .map((r) => `${r.id} ${r.name}`)
        .sort(),
    );
  });
});
