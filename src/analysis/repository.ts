/** Which activities serve which Aichi (and, through the bridge, GBF) targets: one round trip per batch. */
import neo4j from 'neo4j-driver';
import type { GraphReader, QueryStats } from '../db/database.js';
import {
  asAsked,
  type Prefetch,
  type PrefetchedRawRow,
  type PrefetchedRow,
  prefetched,
  prefetchParams,
  type Projection,
} from '../entities/repository.js';
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

/** What a query shows of each entity of a contribution (src/entities/repository.ts, Projection). */
export interface ContributionProjection {
  /** The activity (contributions of a target) or the target (contributions of an activity). */
  subject: Projection;
  via: Projection;
  plan: Projection;
  programme: Projection;
  species: Projection;
  /** What the query shows of the relationships along the way. */
  steps: Projection;
}

export interface ContributionOptions {
  status: string | null;
  limit: number;
  includeInherited: boolean;
  props: ContributionProjection;
}

/** How a lookup reads a target (src/entities: its projection and prefetch) and its contributions. */
export interface TargetLookupOptions {
  lookup: { prefetch: Prefetch; props: Projection };
  contributions: ContributionOptions;
}

/** A target as its lookup reads it, with its contributions. */
export interface TargetWithContributions {
  target: PrefetchedRow;
  contributions: ContributionRow[];
}

export interface ActivityContributionOptions {
  includeInherited: boolean;
  props: ContributionProjection;
}

type Row = ContributionRow & { id: string };

/** A row as Cypher returns it, each entity read through its projection (asAsked). */
type RawRow = Omit<Row, 'activity' | 'target' | 'via' | 'plan' | 'programme' | 'species' | 'steps'> & {
  activity?: unknown;
  target?: unknown;
  via: unknown;
  plan: unknown;
  programme: unknown;
  species: unknown[];
  steps: (Omit<RelationshipRow, 'rel'> & { rel: unknown })[];
};

const maybe = <T>(read: unknown, props: Projection): T | null => (read === null ? null : asAsked<T>(read, props));

function rowAsAsked(raw: RawRow, props: ContributionProjection): Row {
  const { activity, target, via, plan, programme, species, steps, ...rest } = raw;
  return {
    ...rest,
    ...(activity !== undefined ? { activity: asAsked<ActivityRow>(activity, props.subject) } : {}),
    ...(target !== undefined ? { target: asAsked<AichiTargetRow>(target, props.subject) } : {}),
    via: asAsked(via, props.via),
    plan: maybe<StrategicPlanRow>(plan, props.plan),
    programme: maybe<WorkProgrammeRow>(programme, props.programme),
    species: species.map((s) => asAsked<TaxonRow>(s, props.species)),
    steps: steps.map((step) => ({ ...step, rel: asAsked<RelationshipRow['rel']>(step.rel, props.steps) })),
  };
}

/** The projections as the statements take them ($asked). */
const propsParam = (props: ContributionProjection) => ({
  activity: props.subject,
  target: props.subject,
  via: props.via,
  plan: props.plan,
  programme: props.programme,
  species: props.species,
  steps: props.steps,
});

/** A target's contributions as targetContributions.fragment takes them. */
const contributionParams = ({ status, limit, includeInherited, props }: ContributionOptions) => ({
  status,
  // Ranks start with the foundation's digit: below '2' leaves the inherited ones out.
  rankBelow: includeInherited ? '3' : '2',
  limit: neo4j.int(limit),
  asked: propsParam(props),
});

const groupById = <T extends { id: string }>(rows: T[]) => {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const group = map.get(row.id);
    if (group) group.push(row);
    else map.set(row.id, [row]);
  }
  return map;
};

export class AnalysisRepository {
  constructor(
    private readonly db: GraphReader,
    private readonly stats?: QueryStats,
  ) {}

  async contributionsByTargets(ids: readonly string[], options: ContributionOptions): Promise<Map<string, ContributionRow[]>> {
    const rows = await this.db.read<RawRow>('analysis/contributionsByTargetIds', { ids, ...contributionParams(options) }, this.stats);
    return groupById(rows.map((row) => rowAsAsked(row, options.props)));
  }

  /** Targets by key as a lookup reads them, each with its contributions, in one round trip. */
  async targetsWithContributions(ids: readonly string[], options: TargetLookupOptions): Promise<Map<string, TargetWithContributions>> {
    const { lookup, contributions } = options;
    const rows = await this.db.read<PrefetchedRawRow & { contributions: RawRow[] }>(
      'analysis/targetsWithContributions',
      { ids, ...prefetchParams(lookup.prefetch), props: lookup.props, ...contributionParams(contributions) },
      this.stats,
    );
    const targets = prefetched(rows, lookup.props, lookup.prefetch);
    return new Map(
      targets.map((target, i) => [
        target.node.id,
        { target, contributions: rows[i]!.contributions.map((row) => rowAsAsked(row, contributions.props)) },
      ]),
    );
  }

  async contributionsByActivities(ids: readonly string[], options: ActivityContributionOptions): Promise<Map<string, ContributionRow[]>> {
    const { includeInherited, props } = options;
    const rows = await this.db.read<RawRow>('analysis/contributionsByActivityIds', { ids, includeInherited, asked: propsParam(props) }, this.stats);
    return groupById(rows.map((row) => rowAsAsked(row, props)));
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
