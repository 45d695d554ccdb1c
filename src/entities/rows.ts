/** What the repositories return: plain maps of Neo4j properties, the "parent" of every resolver. */

/** A node's properties: id (the readable key), kind (its label), name, provenance and its own fields. */
export interface EntityRow {
  id: string;
  kind: string;
  name: string;
  citations: string[];
  tags: string[];
  basis: string;
  rationale?: string;
  [property: string]: unknown;
}

/** A relationship as read: its type, ends (keys) and properties (provenance included). */
export interface RelationshipRow {
  type: string;
  from: string;
  to: string;
  rel: Record<string, unknown> & { id: string; citations: string[]; tags: string[]; basis: string; rationale?: string };
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
}

export type RelationshipPropertiesRow = RelationshipRow['rel'];

export interface EdgeRow {
  cursor: string;
  node: EntityRow;
}

/** Provenance as stored on nodes and relationships alike. */
export interface ProvenanceRow {
  basis: string;
  rationale?: string;
  citations: string[];
  tags: string[];
}

/** One citation, split from its "<doc>#<locator>" form. */
export interface CitationRow {
  doc: string;
  at: string | null;
  tag: string;
}

/** A LISTED_IN link seen from the taxon or from the convention. */
export interface ListingRow {
  link: LinkRow;
  self: 'taxon' | 'convention';
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
