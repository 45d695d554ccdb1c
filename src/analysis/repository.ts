/** Which activities serve which Aichi (and, through the bridge, GBF) targets: one round trip per batch. */
import neo4j from 'neo4j-driver';
import type { GraphReader, QueryStats } from '../db/database.js';
import type { EntityRow, RelationshipRow } from '../entities/rows.js';
import type { ActivityRow, AichiTargetRow, StrategicPlanRow, TaxonRow, WorkProgrammeRow } from '../generated/rows.js';

/** How a contribution is founded, as cypher/analysis/foundation.fragment decides it. */
export type Foundation = 'SOURCED' | 'CURATED' | 'INHERITED';

/** One contribution; the side the query started from comes back as its key only (the caller has it). */
export interface ContributionRow {
  foundation: Foundation;
  activity?: ActivityRow;
  activityId?: string;
  target?: AichiTargetRow;
  targetId?: string;
  via: EntityRow;
  steps: RelationshipRow[];
  plan: StrategicPlanRow | null;
  programme: WorkProgrammeRow | null;
  species: TaxonRow[];
}

export interface BridgeRow {
  target: AichiTargetRow;
  bridge: RelationshipRow;
}

export interface ContributionOptions {
  status: string | null;
  limit: number;
  includeInherited: boolean;
}

type Row = ContributionRow & { id: string };

const groupById = <T extends { id: string }>(rows: T[]) => {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.id, [...(map.get(row.id) ?? []), row]);
  return map;
};

export class AnalysisRepository {
  constructor(
    private readonly db: GraphReader,
    private readonly stats?: QueryStats,
  ) {}

  async contributionsByTargets(ids: readonly string[], options: ContributionOptions): Promise<Map<string, ContributionRow[]>> {
    const { status, limit, includeInherited } = options;
    return groupById(
      await this.db.read<Row>(
        'analysis/contributionsByTargetIds',
        // Ranks start with the foundation's digit: below '2' leaves the inherited ones out.
        { ids, status, rankBelow: includeInherited ? '3' : '2', limit: neo4j.int(limit) },
        this.stats,
      ),
    );
  }

  async contributionsByActivities(ids: readonly string[], includeInherited: boolean): Promise<Map<string, ContributionRow[]>> {
    return groupById(await this.db.read<Row>('analysis/contributionsByActivityIds', { ids, includeInherited }, this.stats));
  }

  async bridgesByGbfTargets(ids: readonly string[]): Promise<Map<string, BridgeRow[]>> {
    return groupById(await this.db.read<BridgeRow & { id: string }>('analysis/bridgesByGbfIds', { ids }, this.stats));
  }
}

export interface BridgedContributionRow {
  bridge: BridgeRow;
  contribution: ContributionRow;
  foundation: Foundation;
}
