/**
 * Fields that present relationships as typed facts: listings, fundings, the statements citing a paragraph.
 * Each is a slice of the batched links loader, so it adds no round trip of its own per entity.
 */
import type { RequestContext } from '../context.js';
import { loadLinks, requireEntity } from './resolvers.js';
import type { EntityRow, LinkRow, RelationshipRow } from './rows.js';

const listing = (self: 'taxon' | 'convention') => (link: LinkRow) => ({ link, self });
type ListingRow = ReturnType<ReturnType<typeof listing>>;

export const viewResolvers = {
  Taxon: {
    listings: async (row: EntityRow, _: unknown, ctx: RequestContext) =>
      (await loadLinks(ctx, row.id, { direction: 'OUT', types: ['LISTED_IN'], kind: 'Convention' }, ctx.config.limits.maxPageSize)).map(
        listing('taxon'),
      ),
  },
  Convention: {
    listings: async (row: EntityRow, _: unknown, ctx: RequestContext) =>
      (await loadLinks(ctx, row.id, { direction: 'IN', types: ['LISTED_IN'], kind: 'Taxon' }, ctx.config.limits.maxPageSize)).map(
        listing('convention'),
      ),
  },
  Listing: {
    taxon: (l: ListingRow, _: unknown, ctx: RequestContext) =>
      l.self === 'taxon' ? requireEntity(ctx, 'taxon', l.link.relationship.from) : l.link.node,
    convention: (l: ListingRow, _: unknown, ctx: RequestContext) =>
      l.self === 'convention' ? requireEntity(ctx, 'convention', l.link.relationship.to) : l.link.node,
    appendix: (l: ListingRow) => l.link.relationship.rel.appendix,
    since: (l: ListingRow) => l.link.relationship.rel.since ?? null,
    asOf: (l: ListingRow) => l.link.relationship.rel.asOf,
    populations: (l: ListingRow) => l.link.relationship.rel.populations ?? null,
    annotation: (l: ListingRow) => l.link.relationship.rel.annotation ?? null,
    relationship: (l: ListingRow) => l.link.relationship,
  },
  Party: {
    funded: (row: EntityRow, _: unknown, ctx: RequestContext) =>
      loadLinks(ctx, row.id, { direction: 'OUT', types: ['FUNDED'], kind: null }, ctx.config.limits.maxPageSize),
  },
  Funding: {
    recipient: (l: LinkRow) => l.node,
    year: (l: LinkRow) => l.relationship.rel.year ?? null,
    purpose: (l: LinkRow) => l.relationship.rel.purpose ?? null,
    relationship: (l: LinkRow) => l.relationship,
  },
  Paragraph: {
    document: (row: EntityRow, _: unknown, ctx: RequestContext) => requireEntity(ctx, 'document', String(row.document)),
    statements: async (row: EntityRow, _: unknown, ctx: RequestContext) => {
      const found = await ctx.loaders.citing.load(`${row.document}#${row.locator}`);
      return {
        entities: found.entities,
        relationships: found.relationships.map((r) => ({
          from: r.fromNode,
          to: r.toNode,
          relationship: { type: r.type, from: r.from, to: r.to, rel: r.rel } satisfies RelationshipRow,
        })),
      };
    },
  },
};
