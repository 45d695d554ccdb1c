/**
 * The export's document formats, each written record by record: JSON (one document, as before), NDJSON
 * (a header line, a line per record, an end line with the counts, so a cut stream is never taken for a
 * whole one) and JSON-LD (the JSON-LD context at /context.jsonld, entities identified by their page).
 */
import { entityIri } from './context.js';
import type { ExportedDeletion, ExportedEntity, ExportedRelationship } from './records.js';

export const FORMATS = {
  json: 'application/json',
  ndjson: 'application/x-ndjson',
  jsonld: 'application/ld+json',
} as const;
export type Format = keyof typeof FORMATS;

export type Section = 'nodes' | 'relationships' | 'deletions';
export interface ExportHead {
  dataVersion: string | null;
  loadedAt: string | null;
  changedSince: string | null;
}
export type ExportItem = { nodes: ExportedEntity; relationships: ExportedRelationship; deletions: ExportedDeletion };

/** What a format writes: its opening, each section's opening and items, and its end (with the counts). */
export interface DocumentWriter {
  head(head: ExportHead): string;
  open(section: Section): string;
  item<S extends Section>(section: S, item: ExportItem[S], first: boolean): string;
  close(section: Section): string;
  end(counts: Record<Section, number>): string;
}

const json: DocumentWriter = {
  head: (head) => JSON.stringify(head).slice(0, -1),
  open: (section) => `,"${section}":[`,
  item: (_section, item, first) => `${first ? '' : ','}\n${JSON.stringify(item)}`,
  close: () => '\n]',
  end: () => '}\n',
};

const RECORD: Record<Section, string> = { nodes: 'entity', relationships: 'relationship', deletions: 'deletion' };
const ndjson: DocumentWriter = {
  head: (head) => `${JSON.stringify({ record: 'header', ...head })}\n`,
  open: () => '',
  item: (section, item) => `${JSON.stringify({ record: RECORD[section], ...item })}\n`,
  close: () => '',
  end: (counts) => `${JSON.stringify({ record: 'end', entities: counts.nodes, relationships: counts.relationships, deletions: counts.deletions })}\n`,
};

function jsonLd(origin: string): DocumentWriter {
  // Each citation also points at its document's page: the sources are entities of the graph.
  const provenance = (p: ExportedEntity['provenance']) => ({
    ...p,
    citations: p.citations.map((c) => ({ ...c, document: entityIri(origin, c.documentKey) })),
  });
  const node = (section: Section, item: ExportItem[Section]) => {
    if (section === 'nodes') {
      const e = item as ExportedEntity;
      return {
        '@id': entityIri(origin, e.key),
        '@type': e.kind,
        id: e.id,
        key: e.key,
        ...e.properties,
        provenance: provenance(e.provenance),
        firstLoadedAt: e.firstLoadedAt,
        changedAt: e.changedAt,
      };
    }
    if (section === 'relationships') {
      const r = item as ExportedRelationship;
      return {
        '@type': 'Relationship',
        relationshipType: r.type,
        key: r.key,
        from: entityIri(origin, r.fromKey),
        to: entityIri(origin, r.toKey),
        ...r.properties,
        provenance: provenance(r.provenance),
        firstLoadedAt: r.firstLoadedAt,
        changedAt: r.changedAt,
      };
    }
    const d = item as ExportedDeletion;
    return { '@type': 'Deletion', ...d, ...(d.kind === 'RELATIONSHIP' ? {} : { entity: entityIri(origin, d.key) }) };
  };
  let opened = false;
  return {
    head: (head) => `${JSON.stringify({ '@context': `${origin}/context.jsonld`, ...head }).slice(0, -1)},"@graph":[`,
    open: () => '',
    item: (section, item) => {
      const text = `${opened ? ',' : ''}\n${JSON.stringify(node(section, item))}`;
      opened = true;
      return text;
    },
    close: () => '',
    end: () => '\n]}\n',
  };
}

/** A writer of the format; JSON-LD needs the origin its IRIs start with. */
export function documentWriter(format: Format, origin: string): DocumentWriter {
  return format === 'json' ? json : format === 'ndjson' ? ndjson : jsonLd(origin);
}
