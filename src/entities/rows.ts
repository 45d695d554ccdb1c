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
