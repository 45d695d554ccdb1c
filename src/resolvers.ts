/** All resolvers, merged from each domain (two levels: type, then field). */
import { aboutResolvers } from './about/resolvers.js';
import type { Resolvers } from './generated/graphql.js';
import { analysisResolvers } from './analysis/resolvers.js';
import { entityResolvers } from './entities/resolvers.js';
import { viewResolvers } from './entities/views.js';
import { exploreResolvers } from './explore/resolvers.js';

type ResolverMap = Record<string, Record<string, unknown>>;

function merge(...maps: ResolverMap[]): ResolverMap {
  const merged: ResolverMap = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      for (const field of Object.keys(fields)) {
        if (merged[type]?.[field] !== undefined) throw new Error(`Two resolvers for ${type}.${field}`);
      }
      merged[type] = { ...merged[type], ...fields };
    }
  }
  return merged;
}

// The shared entity resolvers are built per label from the model, so they are typed loosely; the
// domain modules are typed against the generated Resolvers, and a test checks every field resolves.
export const resolvers = merge(
  entityResolvers() as ResolverMap,
  ...([aboutResolvers, viewResolvers, analysisResolvers, exploreResolvers] satisfies Resolvers[] as unknown as ResolverMap[]),
);
