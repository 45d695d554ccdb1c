/** Per-request DataLoaders over the analysis repository. */
import DataLoader from 'dataloader';
import { groupedLoader } from '../db/batch.js';
import type { AnalysisRepository, BridgeRow, ContributionRow } from './repository.js';

export function analysisLoaders(repository: AnalysisRepository) {
  return {
    contributionsByTarget: groupedLoader<{ status: string | null; limit: number }, ContributionRow[]>(
      (ids, o) => repository.contributionsByTargets(ids, o.status, o.limit),
      () => [],
    ),
    contributionsByActivity: new DataLoader<string, ContributionRow[]>(async (ids) => {
      const found = await repository.contributionsByActivities(ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    bridgesByGbfTarget: new DataLoader<string, BridgeRow[]>(async (ids) => {
      const found = await repository.bridgesByGbfTargets(ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
  };
}

export type AnalysisLoaders = ReturnType<typeof analysisLoaders>;
