/**
 * Citation quotes: a short verbatim extract of the evidence, so a reader (and a test) can check that the
 * cited paragraph or page says what the fact claims.
 */

/** Longest quote accepted: a quote points at the evidence, it does not copy the source. */
export const MAX_QUOTE_LENGTH = 300;

/** Reads the optional `quote` of a citation; reports a problem and returns undefined when it is malformed. */
export function readQuote(value: unknown, problem: (message: string) => void): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    problem('must be a non-empty string: a verbatim extract of the cited text');
    return undefined;
  }
  const quote = value.trim().replace(/\s+/g, ' ');
  if (quote.length > MAX_QUOTE_LENGTH) {
    problem(`is ${quote.length} characters long; keep it under ${MAX_QUOTE_LENGTH} (a short extract, not the whole passage)`);
    return undefined;
  }
  return quote;
}

/**
 * The form in which a quote is compared with its source: whitespace collapsed and typographic apostrophes
 * made plain, nothing else changed (accents, case, punctuation and words must match).
 */
export function normaliseForQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
