/** The researchers' reads: paths, neighbourhoods, synergies and search, each one round trip. */
import neo4j from 'neo4j-driver';
import type { GraphReader, QueryStats } from '../db/database.js';
import { asAsked, rowOf, type Projection } from '../entities/repository.js';
import type { EntityRow, RelationshipRow } from '../entities/rows.js';
import type { SearchQueries } from './lucene.js';

export interface PathRow {
  nodes: EntityRow[];
  steps: RelationshipRow[];
}

/** What a query shows of a path's entities and relationships (null: whole). */
export interface PathProjection {
  node: Projection;
  rel: Projection;
}

/** One synergy row: the target or taxon, how many entities reach it per convention, a sample of each. */
export interface SynergyRow {
  subject: EntityRow;
  cmsCount: number;
  citesCount: number;
  cms: { node: EntityRow; relationship: RelationshipRow }[];
  cites: { node: EntityRow; relationship: RelationshipRow }[];
  /** BOTH, CMS_ONLY, CITES_ONLY or NONE. */
  coverage: 'BOTH' | 'CMS_ONLY' | 'CITES_ONLY' | 'NONE';
}

/** Which synergy rows: one subject or all, a coverage or any, how many rows and how large a sample of each side. */
export interface SynergyChoice {
  subject: string | null;
  coverage: string | null;
  sample: number;
  rows: number;
}

export class ExploreRepository {
  constructor(
    private readonly db: GraphReader,
    private readonly stats?: QueryStats,
  ) {}

  /**
   * The shortest paths between two entities (at most `limit`) and both ends (null where no entity has
   * that key), in one round trip; entities read through `props.node`, relationships through `props.rel`.
   */
  async shortestPaths(from: string, to: string, maxHops: number, limit: number, props: PathProjection) {
    type Raw = { nodes: unknown[]; steps: (Omit<RelationshipRow, 'rel'> & { rel: unknown })[] };
    const [row] = await this.db.read<{ from: unknown; to: unknown; paths: Raw[] }>(
      'explore/shortestPaths',
      { from, to, maxHops: neo4j.int(maxHops), limit: neo4j.int(limit), props },
      this.stats,
    );
    const end = (read: unknown) => (read === null || read === undefined ? null : asAsked<EntityRow>(read, props.node));
    return {
      from: end(row?.from),
      to: end(row?.to),
      paths: (row?.paths ?? []).map(
        (path): PathRow => ({
          nodes: path.nodes.map((node) => asAsked<EntityRow>(node, props.node)),
          steps: path.steps.map((step) => ({ ...step, rel: asAsked<RelationshipRow['rel']>(step.rel, props.rel) })),
        }),
      ),
    };
  }

  /** The centre first, then the entities around it, each read through `props` (partial rows) or whole (null). */
  async neighbourhood(id: string, depth: number, types: string[] | null, limit: number, props: Projection) {
    const [row] = await this.db.read<{ nodes: unknown[]; relationships: RelationshipRow[] }>(
      'explore/neighbourhood',
      { id, depth: neo4j.int(depth), types, limit: neo4j.int(limit), props },
      this.stats,
    );
    return row && { nodes: row.nodes.map((node) => asAsked<EntityRow>(node, props)), relationships: row.relationships };
  }

  targetSynergies(choice: SynergyChoice) {
    const { subject, coverage, sample, rows } = choice;
    return this.db.read<SynergyRow>(
      'explore/targetSynergies',
      { target: subject, coverage, limit: neo4j.int(sample), rows: neo4j.int(rows) },
      this.stats,
    );
  }

  speciesSynergies(choice: SynergyChoice) {
    const { subject, coverage, sample, rows } = choice;
    // Without a coverage the first taxa by key are the answer: count only those.
    const scan = coverage === null ? rows : Number.MAX_SAFE_INTEGER;
    return this.db.read<SynergyRow>(
      'explore/speciesSynergies',
      { taxon: subject, coverage, limit: neo4j.int(sample), taxa: neo4j.int(rows), scan: neo4j.int(scan) },
      this.stats,
    );
  }

  /** The best hits, each node read through `props` (a partial row) or whole (null). */
  async search(queries: SearchQueries, kinds: string[] | null, limit: number, props: Projection) {
    const { english, french } = queries;
    const indexOptions = kinds === null ? { limit: neo4j.int(limit) } : {};
    const rows = await this.db.read<{ node: EntityRow | null; values: unknown[] | null; score: number }>(
      'explore/search',
      { english, french, kinds, limit: neo4j.int(limit), indexOptions, props },
      this.stats,
    );
    return rows.map((row) => ({ node: rowOf(row, props), score: row.score }));
  }
}
