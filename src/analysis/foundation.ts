/**
 * The route of a contribution, its foundation seen through the Aichi bridge, and the order analysts read them in. The
 * foundation of an Aichi contribution itself is decided in Cypher (cypher/analysis/foundation.fragment),
 * where the ranking must happen before the page is cut.
 */
import type { ContributionRoute } from '../generated/graphql.js';
import type { Foundation } from './repository.js';

const ROUTES: Record<string, ContributionRoute> = { Objective: 'VIA_OBJECTIVE', WorkProgramme: 'VIA_PROGRAMME', Initiative: 'VIA_INITIATIVE' };

/** How an activity reaches the target: by its own SERVES (one step), or through what it is linked to. */
export const routeOf = (steps: number, viaKind: string): ContributionRoute => (steps === 1 ? 'DIRECT' : (ROUTES[viaKind] ?? 'DIRECT'));

const RANK: Record<Foundation, number> = { SOURCED: 0, CURATED: 1, INHERITED: 2 };

export const byFoundation = (a: { foundation: Foundation }, b: { foundation: Foundation }) => RANK[a.foundation] - RANK[b.foundation];

/** A chain is as strong as its weakest link: a curated bridge makes a sourced contribution curated. */
export function bridgedFoundation(contribution: Foundation, bridgeBasis: unknown): Foundation {
  if (contribution === 'SOURCED' && bridgeBasis === 'curated') return 'CURATED';
  return contribution;
}
