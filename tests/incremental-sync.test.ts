/**
 * A portal mirrors the graph incrementally: a full export, then after a second load that adds, changes and
 * removes entities, only what changed since the first (`/export?changedSince=`, with the deletions). Applied
 * to the mirror, it ends equal to a full export of the second load. Lists follow changes the same way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { loadGraph } from '../src/ingest/load.js';
import { readGraph } from '../src/ingest/validate.js';
import { createServer, type ApiServer } from '../src/server.js';
import { testConfig } from './support/db.js';
import { startScratchNeo4j, type ScratchNeo4j } from './support/scratch.js';

interface Item {
  key: string;
  changedAt: string | null;
  firstLoadedAt: string | null;
  [field: string]: unknown;
}
interface Export {
  dataVersion: string;
  loadedAt: string;
  changedSince: string | null;
  nodes: Item[];
  relationships: Item[];
  deletions?: { key: string; kind: string; type: string | null; deletedAt: string }[];
}

const REMOVED = 'other-donors-stc38';
const CHANGED = 'joint-consultant';
const ADDED = 'mirror-test-donor';

/** data/ with one Party removed (with its links), one activity's description changed and one Party added. */
function secondData(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccg-sync-'));
  fs.cpSync(loadConfig().dataDir, dir, { recursive: true });
  const parties = path.join(dir, 'parties.yaml');
  const text = fs.readFileSync(parties, 'utf8');
  const start = text.indexOf(`  - id: ${REMOVED}\n`);
  expect(start).toBeGreaterThan(0);
  const next = text.indexOf('\n  - id: ', start + 1);
  const kept = text.slice(0, start) + (next < 0 ? '' : text.slice(next + 1));
  fs.writeFileSync(
    parties,
    `${kept.trimEnd()}\n  - id: ${ADDED}\n    name: A donor added for the mirror test\n    basis: curated\n    rationale: Test fixture.\n    links:\n      - { type: FUNDED, to: ${CHANGED}, basis: curated, rationale: Test fixture. }\n`,
  );
  const activities = path.join(dir, 'activities.yaml');
  const before = fs.readFileSync(activities, 'utf8');
  const name = 'name: Joint consultant to promote synergy with CMS\n';
  expect(before).toContain(name);
  fs.writeFileSync(activities, before.replace(name, 'name: Joint consultant to promote synergy with CMS (renamed for the mirror test)\n'));
  return dir;
}

describe('incremental sync', () => {
  let scratch: ScratchNeo4j;
  let server: ApiServer;
  let url: string;
  let dir: string;
  beforeAll(async () => {
    scratch = await startScratchNeo4j();
    await loadGraph(scratch.db, readGraph(loadConfig().dataDir), { force: true });
    server = await createServer(testConfig({ PORT: '0' }), scratch.db);
    url = await server.listen();
  }, 240_000);
  afterAll(async () => {
    await server?.stop();
    await scratch?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const exportOf = async (query = ''): Promise<Export> => {
    const response = await fetch(`${url}/export${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as Export;
  };
  const byKey = (items: Item[]) => new Map(items.map((i) => [i.key, i]));

  it('follows two loads through changedSince and ends equal to a full export', async () => {
    const first = await exportOf();
    expect(first.loadedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(first.nodes.every((n) => n.changedAt === first.loadedAt && n.firstLoadedAt === first.loadedAt)).toBe(true);
    const mirror = { nodes: byKey(first.nodes), relationships: byKey(first.relationships) };

    // The same data again changes nothing, not even the times.
    await loadGraph(scratch.db, readGraph(loadConfig().dataDir), { force: true });
    const unchanged = await exportOf(`?changedSince=${encodeURIComponent(first.loadedAt)}`);
    expect([unchanged.nodes.length, unchanged.relationships.length, unchanged.deletions?.length]).toEqual([0, 0, 0]);

    dir = secondData();
    await loadGraph(scratch.db, readGraph(dir), { force: true });
    const delta = await exportOf(`?changedSince=${encodeURIComponent(first.loadedAt)}`);
    expect(delta.changedSince).toBe(first.loadedAt);
    expect(delta.nodes.map((n) => n.key).sort()).toEqual([ADDED, CHANGED].sort());
    expect(delta.deletions?.map((d) => d.key)).toEqual(expect.arrayContaining([REMOVED]));
    expect(delta.deletions?.filter((d) => d.kind === 'RELATIONSHIP').every((d) => d.key.startsWith(`${REMOVED}--`))).toBe(true);
    const changed = delta.nodes.find((n) => n.key === CHANGED)!;
    expect(changed.firstLoadedAt).toBe(first.loadedAt);
    expect(changed.changedAt).toBe(delta.loadedAt);

    for (const n of delta.nodes) mirror.nodes.set(n.key, n);
    for (const r of delta.relationships) mirror.relationships.set(r.key, r);
    for (const d of delta.deletions ?? []) (d.kind === 'RELATIONSHIP' ? mirror.relationships : mirror.nodes).delete(d.key);

    const full = await exportOf();
    expect([...mirror.nodes.values()].sort((a, b) => a.key.localeCompare(b.key))).toEqual(full.nodes);
    expect([...mirror.relationships.values()].sort((a, b) => a.key.localeCompare(b.key))).toEqual(full.relationships);
  });

  it('lists take changedSince too, and a malformed instant is named', async () => {
    const { loadedAt } = (await exportOf()) as Export;
    const ask = async (since: string) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `query($since: DateTime) { parties(filter: { changedSince: $since }) { nodes { key changedAt } } }`,
          variables: { since },
        }),
      });
      return (await response.json()) as {
        data?: { parties: { nodes: { key: string; changedAt: string }[] } };
        errors?: { message: string; extensions: { code: string } }[];
      };
    };
    const earlier = new Date(Date.parse(loadedAt) - 1).toISOString();
    const recent = await ask(earlier);
    expect(recent.data?.parties.nodes.map((p) => p.key)).toEqual([ADDED]);
    expect((await ask(loadedAt)).data?.parties.nodes).toEqual([]);
    const bad = await ask('yesterday');
    expect(bad.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/^filter\.changedSince: expected an ISO 8601 date-time/);
    const refused = await fetch(`${url}/export?changedSince=yesterday`);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });
});
