/**
 * Typed views of relationships (a listing, a funding) and the report read back (the statements citing a
 * paragraph). The links come from relationship fields of the model (Taxon.listings, Party.funded...).
 */
import type { Resolvers } from '../generated/graphql.js';
import { requireEntity } from './resolvers.js';
import { entityOf } from './rows.js';

export const viewResolvers: Resolvers = {
  Listing: {
    // A LISTED_IN link runs from the taxon to the convention; seen from either end.
    taxon: async (l, _args, ctx) => entityOf(l.direction === 'IN' ? l.node : await requireEntity(ctx, 'taxon', l.relationship.from), 'Taxon'),
    convention: async (l, _args, ctx) =>
      entityOf(l.direction === 'OUT' ? l.node : await requireEntity(ctx, 'convention', l.relationship.to), 'Convention'),
    appendix: (l) => String(l.relationship.rel.appendix),
    since: (l) => l.relationship.rel.since ?? null,
    asOf: (l) => l.relationship.rel.asOf ?? null,
    populations: (l) => l.relationship.rel.populations ?? null,
    annotation: (l) => l.relationship.rel.annotation ?? null,
    relationship: (l) => l.relationship,
  },
  Funding: {
    recipient: (l) => l.node,
    year: (l) => l.relationship.rel.year ?? null,
    purpose: (l) => l.relationship.rel.purpose ?? null,
    relationship: (l) => l.relationship,
  },
  Paragraph: {
    document: async (row, _args, ctx) => entityOf(await requireEntity(ctx, 'document', row.document), 'Document'),
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
