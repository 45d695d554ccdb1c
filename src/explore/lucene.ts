/**
 * Turns what a user typed into two safe Lucene queries, one for the English full-text index and one for
 * the French one (cypher/schema/indexEntitySearch*.cypher). Only runs of letters and digits survive,
 * lowercased (so AND/OR/NOT are words, not operators); French elided articles (d'Afrique, l'éléphant)
 * and English possessives (elephant's) are dropped. Each term is matched as a word, which the index's
 * analyzer stems (and, in French, folds accents of), or, from three letters on, as the start of a word
 * (prefixes are not analyzed, so they are folded here); a match in a name counts more. Nothing the user
 * types can be Lucene syntax.
 */
import { CEILINGS } from '../model/ceilings.js';

const MIN_PREFIX = 3;
/** Lucene's default French elisions (FrenchAnalyzer.DEFAULT_ARTICLES). */
const FRENCH_ELISIONS = new Set(['l', 'm', 't', 'qu', 'n', 's', 'j', 'd', 'c', 'jusqu', 'quoiqu', 'lorsqu', 'puisqu']);

export interface SearchQueries {
  english: string;
  french: string;
}

/** The words a user typed, without elided articles or possessive s, lowercased. */
export function searchTerms(text: string): string[] {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
  return words
    .flatMap((word) => {
      const parts = word.toLowerCase().split(/['’]/);
      if (parts.length > 1 && FRENCH_ELISIONS.has(parts[0]!)) parts.shift();
      if (parts.length > 1 && parts.at(-1) === 's') parts.pop();
      return parts;
    })
    .slice(0, CEILINGS.maxSearchTerms);
}

/** Without accents: prefixes skip the analyzers, and the French index holds folded terms. */
const fold = (term: string) => term.normalize('NFD').replace(/\p{M}/gu, '');

export function toLuceneQueries(text: string): SearchQueries | undefined {
  const terms = searchTerms(text);
  if (terms.length === 0) return undefined;
  const query = (names: string[]) =>
    terms
      .map((t) => {
        const prefix = fold(t);
        const alternatives = [...names.map((field) => `${field}:${t}^3`), t, ...(prefix.length >= MIN_PREFIX ? [`${prefix}*`] : [])];
        return `(${alternatives.join(' OR ')})`;
      })
      .join(' ');
  return { english: query(['name']), french: query(['nameFr', 'name']) };
}
