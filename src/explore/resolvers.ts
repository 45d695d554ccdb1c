/** The researchers' view: connections, neighbourhoods, synergies between CMS and CITES, and search. */
import { bounded, keyOfGlobalId, keyOrGlobalId, pageSize } from '../graphql/args.js';
import { badUserInput } from '../graphql/errors.js';
import { requireEntity } from '../entities/resolvers.js';
import { MODEL } from '../model/model.js';
import { kindOf } from '../model/sdl.js';
import { CEILINGS } from '../model/ceilings.js';
import type { EntityRow, LinkRow, RelationshipRow, SynergyView } from '../entities/rows.js';
import type { Coverage, EntityKind, Resolvers } from '../generated/graphql.js';
import type { SynergyRow } from './repository.js';
import { toLuceneQueries } from './lucene.js';

/** Relationships a neighbourhood returns, per entity it may hold (Subgraph.relationships declares this size). */
const RELATIONSHIPS_PER_NEIGHBOUR = 3;
/** Entities listed per convention in a synergy row (TargetSynergy.cms declares this size). */
const SYNERGY_SAMPLE = 20;

const labelOfKind = (kind: EntityKind) => MODEL.labels.find((l) => kindOf(l.label) === kind)!.label;

function coverage(cms: boolean, cites: boolean): Coverage {
  return cms && cites ? 'BOTH' : cms ? 'CMS_ONLY' : cites ? 'CITES_ONLY' : 'NONE';
}

/** A synergy row as the schema shows it, links seen from the target or taxon. */
function synergy(row: SynergyRow): Omit<SynergyView, 'target' | 'taxon'> {
  const asLink =
    (self: string) =>
    (r: SynergyRow['cms'][number]): LinkRow => ({
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
      const maxHops = bounded('maxHops', args.maxHops, 4, 1, CEILINGS.maxHops);
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
      const depth = bounded('depth', args.depth, 1, 1, CEILINGS.maxDepth);
      const limit = bounded('limit', args.limit, 100, 1, CEILINGS.maxNeighbours);
      const centre = await requireEntity(ctx, 'id', keyOfGlobalId('id', args.id));
      const found = await ctx.explore.neighbourhood(centre.id, depth, args.types ?? null, limit + 1);
      const around = found?.nodes ?? [];
      const kept = new Set([centre.id, ...around.slice(0, limit).map((n) => n.id)]);
      const among = (found?.relationships ?? []).filter((r: RelationshipRow) => kept.has(r.from) && kept.has(r.to));
      const maxRelationships = RELATIONSHIPS_PER_NEIGHBOUR * limit;
      return {
        nodes: [centre, ...around.slice(0, limit)],
        relationships: among.slice(0, maxRelationships),
        truncated: around.length > limit || among.length > maxRelationships,
      };
    },
    targetSynergies: async (_, args, ctx) => {
      const target = args.target ? (await requireEntity(ctx, 'target', keyOrGlobalId('target', args.target, 'AichiTarget'), 'AichiTarget')).id : null;
      const sample = Math.min(pageSize(ctx.config.limits.maxPageSize, 'first', args.first, 20), SYNERGY_SAMPLE);
      const rows = await ctx.explore.targetSynergies(target, sample);
      return rows.map((r) => ({ target: r.subject, ...synergy(r) })).filter((s) => !args.coverage || s.coverage === args.coverage);
    },
    speciesSynergies: async (_, args, ctx) => {
      const taxon = args.taxon ? (await requireEntity(ctx, 'taxon', keyOrGlobalId('taxon', args.taxon, 'Taxon'), 'Taxon')).id : null;
      const sample = Math.min(pageSize(ctx.config.limits.maxPageSize, 'first', args.first, 20), SYNERGY_SAMPLE);
      const taxa = pageSize(ctx.config.limits.maxPageSize, 'limit', args.limit, 100);
      const rows = await ctx.explore.speciesSynergies(taxon, sample, taxa);
      return rows.map((r) => ({ taxon: r.subject, ...synergy(r) })).filter((s) => !args.coverage || s.coverage === args.coverage);
    },
    search: async (_, args, ctx) => {
      if (args.text.length > CEILINGS.maxSearchLength)
        throw badUserInput('text', `at most ${CEILINGS.maxSearchLength} characters, got ${args.text.length}`);
      const first = pageSize(ctx.config.limits.maxPageSize, 'first', args.first, 20);
      const queries = toLuceneQueries(args.text);
      if (queries === undefined) throw badUserInput('text', 'needs at least one letter or digit');
      const kinds = args.kinds ? args.kinds.map((k: EntityKind) => labelOfKind(k)!) : null;
      return ctx.explore.search(queries, kinds, first);
    },
  },
};
