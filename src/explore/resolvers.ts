/** The researchers' view: connections, neighbourhoods, synergies between CMS and CITES, and search. */
import type { GraphQLResolveInfo } from 'graphql';
import { bounded, keyOfGlobalId, keyOrGlobalId, pageSize } from '../graphql/args.js';
import { badUserInput, notFound } from '../graphql/errors.js';
import { commonProjectionAt, projectionUnion, relationshipProjectionAt, requireEntity } from '../entities/resolvers.js';
import type { Projection } from '../entities/repository.js';
import { MODEL } from '../model/model.js';
import { kindOf } from '../model/sdl.js';
import { CEILINGS } from '../model/ceilings.js';
import type { EntityRow, LinkRow, PathView, RelationshipRow, SearchHitRow, SynergyView } from '../entities/rows.js';
import type { EntityKind, Resolvers } from '../generated/graphql.js';
import type { PathProjection, SynergyRow } from './repository.js';
import type { RequestContext } from '../graphql/context.js';
import { connectionFields, MAX_POSITION, positionPage, type PositionPageArgs } from '../graphql/positionPages.js';
import { toLuceneQueries } from './lucene.js';

/** Relationships a neighbourhood returns, per entity it may hold (Subgraph.relationships declares this size). */
const RELATIONSHIPS_PER_NEIGHBOUR = 3;
/** Entities listed per convention in a synergy row (TargetSynergy.cms declares this size). */
const SYNERGY_SAMPLE = 20;

const labelOfKind = (kind: EntityKind) => MODEL.labels.find((l) => kindOf(l.label) === kind)!.label;

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
    coverage: row.coverage,
  };
}

/** What the paths at these paths below the current field show of their entities and relationships. */
function pathProjection(info: GraphQLResolveInfo, at: readonly (readonly string[])[]): PathProjection {
  return {
    node: projectionUnion(...at.map((path) => commonProjectionAt(MODEL, info, [...path, 'nodes']))),
    rel: projectionUnion(...at.map((path) => relationshipProjectionAt(info, [...path, 'relationships'], []))),
  };
}

/**
 * The shortest paths between two entities, with both ends checked in the same round trip (the first
 * missing one is reported); from an entity to itself, the one path of length zero.
 */
async function pathsBetween(
  ctx: RequestContext,
  args: { from: string; to: string },
  maxHops: number,
  limit: number,
  props: PathProjection,
): Promise<PathView[]> {
  const [fromKey, toKey] = [keyOfGlobalId('from', args.from), keyOfGlobalId('to', args.to)];
  const found = await ctx.explore.shortestPaths(fromKey, toKey, maxHops, limit, props);
  if (!found.from) throw notFound('from', fromKey);
  if (!found.to) throw notFound('to', toKey);
  if (fromKey === toKey) return [{ length: 0, nodes: [found.from], relationships: [] }];
  return found.paths.map((p) => ({ length: p.steps.length, nodes: p.nodes, relationships: p.steps }));
}

/** Synergy rows a page at a time: the rows are computed in Cypher, in order, coverage included. */
function synergyPage<T>(ctx: RequestContext, args: PositionPageArgs, read: (rows: number) => Promise<SynergyRow[]>, view: (row: SynergyRow) => T) {
  const identity = new Map<T, string>();
  const fetch = async (rows: number) =>
    (await read(rows)).map((row) => {
      const shown = view(row);
      identity.set(shown, row.subject.id);
      return shown;
    });
  return positionPage<T>(args, ctx.config.limits.maxPageSize, 20, {
    fetch,
    count: async () => (await fetch(MAX_POSITION)).length,
    identity: (row) => identity.get(row)!,
  });
}

const synergyTarget = async (ctx: RequestContext, target: string | null | undefined) =>
  target ? (await requireEntity(ctx, 'target', keyOrGlobalId('target', target, 'AichiTarget'), 'AichiTarget')).id : null;
const synergyTaxon = async (ctx: RequestContext, taxon: string | null | undefined) =>
  taxon ? (await requireEntity(ctx, 'taxon', keyOrGlobalId('taxon', taxon, 'Taxon'), 'Taxon')).id : null;

/** The best hits of a full-text search, checked once: `(limit) => the first limit hits`, best first. */
function searchFor(
  ctx: RequestContext,
  args: { text: string; kinds?: EntityKind[] | null },
  props: Projection,
): (limit: number) => Promise<SearchHitRow[]> {
  if (args.text.length > CEILINGS.maxSearchLength)
    throw badUserInput('text', `at most ${CEILINGS.maxSearchLength} characters, got ${args.text.length}`);
  const queries = toLuceneQueries(args.text);
  if (queries === undefined) throw badUserInput('text', 'needs at least one letter or digit');
  const kinds = args.kinds ? args.kinds.map((k) => labelOfKind(k)) : null;
  return (limit) => ctx.explore.search(queries, kinds, limit, props);
}

