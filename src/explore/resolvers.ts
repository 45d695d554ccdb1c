/** The researchers' view: connections, neighbourhoods, synergies between CMS and CITES, and search. */
import { badUserInput } from '../errors.js';
import { keyOfGlobalId, keyOrGlobalId, labelOfKind, pageSize, requireEntity } from '../entities/resolvers.js';
import type { EntityRow, LinkRow, RelationshipRow, SynergyView } from '../entities/rows.js';
import type { Coverage, EntityKind, Resolvers } from '../generated/graphql.js';
import type { SynergyRow } from './repository.js';
import { MAX_SEARCH_LENGTH, toLuceneQuery } from './lucene.js';

function bounded(argument: string, value: number | null | undefined, fallback: number, min: number, max: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) throw badUserInput(argument, `must be between ${min} and ${max}, got ${v}`);
  return v;
}

function coverage(cms: boolean, cites: boolean): Coverage {
  return cms && cites ? 'BOTH' : cms ? 'CMS_ONLY' : cites ? 'CITES_ONLY' : 'NONE';
}

/** A synergy row as the schema shows it, links seen from the target or taxon. */
function synergy(row: SynergyRow): Omit<SynergyView, 'target' | 'taxon'> {
  const asLink = (self: string) => (r: SynergyRow['cms'][number]): LinkRow => ({
    node: r.node,
    relationship: r.relationship,
    direction: r.relationship.from === self ? 'OUT' : 'IN',
  });
  return {
    cms: row.cms.map(asLink(row.subject.id)),
    cites: row.cites.map(asLink(row.subject.id)),
    cmsCount: row.cmsCount,
    citesCount: row.citesCount,
    coverage: coverage(row.cmsCount > 0, row.citesCount > 0),
  };
}

export const exploreResolvers: Resolvers = {
  Query: {
    connections: async (_, args, ctx) => {
      const maxHops = bounded('maxHops', args.maxHops, 4, 1, 6);
      const first = bounded('first', args.first, 10, 1, 50);
      // Both ids checked first, then both ends in one batched round trip; the first missing one is reported.
      const keys = [keyOfGlobalId('from', args.from), keyOfGlobalId('to', args.to)];
      const ends = await Promise.allSettled([requireEntity(ctx, 'from', keys[0]!), requireEntity(ctx, 'to', keys[1]!)]);
      const [from, to] = ends.map((end) => {
        if (end.status === 'rejected') throw end.reason;
        return end.value;
      }) as [EntityRow, EntityRow];
      // From an entity to itself: the one path of length zero (Neo4j refuses a shortest path between one node).
      if (from.id === to.id) return [{ length: 0, nodes: [from], relationships: [] }];
      const paths = await ctx.explore.shortestPaths(from.id, to.id, maxHops, first);
      return paths.map((p) => ({ length: p.steps.length, nodes: p.nodes, relationships: p.steps }));
    },
    neighbourhood: async (_, args, ctx) => {
      const depth = bounded('depth', args.depth, 1, 1, 3);
      const limit = bounded('limit', args.limit, 100, 1, 500);
      const centre = await requireEntity(ctx, 'id', keyOfGlobalId('id', args.id));
      const found = await ctx.explore.neighbourhood(centre.id, depth, args.types ?? null, limit + 1);
      const around = found?.nodes ?? [];
      const kept = new Set([centre.id, ...around.slice(0, limit).map((n) => n.id)]);
      return {
        nodes: [centre, ...around.slice(0, limit)],
        relationships: (found?.relationships ?? []).filter((r: RelationshipRow) => kept.has(r.from) && kept.has(r.to)),
        truncated: around.length > limit,
      };
    },
    targetSynergies: async (_, args, ctx) => {
      const target = args.target ? (await requireEntity(ctx, 'target', keyOrGlobalId('target', args.target, 'AichiTarget'), 'AichiTarget')).id : null;
      const rows = await ctx.explore.targetSynergies(target, pageSize(ctx, 'first', args.first, 20));
      return rows
        .map((r) => ({ target: r.subject, ...synergy(r) }))
        .filter((s) => !args.coverage || s.coverage === args.coverage);
    },
    speciesSynergies: async (_, args, ctx) => {
      const taxon = args.taxon ? (await requireEntity(ctx, 'taxon', keyOrGlobalId('taxon', args.taxon, 'Taxon'), 'Taxon')).id : null;
      const rows = await ctx.explore.speciesSynergies(taxon, pageSize(ctx, 'first', args.first, 20));
      return rows
        .map((r) => ({ taxon: r.subject, ...synergy(r) }))
        .filter((s) => !args.coverage || s.coverage === args.coverage);
    },
    search: async (_, args, ctx) => {
      if (args.text.length > MAX_SEARCH_LENGTH) throw badUserInput('text', `at most ${MAX_SEARCH_LENGTH} characters, got ${args.text.length}`);
      const first = pageSize(ctx, 'first', args.first, 20);
      const query = toLuceneQuery(args.text);
      if (query === undefined) throw badUserInput('text', 'needs at least one letter or digit');
      const kinds = args.kinds ? args.kinds.map((k: EntityKind) => labelOfKind(k)!) : null;
      return ctx.explore.search(query, kinds, first);
    },
  },
};
