/**
 * Turns what a user typed into a safe Lucene query: only runs of letters and digits survive, lowercased
 * (so AND/OR/NOT are words, not operators), each matched as a word or a prefix, a match in the name
 * counting more. Nothing the user types can be Lucene syntax.
 */
import { CEILINGS } from '../model/ceilings.js';

export function toLuceneQuery(text: string): string | undefined {
  const terms = (text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, CEILINGS.maxSearchTerms).map((t) => t.toLowerCase());
  if (terms.length === 0) return undefined;
  return terms.map((t) => `(name:${t}^3 OR ${t} OR ${t}*)`).join(' ');
}
