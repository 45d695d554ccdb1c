/**
 * Reads data/*.yaml and validates it against the model before anything touches the database.
 * Every problem is reported (file, entry, field), not just the first; nothing is loaded if any is found.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { MODEL, STRING_LIST_MAX, type Model, type PropertySpec } from '../model/model.js';
import { checkRelationshipFieldSizes } from './fieldSizes.js';
import { readQuote } from './quotes.js';

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

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const ENTRY_KEYS = new Set(['id', 'sources', 'basis', 'rationale', 'links']);
const LINK_KEYS = new Set(['type', 'to', 'key', 'sources', 'basis', 'rationale', 'props']);

type Raw = Record<string, unknown>;
const isMap = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

interface PendingLink {
  file: string;
  entry: string;
  field: string;
  from: string;
  fromLabel: string;
  raw: Raw;
}

/** Validates the data folder against the model; returns the graph or throws a ValidationError listing every problem. */
export function readGraph(dataDir: string, model: Model = MODEL): Graph {
  const LABELS = model.labels;
  const labelSpec = (label: string) => model.labels.find((l) => l.label === label);
  const relationshipSpec = (type: string) => model.relationships.find((r) => r.type === type);
  const problems: ValidationProblem[] = [];
  const problem = (file: string, entry: string, field: string, message: string) =>
    problems.push({ file, entry, field, message });

  const files = fs
    .readdirSync(dataDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const hash = createHash('sha256');
  const nodes = new Map<string, NodeRecord>();
  const pendingLinks: PendingLink[] = [];
  const pendingCitations: { file: string; entry: string; field: string; doc: string }[] = [];
  const seenFiles = new Set<string>();

  const readValue = (spec: PropertySpec, value: unknown): { value?: unknown; error?: string } => {
    const t = spec.type;
    switch (t.kind) {
      case 'string':
      case 'text':
        if (typeof value === 'number') return { value: String(value) };
        if (typeof value !== 'string' || value.trim() === '') return { error: 'must be a non-empty string' };
        return { value: value.trim() };
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value)) return { error: `must be an integer, got ${JSON.stringify(value)}` };
        if ((t.min !== undefined && value < t.min) || (t.max !== undefined && value > t.max)) {
          return { error: `must be between ${t.min} and ${t.max}, got ${value}` };
        }
        return { value };
      case 'boolean':
        return typeof value === 'boolean' ? { value } : { error: `must be true or false, got ${JSON.stringify(value)}` };
      case 'date': {
        const text = typeof value === 'number' ? String(value) : value;
        const m = typeof text === 'string' ? DATE.exec(text) : null;
        if (!m) return { error: `must be a date like 2008, 2008-07 or 2008-07-15, got ${JSON.stringify(value)}` };
        const [, y, mo, d] = m;
        if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return { error: `has no month ${mo}` };
        if (d !== undefined) {
          const probe = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
          if (probe.getUTCDate() !== Number(d)) return { error: `is not a real date: ${text}` };
        }
        return { value: text };
      }
      case 'url':
        if (typeof value !== 'string' || !/^https?:\/\/\S+$/.test(value)) return { error: `must be an http(s) URL, got ${JSON.stringify(value)}` };
        return { value };
      case 'enum':
        if (typeof value !== 'string' || !t.values.includes(value)) {
          return { error: `must be one of ${t.values.join(', ')}, got ${JSON.stringify(value)}` };
        }
        return { value };
      case 'stringList':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
          return { error: 'must be a list of non-empty strings' };
        }
        if (value.length > (t.max ?? STRING_LIST_MAX)) return { error: `holds at most ${t.max ?? STRING_LIST_MAX} names, got ${value.length}` };
        return { value: value.map((v: string) => v.trim()) };
    }
  };

  /** Reads sources/basis/rationale of an entry or a link. */
  const readProvenance = (file: string, entry: string, prefix: string, raw: Raw): Provenance => {
    const basis = raw.basis ?? 'sourced';
    if (basis !== 'sourced' && basis !== 'curated') {
      problem(file, entry, `${prefix}basis`, `must be sourced or curated, got ${JSON.stringify(basis)}`);
    }
    let rationale: string | undefined;
    if (raw.rationale !== undefined) {
      if (typeof raw.rationale !== 'string' || raw.rationale.trim() === '') problem(file, entry, `${prefix}rationale`, 'must be a non-empty string');
      else rationale = raw.rationale.trim();
    }
    if (basis === 'curated' && rationale === undefined) {
      problem(file, entry, `${prefix}rationale`, 'a curated link needs a one-line rationale');
    }
    if (basis === 'sourced' && rationale !== undefined) {
      problem(file, entry, `${prefix}rationale`, 'only curated facts carry a rationale; sourced facts cite their source');
    }
    const citations: Citation[] = [];
    if (raw.sources === undefined) {
      if (basis !== 'curated') problem(file, entry, `${prefix}sources`, 'missing: every fact names its source (document and paragraph)');
    } else if (!Array.isArray(raw.sources) || (raw.sources.length === 0 && basis !== 'curated')) {
      problem(file, entry, `${prefix}sources`, 'must be a non-empty list of citations {doc, at}');
    } else {
      raw.sources.forEach((c: unknown, i: number) => {
        const field = `${prefix}sources[${i}]`;
        if (!isMap(c)) return problem(file, entry, field, 'must be a citation {doc, at?, tag?, quote?}');
        for (const key of Object.keys(c)) {
          if (!['doc', 'at', 'tag', 'quote'].includes(key)) problem(file, entry, `${field}.${key}`, 'unknown field (expected doc, at, tag, quote)');
        }
        const quote = readQuote(c.quote, (message) => problem(file, entry, `${field}.quote`, message));
        if (typeof c.doc !== 'string' || c.doc === '') return problem(file, entry, `${field}.doc`, 'missing document id');
        pendingCitations.push({ file, entry, field: `${field}.doc`, doc: c.doc });
        let at: string | undefined;
        if (c.at !== undefined) {
          if ((typeof c.at !== 'string' && typeof c.at !== 'number') || String(c.at).trim() === '') {
            problem(file, entry, `${field}.at`, 'must be a paragraph locator such as "4" or "fn1"');
          } else at = String(c.at).trim();
        }
        const tag = c.tag ?? 'V';
        if (tag === 'U') {
          problem(file, entry, `${field}.tag`, 'unconfirmed facts ([U]) must not be loaded');
        } else if (tag !== 'V' && tag !== 'P') {
          problem(file, entry, `${field}.tag`, `must be V or P, got ${JSON.stringify(tag)}`);
        }
        citations.push({ doc: c.doc, at, tag: tag === 'P' ? 'P' : 'V', ...(quote === undefined ? {} : { quote }) });
      });
    }
    return { citations, basis: basis === 'curated' ? 'curated' : 'sourced', rationale };
  };

  for (const file of files) {
    const text = fs.readFileSync(path.join(dataDir, file), 'utf8');
    hash.update(`${file}\0${text}\0`);
    let doc: unknown;
    try {
      doc = YAML.parse(text);
    } catch (error) {
      problem(file, '-', '-', `is not valid YAML: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`);
      continue;
    }
    const expected = LABELS.find((l) => l.file === file);
    if (!expected) {
      problem(file, '-', '-', `unknown data file: expected one of ${LABELS.map((l) => l.file).join(', ')}`);
      continue;
    }
    seenFiles.add(file);
    if (!isMap(doc)) {
      problem(file, '-', '-', 'must be a mapping with label and entries');
      continue;
    }
    if (doc.label !== expected.label) {
      problem(file, '-', 'label', `must be ${expected.label}, got ${JSON.stringify(doc.label)}`);
      continue;
    }
    if (!Array.isArray(doc.entries)) {
      problem(file, '-', 'entries', 'must be a list');
      continue;
    }
    const spec = labelSpec(expected.label)!;
    const allProps: Record<string, PropertySpec> = { ...model.common, ...spec.properties };

    doc.entries.forEach((raw: unknown, index: number) => {
      if (!isMap(raw)) return problem(file, `#${index + 1}`, '-', 'each entry must be a mapping');
      const id = raw.id;
      const entry = typeof id === 'string' ? id : `#${index + 1}`;
      if (typeof id !== 'string' || !ID.test(id)) {
        problem(file, entry, 'id', `must be lowercase kebab-case like aichi-target-12, got ${JSON.stringify(id)}`);
        return;
      }
      const existing = nodes.get(id);
      if (existing) {
        problem(file, entry, 'id', `duplicate id: also used in ${existing.file}`);
        return;
      }
      const props: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(raw)) {
        if (ENTRY_KEYS.has(key)) continue;
        const propSpec = allProps[key];
        if (!propSpec) {
          problem(file, entry, key, `unknown field for ${spec.label} (allowed: ${Object.keys(allProps).join(', ')})`);
          continue;
        }
        const read = readValue(propSpec, value);
        if (read.error) problem(file, entry, key, read.error);
        else props[key] = read.value;
      }
      for (const [key, propSpec] of Object.entries(allProps)) {
        if (propSpec.required && raw[key] === undefined) problem(file, entry, key, 'missing (required)');
      }
      checkOrder(props, 'startYear', 'endYear', (m) => problem(file, entry, 'endYear', m));
      checkOrder(props, 'startDate', 'endDate', (m) => problem(file, entry, 'endDate', m));
      const provenance = readProvenance(file, entry, '', raw);
      nodes.set(id, { id, label: spec.label, file, props, ...provenance });

      if (raw.links !== undefined) {
        if (!Array.isArray(raw.links)) problem(file, entry, 'links', 'must be a list');
        else
          raw.links.forEach((link: unknown, i: number) => {
            const field = `links[${i}]`;
            if (!isMap(link)) problem(file, entry, field, 'must be a mapping {type, to, sources}');
            else pendingLinks.push({ file, entry, field, from: id, fromLabel: spec.label, raw: link });
          });
      }
    });
  }
  for (const label of LABELS) {
    if (!seenFiles.has(label.file) && !problems.some((p) => p.file === label.file)) {
      problem(label.file, '-', '-', `missing file: the ${label.label} entries live here (an empty "entries: []" is allowed)`);
    }
  }

  for (const c of pendingCitations) {
    const target = nodes.get(c.doc);
    if (!target) problem(c.file, c.entry, c.field, `unknown document "${c.doc}" (add it to documents.yaml)`);
    else if (target.label !== 'Document') problem(c.file, c.entry, c.field, `"${c.doc}" is a ${target.label}, not a Document`);
  }
  for (const node of nodes.values()) {
    if (node.label === 'Paragraph') {
      const doc = nodes.get(String(node.props.document));
      if (!doc || doc.label !== 'Document') problem(node.file, node.id, 'document', `unknown document "${node.props.document}"`);
    }
  }

  const relationships = new Map<string, RelationshipRecord>();
  for (const link of pendingLinks) {
    const { file, entry, raw } = link;
    const field = link.field;
    for (const key of Object.keys(raw)) {
      if (!LINK_KEYS.has(key)) problem(file, entry, `${field}.${key}`, `unknown field (allowed: ${[...LINK_KEYS].join(', ')})`);
    }
    const spec = typeof raw.type === 'string' ? relationshipSpec(raw.type) : undefined;
    if (!spec) {
      problem(file, entry, `${field}.type`, `unknown relationship type ${JSON.stringify(raw.type)}`);
      continue;
    }
    const target = typeof raw.to === 'string' ? nodes.get(raw.to) : undefined;
    if (!target) {
      problem(file, entry, `${field}.to`, `unknown id ${JSON.stringify(raw.to)}`);
      continue;
    }
    if (!spec.endpoints.some(([f, t]) => f === link.fromLabel && t === target.label)) {
      problem(
        file,
        entry,
        `${field}.type`,
        `${spec.type} cannot join ${link.fromLabel} to ${target.label} (allowed: ${spec.endpoints.map(([f, t]) => `${f}->${t}`).join(', ')})`,
      );
      continue;
    }
    const props: Record<string, unknown> = {};
    if (raw.props !== undefined && !isMap(raw.props)) problem(file, entry, `${field}.props`, 'must be a mapping');
    for (const [key, value] of Object.entries(isMap(raw.props) ? raw.props : {})) {
      const propSpec = spec.properties[key];
      if (!propSpec) {
        problem(file, entry, `${field}.props.${key}`, `unknown property for ${spec.type} (allowed: ${Object.keys(spec.properties).join(', ') || 'none'})`);
        continue;
      }
      const read = readValue(propSpec, value);
      if (read.error) problem(file, entry, `${field}.props.${key}`, read.error);
      else props[key] = read.value;
    }
    for (const [key, propSpec] of Object.entries(spec.properties)) {
      if (propSpec.required && props[key] === undefined && !problems.some((p) => p.field === `${field}.props.${key}` && p.entry === entry)) {
        problem(file, entry, `${field}.props.${key}`, 'missing (required)');
      }
    }
    if (raw.key !== undefined && (typeof raw.key !== 'string' || !ID.test(raw.key))) {
      problem(file, entry, `${field}.key`, 'must be kebab-case (it tells apart two links of the same type between the same ends)');
    }
    const id = `${link.from}--${spec.type}--${target.id}${typeof raw.key === 'string' ? `--${raw.key}` : ''}`;
    if (relationships.has(id)) {
      problem(file, entry, field, `duplicate link ${spec.type} to ${target.id} (add a distinct key to tell them apart)`);
      continue;
    }
    const provenance = readProvenance(file, entry, `${field}.`, raw);
    relationships.set(id, { id, type: spec.type, from: link.from, to: target.id, file, props, ...provenance });
  }

  if (problems.length === 0) problems.push(...checkRelationshipFieldSizes(model, [...nodes.values()], [...relationships.values()]));
  if (problems.length > 0) throw new ValidationError(problems);
  return { nodes: [...nodes.values()], relationships: [...relationships.values()], dataHash: hash.digest('hex') };
}

function checkOrder(props: Record<string, unknown>, first: string, last: string, report: (message: string) => void) {
  const a = props[first];
  const b = props[last];
  if (a !== undefined && b !== undefined && String(a) > String(b)) report(`${last} (${b}) is before ${first} (${a})`);
}
