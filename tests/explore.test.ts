/** Researchers: neighbourhoods, bounded connections, search filters. */
import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/graphql/ids.js';
import { useApi } from './support/api.js';

const run = useApi();
const MOC = toGlobalId('Instrument', 'memorandum-of-cooperation-2002');

describe('neighbourhood', () => {
  it('holds the centre first, its neighbours, and the relationships among them', async () => {
    const { data, errors } = await run(
      'query($id: ID!) { neighbourhood(id: $id, depth: 1) { nodes { key } relationships { type fromKey toKey provenance { basis } } truncated } }',
      { id: MOC },
    );
    expect(errors).toBeUndefined();
    const keys = data.neighbourhood.nodes.map((n: any) => n.key);
    expect(keys[0]).toBe('memorandum-of-cooperation-2002');
    expect(keys).toEqual(expect.arrayContaining(['cms', 'cites', 'cites-res-conf-13-3']));
    expect(data.neighbourhood.truncated).toBe(false);
    for (const r of data.neighbourhood.relationships) {
      expect(keys).toContain(r.fromKey);
      expect(keys).toContain(r.toKey);
    }
  });

  it('says when the limit cut it short, and keeps depth within 1 to 3', async () => {
    const cut = await run('query($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 2) { nodes { key } truncated } }', { id: MOC });
    expect(cut.data.neighbourhood.nodes).toHaveLength(3);
    expect(cut.data.neighbourhood.truncated).toBe(true);
    const deep = await run('query($id: ID!) { neighbourhood(id: $id, depth: 4) { truncated } }', { id: MOC });
    expect(deep.errors?.[0]?.message).toBe('depth: must be between 1 and 3, got 4');
  });
});

describe('neighbourhood, breadth first', () => {
  const around = async (id: string, depth: number, types = '') => {
    const { data, errors } = await run(
      `query($id: ID!) { neighbourhood(id: $id, depth: ${depth}, limit: 500${types}) { truncated nodes { id key } relationships { type } } }`,
      { id },
    );
    expect(errors).toBeUndefined();
    expect(data.neighbourhood.truncated).toBe(false);
    return data.neighbourhood;
  };

  it('holds every entity within the depth, nearest first then by key, as depth-1 steps from each level find them', async () => {
    for (const [centre, types] of [
      [toGlobalId('Taxon', 'loxodonta-africana'), ''],
      [MOC, ''],
      [toGlobalId('Taxon', 'loxodonta-africana'), ', types: [CONCERNS, SERVES]'],
    ] as const) {
      // Level by level from depth-1 answers: what each entity of a level touches, not seen before, is the next level.
      const seen = new Map<string, { id: string; distance: number }>();
      const centreKey = (await around(centre, 1, types)).nodes[0].key;
      let level = [{ id: centre, key: centreKey }];
      for (let distance = 1; distance <= 2; distance++) {
        const next: { id: string; key: string }[] = [];
        for (const entity of level)
          for (const n of (await around(entity.id, 1, types)).nodes.slice(1))
            if (n.key !== centreKey && !seen.has(n.key)) {
              seen.set(n.key, { id: n.id, distance });
              next.push(n);
            }
        level = next;
      }
      const expected = [...seen].sort(([a, x], [b, y]) => x.distance - y.distance || (a < b ? -1 : 1)).map(([key]) => key);
      const answer = await around(centre, 2, types);
      expect(answer.nodes.slice(1).map((n: any) => n.key)).toEqual(expected);
    }
  });

  it('expands as many levels as the depth ceiling allows', async () => {
    const { cypher } = await import('../src/db/cypher.js');
    const { CEILINGS } = await import('../src/model/ceilings.js');
    expect(cypher('explore/neighbourhood').match(/\$depth >= \d/g)?.length).toBe(CEILINGS.maxDepth - 1);
    const deepest = await around(MOC, CEILINGS.maxDepth);
    const shallower = await around(MOC, CEILINGS.maxDepth - 1);
    expect(deepest.nodes.length).toBeGreaterThan(shallower.nodes.length);
  });
});

describe('connections', () => {
  it('are bounded: maxHops 1 to 6, shortest paths only', async () => {
    const tooFar = await run('query($a: ID!, $b: ID!) { connections(from: $a, to: $b, maxHops: 7) { length } }', { a: MOC, b: MOC });
    expect(tooFar.errors?.[0]?.message).toBe('maxHops: must be between 1 and 6, got 7');
    const near = await run('query($a: ID!, $b: ID!) { connections(from: $a, to: $b, maxHops: 1) { length nodes { key } } }', {
      a: MOC,
      b: toGlobalId('Convention', 'cms'),
    });
    expect(near.data.connections).toEqual([{ length: 1, nodes: [{ key: 'memorandum-of-cooperation-2002' }, { key: 'cms' }] }]);
    const none = await run('query($a: ID!, $b: ID!) { connections(from: $a, to: $b, maxHops: 1) { length } }', {
      a: MOC,
      b: toGlobalId('AichiTarget', 'aichi-target-16'),
    });
    expect(none.data.connections).toEqual([]);
  });
});

describe('search', () => {
  it('filters by kind and treats Lucene syntax as words', async () => {
    const taxa = await run('{ search(text: "gorilla", kinds: [TAXON]) { node { kind key } } }');
    expect(taxa.data.search.length).toBeGreaterThan(0);
    for (const hit of taxa.data.search) expect(hit.node.kind).toBe('TAXON');
    const lucene = await run('{ search(text: "gorilla AND *:* OR \\"unclosed") { node { key } } }');
    expect(lucene.errors).toBeUndefined();
    const nothing = await run('{ search(text: "*** ???") { node { key } } }');
    expect(nothing.errors?.[0]?.message).toBe('text: needs at least one letter or digit');
  });
});
