/**
 * A page or a lookup reads only the properties its query asks (and key, kind, name), yet answers exactly
 * what a whole row answers; a field the generic engine does not resolve gets the whole row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, GraphReader, Params } from '../src/db/database.js';
import { createContext } from '../src/graphql/context.js';
import { toGlobalId } from '../src/graphql/ids.js';
import { createServer, type ApiServer } from '../src/server.js';
import { sharedDatabase, testConfig } from './support/db.js';

let db: Database;
let server: ApiServer;
beforeAll(async () => {
  db = sharedDatabase();
  server = await createServer(testConfig({ PORT: '0' }), db);
});
afterAll(async () => {
  await server?.stop();
  await db?.close();
});

/** What a statement was told to read of links: of each prefetched field's (`fields`), or of its own. */
type LinkReadsGiven = { statement: string; fields?: { nodeProps: unknown; relProps: unknown }[]; nodeProps?: unknown; relProps?: unknown };

/** Runs an operation and records the projections each statement was given (`asked`: a contribution's entities). */
async function run(query: string) {
  const asked: { statement: string; props: unknown; contributions: unknown }[] = [];
  const links: LinkReadsGiven[] = [];
  const spy: GraphReader = {
    read: (name, params: Params = {}, stats, signal) => {
      asked.push({ statement: name, props: params.props, contributions: params.asked });
      const fields = params.fields as { nodeProps: unknown; relProps: unknown }[] | undefined;
      if (fields?.length) links.push({ statement: name, fields: fields.map(({ nodeProps, relProps }) => ({ nodeProps, relProps })) });
      if (name === 'entities/links') links.push({ statement: name, nodeProps: params.nodeProps, relProps: params.relProps });
      return db.read(name, params, stats, signal);
    },
    readStream: (name, params, onRecord) => db.readStream(name, params, onRecord),
    ping: (deadlineMs) => db.ping(deadlineMs),
  };
  const response = await server.apollo.executeOperation({ query }, { contextValue: createContext(spy, testConfig()) });
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  return { ...response.body.singleResult, asked, links };
}

const FIELDS =
  'id key kind name status theme startYear endYear description provenance { basis rationale citations { documentKey locator quote confidence } } changedAt';

