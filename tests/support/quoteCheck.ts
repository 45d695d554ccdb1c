/**
 * Checks that every quote of a citation is found in what it cites: a paragraph of the report (its text is
 * in the graph), the passage the facts files (../shared/facts) give for a public page, or a facts file
 * itself. Comparison after normaliseForQuote (whitespace, apostrophes) only; markdown emphasis markers of
 * the facts files (** and *) are not text and are dropped first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import { normaliseForQuote } from '../../src/ingest/quotes.js';

export const FACTS_DIR = process.env.FACTS_DIR ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'facts');
/** Facts files that are themselves Documents of the graph, by document id. */
export const FACTS_FILES: Record<string, string> = {
  'domain-facts': 'domain-facts.md',
  'joint-activities-facts': 'joint-activities-facts.md',
};

export interface CitedFact {
  /** "file › entry" or "file › entry › TYPE to". */
  where: string;
  basis: 'sourced' | 'curated';
  citations: { doc: string; at?: string; quote?: string }[];
}

export interface QuoteSources {
  /** "doc#locator" -> paragraph text. */
  paragraphs: Map<string, string>;
  /** Document ids that have paragraphs. */
  docsWithParagraphs: Set<string>;
  /** Document id -> url. */
  urls: Map<string, string>;
}

// Full URLs, and bare ones the facts write without the scheme (dev-chm.cbd.int/gbf/targets/5).
const URL_PATTERN = /(?:https?:\/\/|\b(?=[\w.-]+\.(?:org|int|net|com)\/))[^\s)|,;\]>]+/g;
export const urlKey = (url: string) =>
  url
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[./]+$/, '')
    .toLowerCase();
const plain = (text: string) => normaliseForQuote(text.replace(/\*\*|\*/g, ''));

export interface FactsText {
  /** url key -> the passages of the facts files that name that page. */
  passages: Map<string, string[]>;
  /**
   * For a page the facts name by its file rather than its URL (the CITES Appendices copy, "bin/appendices.php"):
   * the lines that name that file, or undefined.
   */
  passagesNaming: (url: string) => string[] | undefined;
  /** facts document id -> its whole text. */
  files: Map<string, string>;
}

/**
 * The passage the facts give for a page: the line (a table row, a bullet) that names its URL; when the URL
 * is on a "Source:" line introducing a table, that line and the section under it, up to the next heading.
 */
export function readFactsText(dir = FACTS_DIR): FactsText {
  const passages = new Map<string, string[]>();
  const files = new Map<string, string>();
  const allLines: string[] = [];
  for (const [doc, file] of Object.entries(FACTS_FILES)) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) throw new Error(`The facts file ${full} is missing: set FACTS_DIR to the folder of domain-facts.md`);
    const text = fs.readFileSync(full, 'utf8');
    // A quote may not come from a line that only the unconfirmed tag covers.
    files.set(
      doc,
      plain(
        text
          .split('\n')
          .filter((line) => !/\[U\]/.test(plain(line)) || /\[V\]/.test(line))
          .join('\n'),
      ),
    );
    const lines = text.split('\n');
    allLines.push(...lines);
    let previousUrls: string[] = [];
    lines.forEach((line, i) => {
      // A row that says "same URL" or "same page" names the page of the row above it.
      const urls = line.match(URL_PATTERN) ?? (/\bsame (URL|page)\b/i.test(line) ? previousUrls : []);
      if (urls.length === 0) return;
      previousUrls = urls;
      let passage = line;
      if (/^\s*(Sources?|Adoption|Design basis)\b/i.test(line)) {
        // A "Source:" line covers its whole section: the heading above it and the lines under it.
        for (let j = i - 1; j >= 0 && j >= i - 3; j--) if (/^#/.test(lines[j] ?? '')) passage = `${lines[j]}\n${passage}`;
        for (let j = i + 1; j < lines.length && !/^(#|---)/.test(lines[j] ?? ''); j++) passage += `\n${lines[j]}`;
      }
      for (const url of urls) {
        const key = urlKey(url);
        passages.set(key, [...(passages.get(key) ?? []), plain(passage)]);
      }
    });
  }
  const passagesNaming = (url: string) => {
    const file = url.split('/').at(-1) ?? '';
    if (!/\.\w+$/.test(file)) return undefined;
    // A line that names the file above a table covers the table (the CITES column of the species table).
    const naming: string[] = [];
    allLines.forEach((line, i) => {
      if (!line.includes(file)) return;
      let passage = line;
      if (!line.trimStart().startsWith('|'))
        for (let j = i + 1; j < allLines.length && !/^(#|---)/.test(allLines[j] ?? ''); j++) passage += `\n${allLines[j]}`;
      naming.push(plain(passage));
    });
    return naming.length > 0 ? naming : undefined;
  };
  return { passages, files, passagesNaming };
}

/** Every problem with the quotes of these facts, as readable lines; [] when all hold. */
export function quoteProblems(facts: CitedFact[], sources: QuoteSources, factsText: FactsText): string[] {
  const problems: string[] = [];
  for (const fact of facts) {
    fact.citations.forEach((c, i) => {
      const where = `${fact.where} › sources[${i}] (${c.doc}${c.at ? `#${c.at}` : ''})`;
      if (c.quote === undefined) {
        if (fact.basis === 'sourced') problems.push(`${where}: a sourced fact needs a verbatim quote of its evidence`);
        return;
      }
      const quote = normaliseForQuote(c.quote);
      if (sources.docsWithParagraphs.has(c.doc)) {
        const text = sources.paragraphs.get(`${c.doc}#${c.at}`);
        if (text === undefined) problems.push(`${where}: no paragraph "${c.at}" in ${c.doc}`);
        else if (!normaliseForQuote(text).includes(quote)) problems.push(`${where}: quote not in the paragraph: "${c.quote}"`);
        return;
      }
      const url = sources.urls.get(c.doc);
      if (url !== undefined) {
        const passages = factsText.passages.get(urlKey(url)) ?? factsText.passagesNaming(url);
        if (!passages) problems.push(`${where}: the facts files give nothing for ${url}`);
        else if (!passages.some((p) => p.includes(quote))) problems.push(`${where}: quote is not what the facts give for ${url}: "${c.quote}"`);
        return;
      }
      const factsFile = factsText.files.get(c.doc);
      if (factsFile !== undefined) {
        if (!factsFile.includes(quote)) problems.push(`${where}: quote not in the facts file ${c.doc}: "${c.quote}"`);
        return;
      }
      problems.push(`${where}: ${c.doc} has neither paragraphs in the graph, nor a URL, nor is a facts file: its quote cannot be checked`);
    });
  }
  return problems;
}
