/**
 * The export in the API's words: kinds, relationship types and enum values spelled as the GraphQL API
 * spells them (ACTIVITY, SERVES, MEMORANDUM_OF_UNDERSTANDING, SOURCED), each entity with its global id,
 * each citation with the API's field names. Derived from the model, as the SDL is.
 */
import type { EntityRow, RelationshipRow } from '../entities/rows.js';
import { toGlobalId } from '../graphql/ids.js';
import { MODEL, type Model, type PropertySpec } from '../model/model.js';
import { enumValueOf, kindOf } from '../model/sdl.js';

/** Stored properties that are provenance or bookkeeping, given in their own fields (or not at all). */
const NOT_OWN = new Set([
  'id',
  'kind',
  'searchAliases',
  'citations',
  'tags',
  'quotes',
  'basis',
  'rationale',
  'stamp',
  'contentHash',
  'firstLoadedAt',
  'changedAt',
]);

/** A property the API shows as a GraphQL enum (not a plain string). */
const isApiEnum = (spec: PropertySpec | undefined) => spec?.type.kind === 'enum' && spec.type.graphqlName !== 'String';

interface Stored {
  citations: string[];
  tags: string[];
  quotes?: string[];
  basis: string;
  rationale?: string;
  firstLoadedAt?: string;
  changedAt?: string;
}

function provenanceOf(row: Stored) {
  return {
    basis: enumValueOf(row.basis),
    ...(row.rationale ? { rationale: row.rationale } : {}),
    citations: row.citations.map((c, i) => {
      const hash = c.indexOf('#');
      const quote = row.quotes?.[i];
      return {
        documentKey: hash < 0 ? c : c.slice(0, hash),
        locator: hash < 0 ? null : c.slice(hash + 1),
        confidence: row.tags[i] === 'P' ? 'PARTIAL' : 'VERIFIED',
        ...(quote ? { quote } : {}),
      };
    }),
  };
}

/** What every exported record carries besides its identity. */
interface ExportedFacts {
  properties: Record<string, unknown>;
  provenance: ReturnType<typeof provenanceOf>;
  firstLoadedAt: string | null;
  changedAt: string | null;
}

export interface ExportedEntity extends ExportedFacts {
  id: string;
  key: string;
  kind: string;
}

export interface ExportedRelationship extends ExportedFacts {
  key: string;
  type: string;
  fromKey: string;
  toKey: string;
  from: string;
  to: string;
}

export interface ExportedDeletion {
  key: string;
  /** The entity's global id; null for a relationship. */
  id: string | null;
  /** EntityKind, or RELATIONSHIP. */
  kind: string;
  type: string | null;
  deletedAt: string;
}

/** The rows the export reads (cypher/export/*.cypher). */
export interface DeletionRow {
  key: string;
  kind: string;
  type: string | null;
  deletedAt: string;
}

export interface RelationshipExportRow extends RelationshipRow {
  fromKind: string;
  toKind: string;
}

export function exportVocabulary(model: Model = MODEL) {
  const entityProperties = new Map(model.labels.map((l) => [l.label, { ...model.common, ...l.properties }]));
  const relationshipProperties = new Map(model.relationships.map((r) => [r.type, r.properties]));
  const own = (stored: object, specs: Record<string, PropertySpec> | undefined) =>
    Object.fromEntries(
      Object.entries(stored)
        .filter(([name]) => !NOT_OWN.has(name))
        .map(([name, value]) => [name, isApiEnum(specs?.[name]) && typeof value === 'string' ? enumValueOf(value) : value]),
    );
  return {
    entity(row: EntityRow): ExportedEntity {
      return {
        id: toGlobalId(row.kind, row.id),
        key: row.id,
        kind: kindOf(row.kind),
        properties: own(row, entityProperties.get(row.kind)),
        provenance: provenanceOf(row),
        firstLoadedAt: row.firstLoadedAt ?? null,
        changedAt: row.changedAt ?? null,
      };
    },
    relationship(r: RelationshipExportRow): ExportedRelationship {
      return {
        key: r.rel.id,
        type: r.type,
        fromKey: r.from,
        toKey: r.to,
        from: toGlobalId(r.fromKind, r.from),
        to: toGlobalId(r.toKind, r.to),
        properties: own(r.rel, relationshipProperties.get(r.type)),
        provenance: provenanceOf(r.rel),
        firstLoadedAt: r.rel.firstLoadedAt ?? null,
        changedAt: r.rel.changedAt ?? null,
      };
    },
    deletion(d: DeletionRow): ExportedDeletion {
      const isRelationship = d.kind === 'RELATIONSHIP';
      return {
        key: d.key,
        id: isRelationship ? null : toGlobalId(d.kind, d.key),
        kind: isRelationship ? 'RELATIONSHIP' : kindOf(d.kind),
        type: d.type ?? null,
        deletedAt: d.deletedAt,
      };
    },
  };
}