describe('projection', () => {
  it('a page reads only the asked properties and answers what whole rows answer', async () => {
    const page = await run(`{ activities(first: 40) { nodes { ${FIELDS} } } }`);
    expect(page.errors).toBeUndefined();
    expect(page.asked).toHaveLength(1);
    expect([...(page.asked[0]!.props as string[])].sort()).toEqual(
      [
        'id',
        'kind',
        'name',
        'status',
        'theme',
        'startYear',
        'endYear',
        'description',
        'citations',
        'tags',
        'quotes',
        'basis',
        'rationale',
        'changedAt',
      ].sort(),
    );
    const nodes = page.data!.activities as { nodes: { id: string }[] };
    // The same entities through node(id:), which reads whole rows.
    const ids = nodes.nodes.map((n) => `"${n.id}"`).join(', ');
    const whole = await run(`{ nodes(ids: [${ids}]) { ... on Activity { ${FIELDS} } } }`);
    expect(whole.asked.every((a) => a.props === null || a.props === undefined)).toBe(true);
    expect(whole.data!.nodes).toEqual(nodes.nodes);
  });

  it('links read what the query shows of each entity and relationship, prefetched or by their own statement, as whole rows answer them', async () => {
    const sorted = (p: unknown) => (p === null ? null : [...(p as string[])].sort());
    const query = (node: string, relationship: string) =>
      `{ workProgrammes(first: 10) { nodes { key activitiesConnection(first: 10) { totalCount nodes { node { ${node} } relationship { ${relationship} } } }
        activities(first: 3) { node { key programme { node { key name } } } } } } }`;
    const projected = await run(query('key name status', 'key provenance { basis citations { documentKey } }'));
    expect(projected.errors).toBeUndefined();
    // The page brings both fields' links: each entity's key, kind, name and what is shown; of the relationships,
    // their key and what provenance reads (no quote asked: no quotes).
    const page = projected.links.find((l) => l.statement === 'entities/pageByKey')!;
    expect(page.fields!.map((f) => [sorted(f.nodeProps), sorted(f.relProps)])).toEqual([
      [
        ['id', 'kind', 'name', 'status'],
        ['basis', 'citations', 'id', 'rationale', 'tags'],
      ],
      [['id', 'kind', 'name'], ['id']],
    ]);
    // The programme of each linked activity, a level deeper, comes by its own statement, projected too.
    const deeper = projected.links.filter((l) => l.statement === 'entities/links');
    expect(deeper).toHaveLength(1);
    expect([sorted(deeper[0]!.nodeProps), sorted(deeper[0]!.relProps)]).toEqual([['id', 'kind', 'name'], ['id']]);
    // A field the engine does not resolve, and the relationship's properties, read them whole: the same answer.
    const whole = await run(
      query('key name status targetContributions { basis }', 'key properties { purpose } provenance { basis citations { documentKey } }'),
    );
    expect(whole.errors).toBeUndefined();
    expect(whole.links.find((l) => l.statement === 'entities/pageByKey')!.fields![0]).toEqual({ nodeProps: null, relProps: null });
    type Programme = { activitiesConnection: { nodes: { node: Record<string, unknown>; relationship: Record<string, unknown> }[] } };
    const withoutExtras = (data: unknown) =>
      (data as { workProgrammes: { nodes: Programme[] } }).workProgrammes.nodes.map((p) => ({
        ...p,
        activitiesConnection: {
          ...p.activitiesConnection,
          nodes: p.activitiesConnection.nodes.map(
            ({ node: { targetContributions: _, ...node }, relationship: { properties: __, ...relationship } }) => ({
              node,
              relationship,
            }),
          ),
        },
      }));
    const shown = withoutExtras(projected.data);
    expect(shown.flatMap((p) => p.activitiesConnection.nodes).length).toBeGreaterThan(5);
    expect(withoutExtras(whole.data)).toEqual(shown);
  });

  it('a lookup of a few scalars reads three properties', async () => {
    const answer = await run('{ activity(key: "sc61-request-gorillas") { key name } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.asked).toEqual([{ statement: 'entities/byIds', props: ['id', 'kind', 'name'] }]);
  });

  it('contribution rows carry only what the analyst query shows of each entity, and answer what whole rows answer', async () => {
    const shown = `route basis foundation rationale plan { id key name } programme { id key name } species { id scientificName }
      objective { id code } initiative { id key } inheritedFrom { id key } steps { type provenance { basis citations { documentKey locator } } }`;
    const contributions = `activity { id key name status programme { node { key } } } ${shown}`;
    // Whole rows of every type shown, through nodes(ids:), which reads them whole.
    const wholeSelection = `... on Activity { id key name status programme { node { key } } } ... on StrategicPlan { id key name }
      ... on WorkProgramme { id key name } ... on Taxon { id scientificName } ... on Objective { id code } ... on Initiative { id key }
      ... on AichiTarget { id key number }`;
    for (const [query, statement, subject] of [
      [
        `{ aichiTarget(key: "aichi-target-12") { contributions(first: 50, includeInherited: true) { ${contributions} } } }`,
        'analysis/targetsWithContributions',
        'activity',
      ],
      [`{ gbfTarget(key: "gbf-target-4") { contributions { contribution { ${contributions} } } } }`, 'analysis/contributionsByTargetIds', 'activity'],
      [
        `{ activity(key: "jwp-2015-2020-activity-4-1") { targetContributions(includeInherited: true) { target { id key number } ${shown} } } }`,
        'analysis/contributionsByActivityIds',
        'target',
      ],
    ] as const) {
      const projected = await run(query);
      expect(projected.errors).toBeUndefined();
      const props = projected.asked.find((a) => a.statement === statement)?.contributions as Record<string, string[] | null>;
      expect(props).toBeDefined();
      // key, kind and name always, plus what each entity's fields read; nothing whole.
      expect([...props[subject]!].sort()).toEqual(subject === 'activity' ? ['id', 'kind', 'name', 'status'] : ['id', 'kind', 'name', 'number']);
      expect(props.plan).toEqual(['id', 'kind', 'name']);
      expect(props.species).toEqual(['id', 'kind', 'name', 'scientificName']);
      expect([...props.via!].sort()).toEqual(['code', 'id', 'kind', 'name']);
      // The steps' citations, not their quotes; basis and rationale for the contribution's own fields.
      expect([...props.steps!].sort()).toEqual(['basis', 'citations', 'id', 'rationale', 'tags']);
      // Every entity shown, as its whole row answers the same fields.
      const shownEntities: { id: string }[] = [];
      const collect = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(collect);
        else if (value && typeof value === 'object') {
          if (typeof (value as { id?: unknown }).id === 'string') shownEntities.push(value as { id: string });
          Object.values(value).forEach(collect);
        }
      };
      collect(projected.data);
      expect(shownEntities.length).toBeGreaterThan(2);
      const ids = [...new Set(shownEntities.map((e) => e.id))];
      const whole = await run(`{ nodes(ids: [${ids.map((id) => `"${id}"`).join(', ')}]) { ${wholeSelection} } }`);
      expect(whole.errors).toBeUndefined();
      const byId = new Map((whole.data!.nodes as { id: string }[]).map((n) => [n.id, n]));
      for (const entity of shownEntities) expect(byId.get(entity.id)).toMatchObject(entity);
    }
  });

  it("a contribution's steps send their quotes when a citation's quote is asked, and answer what whole relationships answer", async () => {
    const steps = 'key type fromKey toKey provenance { basis rationale citations { documentKey locator confidence quote } }';
    const query = (shown: string) =>
      `{ aichiTarget(key: "aichi-target-12") { contributions(first: 50, includeInherited: true) { basis rationale steps { ${shown} } } } }`;
    const projected = await run(query(steps));
    expect(projected.errors).toBeUndefined();
    const props = projected.asked.find((a) => a.statement === 'analysis/targetsWithContributions')?.contributions as Record<string, string[] | null>;
    expect([...props.steps!].sort()).toEqual(['basis', 'citations', 'id', 'quotes', 'rationale', 'tags']);
    // Asking the relationships' properties reads them whole: the same answer.
    const whole = await run(query(`${steps} properties { purpose }`));
    const wholeProps = whole.asked.find((a) => a.statement === 'analysis/targetsWithContributions')?.contributions as Record<string, unknown>;
    expect(wholeProps.steps).toBeNull();
    const quotes = JSON.stringify(projected.data).match(/"quote":"/g) ?? [];
    expect(quotes.length).toBeGreaterThan(0);
    const strip = (data: unknown) => JSON.parse(JSON.stringify(data), (key, value) => (key === 'properties' ? undefined : value)) as unknown;
    expect(strip(whole.data)).toEqual(projected.data);
  });

  it('connections read what their paths show, with both ends, in one round trip, as whole rows answer them', async () => {
    const ends = await run('{ a: entity(key: "cites-sc57") { id } b: entity(key: "aichi-target-12") { id } }');
    const { a, b } = ends.data as { a: { id: string }; b: { id: string } };
    const shown = 'length nodes { id key name kind } relationships { key type fromKey toKey provenance { basis citations { documentKey } } }';
    const projected = await run(`{ connections(from: "${a.id}", to: "${b.id}", maxHops: 4) { ${shown} } }`);
    expect(projected.errors).toBeUndefined();
    expect(projected.asked.map((x) => x.statement)).toEqual(['explore/shortestPaths']);
    const props = projected.asked[0]!.props as Record<string, string[] | null>;
    expect(props.node).toEqual(['id', 'kind', 'name']);
    expect([...props.rel!].sort()).toEqual(['basis', 'citations', 'id', 'rationale', 'tags']);
    const paths = projected.data!.connections as unknown[];
    expect(paths.length).toBeGreaterThan(0);
    // A fragment of a kind's own field, and the relationships' properties, read them whole: the same paths.
    const whole = await run(
      `{ connections(from: "${a.id}", to: "${b.id}", maxHops: 4) { ${shown} nodes { ... on Taxon { scientificName } } relationships { properties { purpose } } } }`,
    );
    expect(whole.asked[0]!.props).toEqual({ node: null, rel: null });
    const strip = (data: unknown) =>
      JSON.parse(JSON.stringify(data), (key, value) => (key === 'properties' || key === 'scientificName' ? undefined : value)) as unknown;
    expect(strip(whole.data)).toEqual(projected.data);
  });

  it('search hits read the fields every kind shares, and whole rows when a fragment asks a kind of its own', async () => {
    const common = await run('{ search(text: "elephant", first: 30) { score node { id key name kind provenance { basis } } } }');
    expect(common.errors).toBeUndefined();
    expect(common.asked).toEqual([
      { statement: 'explore/search', props: ['id', 'kind', 'name', 'citations', 'tags', 'quotes', 'basis', 'rationale'] },
    ]);
    const own = await run(
      '{ search(text: "elephant", first: 30) { score node { id key name kind provenance { basis } ... on Taxon { scientificName } } } }',
    );
    expect(own.asked).toEqual([{ statement: 'explore/search', props: null }]);
    const hits = own.data!.search as { node: { kind: string; scientificName?: string } }[];
    expect(hits.some((h) => h.node.kind === 'TAXON' && h.node.scientificName)).toBe(true);
    // The same hits, the same shared fields.
    const strip = ({ node: { scientificName: _, ...node }, ...hit }: { node: { scientificName?: string } }) => ({ ...hit, node });
    expect(common.data!.search).toEqual(hits.map(strip));
    const paged = await run('{ searchConnection(text: "elephant", first: 5) { edges { node { node { key } } } nodes { node { name } } } }');
    expect(paged.asked[0]!.props).toEqual(['id', 'kind', 'name']);
  });

  it('a neighbourhood reads the shared fields its nodes show, in one round trip, as whole rows answer them', async () => {
    const near = await run(
      `{ neighbourhood(id: "${toGlobalId('Taxon', 'loxodonta-africana')}", depth: 2, limit: 40) { nodes { id key name kind changedAt } relationships { type } } }`,
    );
    expect(near.errors).toBeUndefined();
    expect(near.asked).toEqual([{ statement: 'explore/neighbourhood', props: ['id', 'kind', 'name', 'changedAt'] }]);
    const nodes = (near.data!.neighbourhood as { nodes: { id: string; key: string }[] }).nodes;
    expect(nodes[0]!.key).toBe('loxodonta-africana');
    expect(nodes.length).toBe(41);
    const whole = await run(`{ nodes(ids: [${nodes.map((n) => `"${n.id}"`).join(', ')}]) { id ... on Entity { key name kind changedAt } } }`);
    expect(whole.errors).toBeUndefined();
    expect(whole.data!.nodes).toEqual(nodes);
    const missing = await run(`{ neighbourhood(id: "${toGlobalId('Taxon', 'nobody')}") { nodes { key } } }`);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });
  });

  it('a field resolved elsewhere (the analysts’ contributions) gets the whole row', async () => {
    const answer = await run('{ activity(key: "sc61-request-gorillas") { key targetContributions { target { key } } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.asked[0]).toEqual({ statement: 'entities/byIds', props: null });
  });
});
