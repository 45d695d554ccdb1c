/**
 * The export a portal can use: the API's vocabulary and global ids (checked entity by entity against the
 * GraphQL API), NDJSON and JSON-LD (expanded by a JSON-LD processor against the published context), CSV
 * views parsed by a CSV parser and compared with the API's answers, each format with its own ETag.
 */
import { parse } from 'csv-parse/sync';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL } from '../src/model/model.js';
import { startTestServer, type TestServer } from './support/server.js';

let api: TestServer;
let graph: { dataVersion: string; loadedAt: string; nodes: any[]; relationships: any[] };
beforeAll(async () => {
  api = await startTestServer({});
  graph = (await (await fetch(`${api.url}/export`)).json()) as typeof graph;
});
afterAll(() => api?.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${api.url}${path}`, { headers });

describe('the export speaks the API', () => {
  it('gives every entity the global id, kind and enum values the GraphQL API gives it', async () => {
    expect(graph.nodes.length).toBeGreaterThan(200);
    // The enum properties of each label, as the API shows them: asked of every entity through nodes(ids:).
    const enumFields = (label: (typeof MODEL.labels)[number]) =>
      Object.entries({ ...MODEL.common, ...label.properties })
        .filter(([, spec]) => spec.type.kind === 'enum' && spec.type.graphqlName !== 'String')
        .map(([name]) => name);
    const fragments = MODEL.labels
      .filter((l) => enumFields(l).length > 0)
      // Aliased: two labels' "status" are different enums, which one selection set cannot merge.
      .map(
        (l) =>
          `... on ${l.label} { ${enumFields(l)
            .map((f) => `${l.label}__${f}: ${f}`)
            .join(' ')} }`,
      )
      .join(' ');
    let compared = 0;
    for (let i = 0; i < graph.nodes.length; i += 100) {
      const batch = graph.nodes.slice(i, i + 100);
      const { body } = await api.graphql(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Entity { key kind } ${fragments} } }`, {
        ids: batch.map((n) => n.id),
      });
      expect(body.errors).toBeUndefined();
      body.data.nodes.forEach((answer: Record<string, unknown>, j: number) => {
        const exported = batch[j];
        expect({ id: exported.id, key: exported.key, kind: exported.kind }).toEqual({ id: answer.id, key: answer.key, kind: answer.kind });
        for (const [alias, value] of Object.entries(answer)) {
          const name = alias.split('__')[1];
          if (name) expect(exported.properties[name] ?? null, `${exported.key}.${name}`).toEqual(value);
        }
        compared += 1;
      });
    }
    expect(compared).toBe(graph.nodes.length);
    // Enum values really occur (an instrument's legal form, an activity's status), in GraphQL's spelling.
    expect(graph.nodes.some((n) => n.properties.instrumentType === 'MEMORANDUM_OF_UNDERSTANDING')).toBe(true);
  });

  it('gives relationships their API type, ends as keys and global ids, and provenance in the API’s words', async () => {
    const ids = new Map(graph.nodes.map((n) => [n.key, n.id]));
    for (const r of graph.relationships) {
      expect(r.from).toBe(ids.get(r.fromKey));
      expect(r.to).toBe(ids.get(r.toKey));
      expect(['SOURCED', 'CURATED']).toContain(r.provenance.basis);
      for (const c of r.provenance.citations) expect(['VERIFIED', 'PARTIAL']).toContain(c.confidence);
    }
    const types = new Set(graph.relationships.map((r) => r.type));
    const { body } = await api.graphql('{ __type(name: "RelationshipType") { enumValues { name } } }');
    const apiTypes = new Set(body.data.__type.enumValues.map((v: { name: string }) => v.name));
    for (const type of types) expect(apiTypes.has(type), type).toBe(true);
  });
});

describe('NDJSON', () => {
  it('streams a header, one line per record and an end line with the counts, the same records as JSON', async () => {
    const response = await get('/export?format=ndjson');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await response.text())
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ record: 'header', dataVersion: graph.dataVersion, loadedAt: graph.loadedAt });
    const end = lines.at(-1);
    const entities = lines.filter((l) => l.record === 'entity');
    const relationships = lines.filter((l) => l.record === 'relationship');
    expect(end).toEqual({ record: 'end', entities: entities.length, relationships: relationships.length, deletions: 0 });
    expect(entities.map(({ record: _, ...rest }) => rest)).toEqual(graph.nodes);
    expect(relationships.map(({ record: _, ...rest }) => rest)).toEqual(graph.relationships);
  });

  it('is chosen by Accept too, and compressed when asked', async () => {
    const response = await get('/export', { accept: 'application/x-ndjson', 'accept-encoding': 'gzip' });
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toMatch(/accept\b/);
    const text = await response.text(); // fetch inflates it
    expect(JSON.parse(text.split('\n')[0]!).record).toBe('header');
  });
});

