/**
 * The provenance of an entry or a link in data/: its basis, its rationale (curated facts only) and its
 * citations {doc, at?, tag?, quote?}. Problems are reported by field; the documents cited are returned so
 * the caller checks they exist.
 */
import { readQuote } from './quotes.js';
import type { Citation, Provenance } from './validate.js';

export type Report = (field: string, message: string) => void;
export const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ReadProvenance {
  provenance: Provenance;
  /** Each cited document, with the field that cites it. */
  documents: { field: string; doc: string }[];
}

export function readProvenance(raw: Record<string, unknown>, report: Report): ReadProvenance {
  const basis = raw.basis ?? 'sourced';
  if (basis !== 'sourced' && basis !== 'curated') report('basis', `must be sourced or curated, got ${JSON.stringify(basis)}`);
  let rationale: string | undefined;
  if (raw.rationale !== undefined) {
    if (typeof raw.rationale !== 'string' || raw.rationale.trim() === '') report('rationale', 'must be a non-empty string');
    else rationale = raw.rationale.trim();
  }
  if (basis === 'curated' && rationale === undefined) report('rationale', 'a curated link needs a one-line rationale');
  if (basis === 'sourced' && rationale !== undefined) report('rationale', 'only curated facts carry a rationale; sourced facts cite their source');
  const citations: Citation[] = [];
  const documents: { field: string; doc: string }[] = [];
  if (raw.sources === undefined) {
    if (basis !== 'curated') report('sources', 'missing: every fact names its source (document and paragraph)');
  } else if (!Array.isArray(raw.sources) || (raw.sources.length === 0 && basis !== 'curated')) {
    report('sources', 'must be a non-empty list of citations {doc, at}');
  } else {
    raw.sources.forEach((c: unknown, i: number) => {
      const citation = readCitation(c, (field, message) => report(`sources[${i}]${field}`, message));
      if (citation) {
        citations.push(citation);
        documents.push({ field: `sources[${i}].doc`, doc: citation.doc });
      }
    });
  }
  return { provenance: { citations, basis: basis === 'curated' ? 'curated' : 'sourced', rationale }, documents };
}

/** One citation; fields are reported relative to it (".doc", ".tag", "" for the whole). */
export function readCitation(c: unknown, report: Report): Citation | undefined {
  if (!isMap(c)) {
    report('', 'must be a citation {doc, at?, tag?, quote?}');
    return undefined;
  }
  for (const key of Object.keys(c)) {
    if (!['doc', 'at', 'tag', 'quote'].includes(key)) report(`.${key}`, 'unknown field (expected doc, at, tag, quote)');
  }
  const quote = readQuote(c.quote, (message) => report('.quote', message));
  if (typeof c.doc !== 'string' || c.doc === '') {
    report('.doc', 'missing document id');
    return undefined;
  }
  let at: string | undefined;
  if (c.at !== undefined) {
    if ((typeof c.at !== 'string' && typeof c.at !== 'number') || String(c.at).trim() === '')
      report('.at', 'must be a paragraph locator such as "4" or "fn1"');
    else at = String(c.at).trim();
  }
  const tag = c.tag ?? 'V';
  if (tag === 'U') report('.tag', 'unconfirmed facts ([U]) must not be loaded');
  else if (tag !== 'V' && tag !== 'P') report('.tag', `must be V or P, got ${JSON.stringify(tag)}`);
  return { doc: c.doc, at, tag: tag === 'P' ? 'P' : 'V', ...(quote === undefined ? {} : { quote }) };
}
