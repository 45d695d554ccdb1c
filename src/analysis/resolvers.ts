/** The analysts' view: from an Aichi Target to the activities serving it and back, and the GBF bridge. */
import type { RequestContext } from '../context.js';
import { fromEnum, pageSize } from '../entities/resolvers.js';
import type { EntityRow } from '../entities/rows.js';
import type { BridgeRow, ContributionRow } from './repository.js';

const ROUTES: Record<string, string> = { Objective: 'VIA_OBJECTIVE', WorkProgramme: 'VIA_PROGRAMME', Initiative: 'VIA_INITIATIVE' };

interface ContributionArgs {
  status?: string | null;
  first?: number | null;
}

const contributionsOf = (target: EntityRow, args: ContributionArgs, ctx: RequestContext) =>
  ctx.loaders.contributionsByTarget.load({
    id: target.id,
    options: { status: args.status ? fromEnum(args.status) : null, limit: pageSize(ctx, 'first', args.first, 50) },
  });

export const analysisResolvers = {
  AichiTarget: {
    contributions: (target: EntityRow, args: ContributionArgs, ctx: RequestContext) => contributionsOf(target, args, ctx),
  },
  Activity: {
    targetContributions: (activity: EntityRow, _: unknown, ctx: RequestContext) => ctx.loaders.contributionsByActivity.load(activity.id),
  },
  GbfTarget: {
    contributions: async (gbf: EntityRow, args: ContributionArgs, ctx: RequestContext) => {
      const bridges = await ctx.loaders.bridgesByGbfTarget.load(gbf.id);
      const perTarget = await Promise.all(bridges.map((b) => contributionsOf(b.target, args, ctx)));
      return bridges.flatMap((bridge, i) => perTarget[i]!.map((contribution) => ({ bridge, contribution })));
    },
  },
  BridgedContribution: {
    aichiTarget: (b: { bridge: BridgeRow }) => b.bridge.target,
    bridge: (b: { bridge: BridgeRow }) => b.bridge.bridge,
    contribution: (b: { contribution: ContributionRow }) => b.contribution,
  },
  TargetContribution: {
    route: (c: ContributionRow) => (c.steps.length === 1 ? 'DIRECT' : (ROUTES[c.via.kind] ?? 'DIRECT')),
    objective: (c: ContributionRow) => (c.via.kind === 'Objective' ? c.via : null),
    initiative: (c: ContributionRow) => (c.via.kind === 'Initiative' ? c.via : null),
    basis: (c: ContributionRow) => (c.steps.some((s) => s.rel.basis === 'curated') ? 'CURATED' : 'SOURCED'),
  },
};
