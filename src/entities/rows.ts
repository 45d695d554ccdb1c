/**
 * What the repositories return: plain maps of Neo4j properties, the "parent" of every resolver. An
 * entity's row is generated from the model (src/generated/rows.ts: EntityRow and one per label).
 */
import type { EntityRow, RelationshipPropertiesRow, RowsByLabel } from '../generated/rows.js';
import type { PositionPage } from '../graphql/positionPages.js';

export type { EntityRow, RelationshipPropertiesRow, RowsByLabel };

/** True when the row is an entity of that label (its kind), so it has that label's properties. */
export const isOf = <L extends keyof RowsByLabel>(row: EntityRow, label: L): row is RowsByLabel[L] => row.kind === label;

/** The row as an entity of that label, or an error: a repository answered something its query cannot. */
export function entityOf<L extends keyof RowsByLabel>(row: EntityRow, label: L): RowsByLabel[L] {
  if (!isOf(row, label)) throw new Error(`expected a ${label}, got a ${row.kind} (${row.id})`);
  return row;
}

/** A relationship as read: its type, ends (keys) and properties (provenance included). */
export interface RelationshipRow {
  type: string;
  from: string;
  to: string;
  rel: RelationshipPropertiesRow;
}

/** The entity at the other end of a relationship. */
export interface LinkRow {
  node: EntityRow;
  relationship: RelationshipRow;
  direction: 'OUT' | 'IN';
}

export interface PageRow {
  rows: EntityRow[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Builds the cursor of a row. */
  cursorOf: (row: EntityRow) => string;
  /** Counts the whole filtered list; called only when totalCount is asked. */
  count: () => Promise<number>;
  /** Counts the filtered list by a grouping (<Label>Grouping value); called only when countBy is asked. */
  countBy: (grouping: string) => Promise<GroupCountRow[]>;
}

export interface GroupCountRow {
  value: string;
  count: number;
}

export interface EdgeRow {
  cursor: string;
  node: EntityRow;
}

/** When the loader first stored a node or relationship and when its content last changed (ISO instants). */
export interface LoadTimes {
  firstLoadedAt?: string;
  changedAt?: string;
}

/** Provenance as stored on nodes and relationships alike. */
export interface ProvenanceRow {
  basis: string;
  rationale?: string;
  citations: string[];
  tags: string[];
  /** The verbatim words of each citation ('' where none), in the order of citations. */
  quotes?: string[];
}

/** One citation, split from its "<doc>#<locator>" form. */
export interface CitationRow {
  doc: string;
  at: string | null;
  tag: string;
  quote: string | null;
}

export interface StatedRelationshipRow {
  from: EntityRow;
  to: EntityRow;
  relationship: RelationshipRow;
}

export interface StatementsRow {
  entities: EntityRow[];
  relationships: StatedRelationshipRow[];
}

export interface PathView {
  length: number;
  nodes: EntityRow[];
  relationships: RelationshipRow[];
}

export interface SubgraphView {
  nodes: EntityRow[];
  relationships: RelationshipRow[];
  truncated: boolean;
}

export interface SynergyView {
  target?: EntityRow;
  taxon?: EntityRow;
  cms: LinkRow[];
  cites: LinkRow[];
  cmsCount: number;
  citesCount: number;
  coverage: 'BOTH' | 'CMS_ONLY' | 'CITES_ONLY' | 'NONE';
}

export interface SearchHitRow {
  node: EntityRow;
  score: number;
}

export interface AboutRow {
  apiVersion: string;
}

/** Pages of capability lists paged by position (src/graphql/positionPages.ts). */
export type PathPage = PositionPage<PathView>;
export type SynergyPage = PositionPage<SynergyView>;
export type SearchHitPage = PositionPage<SearchHitRow>;