describe('JSON-LD', () => {
  it('expands, against the published context, to schema.org and Dublin Core terms', async () => {
    const response = await get('/export?format=jsonld');
    expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const document = (await response.json()) as any;
    expect(document['@context']).toBe(`${api.url}/context.jsonld`);
    const contextUrls: string[] = [];
    // The processor fetches the context from the API itself, as any consumer would.
    const documentLoader = async (url: string) => {
      contextUrls.push(url);
      return { contextUrl: undefined, documentUrl: url, document: await (await fetch(url)).json() };
    };
    const expanded = (await jsonld.expand(document, { documentLoader: documentLoader as never })) as any[];
    expect(contextUrls).toEqual([`${api.url}/context.jsonld`]);
    const nodes = expanded[0]['@graph'] as any[];
    const entities = nodes.filter((n) => typeof n['@id'] === 'string' && n['@id'].startsWith(`${api.url}/entity/`));
    expect(entities).toHaveLength(graph.nodes.length);
    const report = entities.find((n) => n['@id'] === `${api.url}/entity/stc38-report`);
    expect(report['@type']).toEqual(['https://schema.org/CreativeWork']);
    expect(report['https://schema.org/name'][0]['@value']).toBe(graph.nodes.find((n) => n.key === 'stc38-report').properties.name);
    expect(report['http://purl.org/dc/terms/modified'][0]).toEqual({
      '@type': 'http://www.w3.org/2001/XMLSchema#dateTime',
      '@value': graph.nodes.find((n) => n.key === 'stc38-report').changedAt,
    });
    expect(report['http://purl.org/dc/terms/identifier'][0]['@value']).toBe('stc38-report');
    // A relationship points at both ends by their pages.
    const served = nodes.find((n) => n[`${api.url}/vocab#relationshipType`]?.[0]?.['@value'] === 'SERVES');
    expect(served[`${api.url}/vocab#from`][0]['@id']).toMatch(new RegExp(`^${api.url}/entity/`));
  });
});

describe('CSV views', () => {
  const table = async (name: string) => {
    const response = await get(`/export/${name}.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    return parse(await response.text(), { columns: true }) as Record<string, string>[];
  };

  it('activities: one row per activity, as the API answers it, quoted where a value needs it', async () => {
    const rows = await table('activities');
    const { body } = await api.graphql(
      '{ activities(first: 100) { totalCount nodes { id key name status theme startYear programme { node { key } } } } }',
    );
    expect(rows).toHaveLength(body.data.activities.totalCount);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    for (const a of body.data.activities.nodes) {
      const row = byKey.get(a.key)!;
      expect(row).toMatchObject({
        id: a.id,
        name: a.name,
        status: a.status,
        theme: a.theme,
        startYear: a.startYear === null ? '' : String(a.startYear),
      });
      expect(row.programmes).toBe(a.programme.map((p: { node: { key: string } }) => p.node.key).join('; '));
    }
    // Names with commas and quotes come back whole through a real parser.
    expect(rows.some((r) => r.name!.includes(','))).toBe(true);
  });

  it('contributions: every contribution to a target, in the analysts’ order, with foundation and route', async () => {
    const rows = (await table('contributions')).filter((r) => r.aichiTarget === 'aichi-target-12');
    const { body } = await api.graphql(
      '{ aichiTarget(key: "aichi-target-12") { contributions(first: 100, includeInherited: true) { activity { key } foundation route } } }',
    );
    const expected = body.data.aichiTarget.contributions.map((c: any) => ({ activity: c.activity.key, foundation: c.foundation, route: c.route }));
    expect(expected.length).toBeGreaterThan(10);
    expect(rows.map((r) => ({ activity: r.activity, foundation: r.foundation, route: r.route }))).toEqual(expected);
  });

  it('listings: every listing of a taxon in an appendix, with its source', async () => {
    const rows = await table('listings');
    const { body } = await api.graphql('{ taxa(first: 100) { nodes { key listings { appendix convention { key } } } } }');
    const expected = body.data.taxa.nodes.flatMap((t: any) => t.listings.map((l: any) => `${t.key} ${l.convention.key} ${l.appendix}`)).sort();
    expect(expected.length).toBeGreaterThan(5);
    expect(rows.map((r) => `${r.taxon} ${r.convention} ${r.appendix}`).sort()).toEqual(expected);
    for (const r of rows) expect(r.sources).not.toBe('');
  });

  it('an unknown table is named, with the tables there are', async () => {
    const response = await get('/export/everything.csv');
    expect(response.status).toBe(404);
    expect(((await response.json()) as any).errors[0].message).toMatch(/everything.*activities, contributions, listings/);
  });
});

describe('caching and bad input', () => {
  it('gives each format and view its own strong ETag and answers 304 to it', async () => {
    const paths = ['/export', '/export?format=ndjson', '/export?format=jsonld', '/export/activities.csv', '/export/listings.csv'];
    const etags = new Set<string>();
    for (const path of paths) {
      const first = await get(path);
      await first.arrayBuffer();
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      etags.add(etag);
      expect((await get(path, { 'if-none-match': etag })).status).toBe(304);
    }
    expect(etags.size).toBe(paths.length);
  });

  it('refuses an unknown format by name, listing the formats', async () => {
    const response = await get('/export?format=xml');
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as any;
    expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'format' });
    expect(errors[0].message).toMatch(/json, ndjson, jsonld.*"xml"/);
  });
});