export const exploreResolvers: Resolvers = {
  Query: {
    connections: async (_, args, ctx, info) => {
      const maxHops = bounded('maxHops', args.maxHops, 4, 1, CEILINGS.maxHops);
      const first = bounded('first', args.first, 10, 1, 50);
      return pathsBetween(ctx, args, maxHops, first, pathProjection(info, [[]]));
    },
    paths: async (_, args, ctx, info) => {
      const maxHops = bounded('maxHops', args.maxHops, 4, 1, CEILINGS.maxHops);
      const props = pathProjection(info, [['nodes'], ['edges', 'node']]);
      const fetch = (limit: number) => pathsBetween(ctx, args, maxHops, limit, props);
      return positionPage<PathView>(args, ctx.config.limits.maxPageSize, 10, {
        fetch,
        count: async () => (await fetch(MAX_POSITION)).length,
        identity: (path) => `${path.nodes.map((n) => n.id).join('>')}|${path.relationships.map((r) => r.type).join('>')}`,
      });
    },
    neighbourhood: async (_, args, ctx, info) => {
      const depth = bounded('depth', args.depth, 1, 1, CEILINGS.maxDepth);
      const limit = bounded('limit', args.limit, 100, 1, CEILINGS.maxNeighbours);
      const key = keyOfGlobalId('id', args.id);
      // The centre comes with its neighbourhood, in one round trip; no row when no entity has that id.
      const found = await ctx.explore.neighbourhood(key, depth, args.types ?? null, limit + 1, commonProjectionAt(MODEL, info, ['nodes']));
      if (!found) throw notFound('id', key);
      const [centre, ...around] = found.nodes as [EntityRow, ...EntityRow[]];
      const kept = new Set([centre.id, ...around.slice(0, limit).map((n) => n.id)]);
      const among = found.relationships.filter((r: RelationshipRow) => kept.has(r.from) && kept.has(r.to));
      const maxRelationships = RELATIONSHIPS_PER_NEIGHBOUR * limit;
      return {
        nodes: [centre, ...around.slice(0, limit)],
        relationships: among.slice(0, maxRelationships),
        truncated: around.length > limit || among.length > maxRelationships,
      };
    },
    targetSynergies: async (_, args, ctx) => {
      const subject = await synergyTarget(ctx, args.target);
      const sample = Math.min(pageSize(ctx.config.limits.maxPageSize, 'first', args.first, 20), SYNERGY_SAMPLE);
      const rows = await ctx.explore.targetSynergies({ subject, coverage: args.coverage ?? null, sample, rows: MAX_POSITION });
      return rows.map((r) => ({ target: r.subject, ...synergy(r) }));
    },
    targetSynergiesConnection: async (_, args, ctx) => {
      const subject = await synergyTarget(ctx, args.target);
      const sample = bounded('sample', args.sample, SYNERGY_SAMPLE, 1, SYNERGY_SAMPLE);
      return synergyPage<SynergyView>(
        ctx,
        args,
        (rows) => ctx.explore.targetSynergies({ subject, coverage: args.coverage ?? null, sample, rows }),
        (r) => ({ target: r.subject, ...synergy(r) }),
      );
    },
    speciesSynergies: async (_, args, ctx) => {
      const subject = await synergyTaxon(ctx, args.taxon);
      const sample = Math.min(pageSize(ctx.config.limits.maxPageSize, 'first', args.first, 20), SYNERGY_SAMPLE);
      const rows = pageSize(ctx.config.limits.maxPageSize, 'limit', args.limit, 100);
      const found = await ctx.explore.speciesSynergies({ subject, coverage: args.coverage ?? null, sample, rows });
      return found.map((r) => ({ taxon: r.subject, ...synergy(r) }));
    },
    speciesSynergiesConnection: async (_, args, ctx) => {
      const subject = await synergyTaxon(ctx, args.taxon);
      const sample = bounded('sample', args.sample, SYNERGY_SAMPLE, 1, SYNERGY_SAMPLE);
      return synergyPage<SynergyView>(
        ctx,
        args,
        (rows) => ctx.explore.speciesSynergies({ subject, coverage: args.coverage ?? null, sample, rows }),
        (r) => ({ taxon: r.subject, ...synergy(r) }),
      );
    },
    search: async (_, args, ctx, info) => {
      const first = pageSize(ctx.config.limits.maxPageSize, 'first', args.first, 20);
      return searchFor(ctx, args, commonProjectionAt(MODEL, info, ['node']))(first);
    },
    searchConnection: async (_, args, ctx, info) => {
      // The hit's node, wherever the page shows it (nodes, or edges' node).
      const props = projectionUnion(commonProjectionAt(MODEL, info, ['nodes', 'node']), commonProjectionAt(MODEL, info, ['edges', 'node', 'node']));
      const fetch = searchFor(ctx, args, props);
      return positionPage<SearchHitRow>(args, ctx.config.limits.maxPageSize, 20, {
        fetch,
        count: async () => (await fetch(MAX_POSITION)).length,
        identity: (hit) => hit.node.id,
      });
    },
  },
  PathConnection: connectionFields<PathView>(),
  TargetSynergyConnection: connectionFields<SynergyView>(),
  SpeciesSynergyConnection: connectionFields<SynergyView>(),
  SearchHitConnection: connectionFields<SearchHitRow>(),
};
