/**
 * Fields that present relationships as typed facts: listings, fundings, the statements citing a paragraph.
 * Each is a slice of the batched links loader, so it adds no round trip of its own per entity.
 */
import type { Resolvers } from '../generated/graphql.js';
import { loadLinks, requireEntity } from './resolvers.js';
import type { ListingRow } from './rows.js';

export const viewResolvers: Resolvers = {
  Taxon: {
    listings: async (row, _args, ctx) =>
      (await loadLinks(ctx, row.id, { direction: 'OUT', types: ['LISTED_IN'], kind: 'Convention' }, ctx.config.limits.maxPageSize)).map(
        (link): ListingRow => ({ link, self: 'taxon' }),
      ),
  },
  Convention: {
    listings: async (row, _args, ctx) =>
      (await loadLinks(ctx, row.id, { direction: 'IN', types: ['LISTED_IN'], kind: 'Taxon' }, ctx.config.limits.maxPageSize)).map(
        (link): ListingRow => ({ link, self: 'convention' }),
      ),
  },
  Listing: {
    taxon: (l, _args, ctx) => (l.self === 'taxon' ? requireEntity(ctx, 'taxon', l.link.relationship.from) : l.link.node),
    convention: (l, _args, ctx) => (l.self === 'convention' ? requireEntity(ctx, 'convention', l.link.relationship.to) : l.link.node),
    appendix: (l) => String(l.link.relationship.rel.appendix),
    since: (l) => (l.link.relationship.rel.since as string | undefined) ?? null,
    asOf: (l) => (l.link.relationship.rel.asOf as string | undefined) ?? null,
    populations: (l) => (l.link.relationship.rel.populations as string | undefined) ?? null,
    annotation: (l) => (l.link.relationship.rel.annotation as string | undefined) ?? null,
    relationship: (l) => l.link.relationship,
  },
  Party: {
    funded: (row, _args, ctx) => loadLinks(ctx, row.id, { direction: 'OUT', types: ['FUNDED'], kind: null }, ctx.config.limits.maxPageSize),
  },
  Funding: {
    recipient: (l) => l.node,
    year: (l) => (l.relationship.rel.year as number | undefined) ?? null,
    purpose: (l) => (l.relationship.rel.purpose as string | undefined) ?? null,
    relationship: (l) => l.relationship,
  },
  Paragraph: {
    document: (row, _args, ctx) => requireEntity(ctx, 'document', String(row.document)),
    statements: async (row, _args, ctx) => {
      const found = await ctx.loaders.citing.load(`${row.document}#${row.locator}`);
      return {
        entities: found.entities,
        relationships: found.relationships.map((r) => ({
          from: r.fromNode,
          to: r.toNode,
          relationship: { type: r.type, from: r.from, to: r.to, rel: r.rel },
        })),
      };
    },
  },
};
