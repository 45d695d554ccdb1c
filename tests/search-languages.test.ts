/**
 * Search in both languages: the report is French, most names are English. Accents, French elisions and
 * plurals in either language find the same things; user text never becomes Lucene syntax.
 */
import { describe, expect, it } from 'vitest';
import { searchTerms, toLuceneQueries } from '../src/explore/lucene.js';
import { useApi } from './support/api.js';

const run = useApi();

async function search(text: string, first = 20) {
  const { data, errors } = await run('query($t: String!, $n: Int) { search(text: $t, first: $n) { score node { kind key } } }', {
    t: text,
    n: first,
  });
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  const hits = data.search as { score: number; node: { kind: string; key: string } }[];
  for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
  expect(new Set(hits.map((h) => h.node.key)).size, 'a hit found by both indexes comes once').toBe(hits.length);
  return hits.map((h) => h.node.key);
}

describe('the African elephant and its action plan', () => {
  it.each(['éléphant', 'eléphant', 'elephant', 'elephants', 'Éléphants', 'Afrique', "d'Afrique", 'd’Afrique', "éléphant d'Afrique"])(
    '"%s" finds both',
    async (text) => {
      const keys = await search(text);
      expect(keys).toContain('loxodonta-africana');
      expect(keys).toContain('african-elephant-action-plan');
      // The species itself comes before the plan, and near the top.
      expect(keys.indexOf('loxodonta-africana')).toBeLessThan(keys.indexOf('african-elephant-action-plan'));
      expect(keys.indexOf('loxodonta-africana')).toBeLessThan(3);
    },
  );

  it('"elephant" ranks the species first, as docs/queries.md promises', async () => {
    expect((await search('elephant', 10))[0]).toBe('loxodonta-africana');
  });
});

describe('French words for English names', () => {
  it('"tortues marines" finds the marine turtles, their SC61 request and the IOSEA MOU', async () => {
    const keys = await search('tortues marines');
    expect(keys[0]).toBe('marine-turtles');
    expect(keys).toEqual(expect.arrayContaining(['sc61-request-marine-turtles', 'iosea-marine-turtle-mou']));
  });

  it('"Maroc" finds paragraph 6 of the report, which thanks Morocco (the Party has no French name in data/)', async () => {
    const keys = await search('Maroc');
    expect(keys).toContain('stc38-report-p6');
    const { data } = await run('{ entity(key: "stc38-report-p6") { ... on Paragraph { text } } party(key: "morocco") { nameFr } }');
    expect(data.entity.text).toMatch(/Maroc/);
    // When a curator gives Morocco its French name, "Maroc" finds the Party too.
    if (data.party.nameFr) expect(keys).toContain('morocco');
  });

  it('English stemming: "conserving" finds the CMS objective named for conservation (no prefix of it matches)', async () => {
    expect(await search('conserving')).toContain('cms-sp-objective-2');
  });
});

describe('user text stays text', () => {
  it('keeps only letters and digits, drops elided articles and possessives', () => {
    expect(searchTerms("L'éléphant d’Afrique")).toEqual(['éléphant', 'afrique']);
    expect(searchTerms("the elephant's range")).toEqual(['the', 'elephant', 'range']);
    expect(searchTerms('gorilla AND *:* OR "unclosed')).toEqual(['gorilla', 'and', 'or', 'unclosed']);
    expect(searchTerms('*** ???')).toEqual([]);
  });

  it('builds queries from those terms only: no Lucene operator, quote, colon or wildcard survives from the input', () => {
    const queries = toLuceneQueries('name:x^9 OR (a AND b) "q" ~1 \\ [1 TO 2] {x} éléph*')!;
    for (const query of [queries.english, queries.french]) {
      // What remains besides the terms is our own syntax: fields, boosts, OR, parentheses, prefix stars.
      const stripped = query
        .replace(/\b(nameFr|name):/g, '')
        .replace(/\^3/g, '')
        .replace(/ OR /g, ' ')
        .replace(/[()]/g, ' ');
      expect(stripped).toMatch(/^[\p{L}\p{N}* ]+$/u);
      expect(stripped).not.toMatch(/\bAND\b|\bTO\b|\bNOT\b/);
    }
    expect(queries.french).toContain('eleph*');
  });

  it('answers a hostile query with hits, not an error', async () => {
    const { errors } = await run('{ search(text: "éléphant AND *:* OR \\"unclosed [1 TO 2] d\'") { node { key } } }');
    expect(errors).toBeUndefined();
  });
});
