/**
 * Fixed ceilings of the researchers' queries, declared once: the SDL's descriptions and the Cypher's
 * variable-length bounds say {{maxHops}} etc. and get these values (src/schema.ts, src/db/cypher.ts);
 * the resolvers check arguments against them.
 */
export const CEILINGS = {
  /** Longest path connections considers. */
  maxHops: 6,
  /** Deepest neighbourhood. */
  maxDepth: 3,
  /** Most entities a neighbourhood holds besides its centre. */
  maxNeighbours: 500,
  /** Longest search text, in characters. */
  maxSearchLength: 200,
  /** Most words of a search text that are looked for. */
  maxSearchTerms: 16,
} as const;

/** Replaces {{name}} of a ceiling by its value; other {{…}} are left as they are. */
const values = new Map<string, number>(Object.entries(CEILINGS));
export const withCeilings = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (match, name: string) => String(values.get(name) ?? match));
