/** The analysts' view: from an Aichi Target to the activities serving it and back, and the GBF bridge. */
import type { RequestContext } from '../graphql/context.js';
import { pageSize } from '../graphql/args.js';
import type { GraphQLResolveInfo } from 'graphql';
import { fromEnum, type LookupCompanion, projectionAt, projectionUnion, relationshipProjectionAt, requireEntity } from '../entities/resolvers.js';
import { selectedFields } from '../graphql/selection.js';
import { MODEL } from '../model/model.js';
import { isOf, type EntityRow } from '../entities/rows.js';
import type { Resolvers } from '../generated/graphql.js';
import { bridgedFoundation, byFoundation, routeOf } from './foundation.js';
import type { ContributionOptions, ContributionProjection } from './repository.js';

interface ContributionArgs {
  status?: string | null;
  first?: number | null;
  includeInherited?: boolean | null;
}

/**
 * What the query shows of each entity of the contributions at `path` below the current field (a
 * TargetContribution): the rows carry only those properties. `subject` is the activity, or the target
 * when the contributions are an activity's.
 */
function projectionsAt(info: GraphQLResolveInfo, path: readonly string[], subject: 'Activity' | 'AichiTarget'): ContributionProjection {
  const at = (field: string, label: string) => projectionAt(MODEL, info, [...path, field], label);
  return {
    subject: at(subject === 'Activity' ? 'activity' : 'target', subject),
    // The entity passed through: shown as the objective, the initiative or what is inherited from (a programme).
    via: projectionUnion(at('objective', 'Objective'), at('initiative', 'Initiative'), at('inheritedFrom', 'WorkProgramme')),
    plan: at('plan', 'StrategicPlan'),
    programme: at('programme', 'WorkProgramme'),
    species: at('species', 'Taxon'),
    // The contribution's basis and rationale read its steps' basis and rationale.
    steps: relationshipProjectionAt(info, [...path, 'steps'], ['basis', 'rationale']),
  };
}

/** The options of a target's contributions, as its field's arguments ask (throws on a bad `first`). */
const contributionOptions = (args: ContributionArgs, ctx: RequestContext, props: ContributionProjection): ContributionOptions => ({
  status: args.status ? fromEnum(args.status) : null,
  limit: pageSize(ctx.config.limits.maxPageSize, 'first', args.first, 50),
  includeInherited: args.includeInherited ?? false,
  props,
});

const contributionsOf = (target: EntityRow, args: ContributionArgs, ctx: RequestContext, props: ContributionProjection) =>
  ctx.loaders.contributionsByTarget.load({ id: target.id, options: contributionOptions(args, ctx, props) });

/**
 * The contributions asked right below an Aichi Target's lookup come in the lookup's own statement (the
 * analyst's question in one round trip, not two): the read brings them and primes the loader their field
 * asks, under the key it will ask. Asked twice (aliases) or with a bad `first`, the lookup reads the
 * target alone and the field resolves as everywhere else (and reports its error).
 */
const targetLookupCompanion: LookupCompanion = (ctx, info) => {
  const asked = selectedFields(info, [], 'AichiTarget').filter((field) => field.name === 'contributions');
  if (asked.length !== 1) return null;
  let options: ContributionOptions;
  try {
    options = contributionOptions(asked[0]!.args as ContributionArgs, ctx, projectionsAt(info, ['contributions'], 'Activity'));
  } catch {
    return null;
  }
  return async (key, lookup) => {
    const found = await ctx.loaders.targetWithContributions.load({ id: key, options: { lookup, contributions: options } });
    if (found) ctx.loaders.contributionsByTarget.prime({ id: found.target.node.id, options }, found.contributions);
    return found?.target ?? null;
  };
};

/** Fields of this capability that a lookup brings in its statement, by label (src/entities: LookupCompanion). */
export const analysisLookupCompanions = { AichiTarget: targetLookupCompanion };

export const analysisResolvers: Resolvers = {
  AichiTarget: {
    contributions: (target, args, ctx, info) => contributionsOf(target, args, ctx, projectionsAt(info, [], 'Activity')),
  },
  Activity: {
    targetContributions: (activity, args, ctx, info) =>
      ctx.loaders.contributionsByActivity.load({
        id: activity.id,
        options: { includeInherited: args.includeInherited ?? false, props: projectionsAt(info, [], 'AichiTarget') },
      }),
  },
  GbfTarget: {
    contributions: async (gbf, args, ctx, info) => {
      const bridges = await ctx.loaders.bridgesByGbfTarget.load(gbf.id);
      const props = projectionsAt(info, ['contribution'], 'Activity');
      const perTarget = await Promise.all(bridges.map((b) => contributionsOf(b.target, args, ctx, props)));
      const first = pageSize(ctx.config.limits.maxPageSize, 'first', args.first, 50);
      const bridged = bridges.flatMap((bridge, i) =>
        perTarget[i]!.map((contribution) => ({
          bridge,
          contribution,
          foundation: bridgedFoundation(contribution.foundation, bridge.bridge.rel.basis),
        })),
      );
      // Stable: within one foundation, the bridges' order (Aichi number) and each target's own order stay.
      return bridged.sort(byFoundation).slice(0, first);
    },
  },
  BridgedContribution: {
    aichiTarget: (b) => b.bridge.target,
    bridge: (b) => b.bridge.bridge,
    contribution: (b) => b.contribution,
    foundation: (b) => b.foundation,
  },
  TargetContribution: {
    activity: (c, _args, ctx) => c.activity ?? requireEntity(ctx, 'activity', c.activityId!, 'Activity'),
    target: (c, _args, ctx) => c.target ?? requireEntity(ctx, 'target', c.targetId!, 'AichiTarget'),
    route: (c) => routeOf(c.steps.length, c.via.kind),
    objective: (c) => (isOf(c.via, 'Objective') ? c.via : null),
    initiative: (c) => (isOf(c.via, 'Initiative') ? c.via : null),
    basis: (c) => (c.steps.some((s) => s.rel.basis === 'curated') ? 'CURATED' : 'SOURCED'),
    foundation: (c) => c.foundation,
    // An inherited contribution's rationale is the one of what it inherits, not of the membership.
    rationale: (c) => (c.foundation === 'INHERITED' ? c.steps.slice(1) : c.steps).find((s) => s.rel.basis === 'curated')?.rel.rationale ?? null,
    inheritedFrom: (c) => (c.foundation === 'INHERITED' ? c.via : null),
  },
};
