/** Per-request DataLoaders over the analysis repository. */
import DataLoader from 'dataloader';
import { groupedLoader } from '../db/batch.js';
import type {
  ActivityContributionOptions,
  AnalysisRepository,
  BridgeRow,
  ContributionOptions,
  ContributionRow,
  TargetLookupOptions,
  TargetWithContributions,
} from './repository.js';

export function analysisLoaders(repository: AnalysisRepository) {
  return {
    contributionsByTarget: groupedLoader<ContributionOptions, ContributionRow[]>(
      (ids, options) => repository.contributionsByTargets(ids, options),
      () => [],
    ),
    /** Aichi Targets looked up with their contributions (a lookup's companion: src/analysis/resolvers.ts). */
    targetWithContributions: groupedLoader<TargetLookupOptions, TargetWithContributions | null>(
      (ids, options) => repository.targetsWithContributions(ids, options),
      () => null,
    ),
    contributionsByActivity: groupedLoader<ActivityContributionOptions, ContributionRow[]>(
      (ids, options) => repository.contributionsByActivities(ids, options),
      () => [],
    ),
    bridgesByGbfTarget: new DataLoader<string, BridgeRow[]>(async (ids) => {
      const found = await repository.bridgesByGbfTargets(ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
  };
}

export type AnalysisLoaders = ReturnType<typeof analysisLoaders>;
