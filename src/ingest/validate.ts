/**
 * Reads data/*.yaml and validates it against the model before anything touches the database.
 * Every problem is reported (file, entry, field), not just the first; nothing is loaded if any is found.
 * The pieces, each testable alone: a value (values.ts), provenance and citations (provenance.ts,
 * quotes.ts), an entry (entries.ts), a link (links.ts), the sizes of relationship fields (fieldSizes.ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { MODEL, type LabelSpec, type Model } from '../model/model.js';
import { readEntry, type ReadEntry } from './entries.js';
import { checkRelationshipFieldSizes } from './fieldSizes.js';
import { readLink } from './links.js';
import { isMap, type Report } from './provenance.js';

export type Basis = 'sourced' | 'curated';
export type Tag = 'V' | 'P';

export interface Citation {
  doc: string;
  at?: string;
  tag: Tag;
  /** A short verbatim quote of the evidence in the cited document (checked by tests/provenance-quotes.test.ts). */
  quote?: string;
}

export interface Provenance {
  citations: Citation[];
  basis: Basis;
  rationale?: string;
}

export interface NodeRecord extends Provenance {
  id: string;
  label: string;
  file: string;
  props: Record<string, unknown>;
}

export interface RelationshipRecord extends Provenance {
  id: string;
  type: string;
  from: string;
  to: string;
  file: string;
  props: Record<string, unknown>;
}

export interface Graph {
  nodes: NodeRecord[];
  relationships: RelationshipRecord[];
  /** sha256 of the data files: the same data always loads as the same version. */
  dataHash: string;
}

export interface ValidationProblem {
  file: string;
  entry: string;
  field: string;
  message: string;
}

export class ValidationError extends Error {
  constructor(readonly problems: ValidationProblem[]) {
    super(
      `The data has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was loaded:\n` +
        problems.map((p) => `  ${p.file} › ${p.entry} › ${p.field}: ${p.message}`).join('\n'),
    );
    this.name = 'ValidationError';
  }
}

/** Bumped when the loader stores the graph differently (2: load times, content hashes, tombstones). */
export const LOAD_FORMAT = 2;

/** Validates the data folder against the model; returns the graph or throws a ValidationError listing every problem. */
export function readGraph(dataDir: string, model: Model = MODEL): Graph {
  const problems: ValidationProblem[] = [];
  const reporter =
    (file: string, entry: string, prefix = '') =>
    (field: string, message: string) =>
      problems.push({ file, entry, field: `${prefix}${field}`, message });

  const files = fs
    .readdirSync(dataDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const hash = createHash('sha256');
  // The form the loader stores (LOAD_FORMAT) is part of the version, so a graph stored by an older loader is loaded again.
  hash.update(`load-format:${LOAD_FORMAT}\0`);
  const nodes = new Map<string, NodeRecord>();
  const pendingLinks: { from: NodeRecord; entry: ReadEntry }[] = [];
  const citedDocuments: { report: Report; field: string; doc: string }[] = [];

  for (const file of files) {
    const text = fs.readFileSync(path.join(dataDir, file), 'utf8');
    hash.update(`${file}\0${text}\0`);
    const entries = readFile(model, file, text, reporter(file, '-'));
    if (!entries) continue;
    for (const [index, raw] of entries.raw.entries()) {
      const report = reporter(file, isMap(raw) && typeof raw.id === 'string' ? raw.id : `#${index + 1}`);
      const entry = readEntry(model, entries.spec, raw, report);
      if (!entry) continue;
      const existing = nodes.get(entry.id);
      if (existing) {
        report('id', `duplicate id: also used in ${existing.file}`);
        continue;
      }
      const node: NodeRecord = { id: entry.id, label: entries.spec.label, file, props: entry.props, ...entry.provenance };
      nodes.set(entry.id, node);
      for (const d of entry.documents) citedDocuments.push({ report, ...d });
      pendingLinks.push({ from: node, entry });
    }
  }
  for (const label of model.labels) {
    if (!files.includes(label.file) && !problems.some((p) => p.file === label.file)) {
      reporter(label.file, '-')('-', `missing file: the ${label.label} entries live here (an empty "entries: []" is allowed)`);
    }
  }
  for (const node of nodes.values()) {
    if (node.label === 'Paragraph') {
      const doc = nodes.get(String(node.props.document));
      if (doc?.label !== 'Document') reporter(node.file, node.id)('document', `unknown document "${node.props.document}"`);
    }
  }

  const relationships = new Map<string, RelationshipRecord>();
  for (const { from, entry } of pendingLinks) {
    for (const link of entry.links) {
      const report = reporter(from.file, from.id, link.field);
      const read = readLink(model, from, link.raw, nodes, report);
      if (!read) continue;
      if (relationships.has(read.id)) {
        report('', `duplicate link ${read.type} to ${read.to} (add a distinct key to tell them apart)`);
        continue;
      }
      for (const d of read.documents) citedDocuments.push({ report, field: `.${d.field}`, doc: d.doc });
      relationships.set(read.id, {
        id: read.id,
        type: read.type,
        from: from.id,
        to: read.to,
        file: from.file,
        props: read.props,
        ...read.provenance,
      });
    }
  }
  for (const { report, field, doc } of citedDocuments) {
    const target = nodes.get(doc);
    if (!target) report(field, `unknown document "${doc}" (add it to documents.yaml)`);
    else if (target.label !== 'Document') report(field, `"${doc}" is a ${target.label}, not a Document`);
  }

  if (problems.length === 0) problems.push(...checkRelationshipFieldSizes(model, [...nodes.values()], [...relationships.values()]));
  if (problems.length > 0) throw new ValidationError(problems);
  return { nodes: [...nodes.values()], relationships: [...relationships.values()], dataHash: hash.digest('hex') };
}

/** A data file: valid YAML, the file of a label, a mapping with that label and a list of entries. */
function readFile(model: Model, file: string, text: string, report: Report): { spec: LabelSpec; raw: unknown[] } | undefined {
  let doc: unknown;
  try {
    doc = YAML.parse(text);
  } catch (error) {
    report('-', `is not valid YAML: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`);
    return undefined;
  }
  const spec = model.labels.find((l) => l.file === file);
  if (!spec) {
    report('-', `unknown data file: expected one of ${model.labels.map((l) => l.file).join(', ')}`);
    return undefined;
  }
  if (!isMap(doc)) {
    report('-', 'must be a mapping with label and entries');
    return undefined;
  }
  if (doc.label !== spec.label) {
    report('label', `must be ${spec.label}, got ${JSON.stringify(doc.label)}`);
    return undefined;
  }
  if (!Array.isArray(doc.entries)) {
    report('entries', 'must be a list');
    return undefined;
  }
  return { spec, raw: doc.entries };
}
