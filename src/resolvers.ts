/** All resolvers: the model's (src/entities/) and each capability's, merged field by field. */
import { aboutResolvers } from './about/resolvers.js';
import { analysisLookupCompanions, analysisResolvers } from './analysis/resolvers.js';
import { modelResolvers, type ResolverMap } from './entities/resolvers.js';
import { viewResolvers } from './entities/views.js';
import { exploreResolvers } from './explore/resolvers.js';
import { MODEL, type Model } from './model/model.js';

type AnyResolvers = Readonly<Record<string, object | undefined>>;

/** Merges resolver maps; two resolvers for one field is a mistake, refused at start. */
function merge(...maps: AnyResolvers[]): Record<string, Record<string, unknown>> {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      for (const field of Object.keys(fields ?? {})) {
        if (merged[type]?.[field] !== undefined) throw new Error(`Two resolvers for ${type}.${field}`);
      }
      merged[type] = { ...merged[type], ...fields };
    }
  }
  return merged;
}

export const resolversFor = (model: Model) =>
  merge(modelResolvers(model, analysisLookupCompanions) satisfies ResolverMap, aboutResolvers, viewResolvers, analysisResolvers, exploreResolvers);

export const resolvers = resolversFor(MODEL);
