/**
 * Provenance a reader can check: every citation of a sourced fact carries a short verbatim quote, found in
 * the report paragraph it cites, or being what ../shared/facts gives for the public page it cites.
 * Checked twice: over data/ as written, and over the graph as loaded (the report's text is in the graph).
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.js';
import fs from 'node:fs';
import { readGraph, ValidationError, type Graph } from '../src/ingest/validate.js';
import { sharedDatabase } from './support/db.js';
import { fixtureCopy } from './support/fixtures.js';
import { startTestServer } from './support/server.js';
import { quoteProblems, readFactsText, type CitedFact, type QuoteSources } from './support/quoteCheck.js';

const factsText = readFactsText();

function sourcesOf(graph: Graph): QuoteSources {
  const paragraphs = new Map<string, string>();
  const docsWithParagraphs = new Set<string>();
  const urls = new Map<string, string>();
  for (const n of graph.nodes) {
    if (n.label === 'Paragraph') {
      paragraphs.set(`${n.props.document}#${n.props.locator}`, String(n.props.text));
      docsWithParagraphs.add(String(n.props.document));
    }
    if (n.label === 'Document' && typeof n.props.url === 'string') urls.set(n.id, n.props.url);
  }
  return { paragraphs, docsWithParagraphs, urls };
}

function factsOf(graph: Graph): CitedFact[] {
  return [
    ...graph.nodes.map((n) => ({ where: `${n.file} › ${n.id}`, basis: n.basis, citations: n.citations })),
    ...graph.relationships.map((r) => ({ where: `${r.file} › ${r.from} › ${r.type} ${r.to}`, basis: r.basis, citations: r.citations })),
  ];
}

describe('the quote field', () => {
  it('is read from a citation, trimmed; a malformed one is refused naming the file, the entry and the field', () => {
    const good = fixtureCopy({
      'activities.yaml': (t) => t.replace('sources: [{ doc: report, at: "2" }]', 'sources: [{ doc: report, at: "2", quote: "  the  consultant " }]'),
    });
    const bad = fixtureCopy({
      'activities.yaml': (t) =>
        t
          .replace('sources: [{ doc: report, at: "2" }]', 'sources: [{ doc: report, at: "2", quote: "" }]')
          .replace('        sources: [{ doc: report, at: "2" }]', `        sources: [{ doc: report, at: "2", quote: "${'x'.repeat(301)}" }]`),
    });
    try {
      const activity = readGraph(good).nodes.find((n) => n.id === 'activity-a');
      expect(activity?.citations[0]?.quote).toBe('the consultant');
      let error: unknown;
      try {
        readGraph(bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      const problems = (error as ValidationError).problems.map((p) => `${p.file} › ${p.entry} › ${p.field}: ${p.message}`);
      expect(problems).toEqual([
        expect.stringMatching(/^activities\.yaml › activity-a › sources\[0\]\.quote: must be a non-empty string/),
        expect.stringMatching(/^activities\.yaml › activity-a › links\[0\]\.sources\[0\]\.quote: is 301 characters long/),
      ]);
    } finally {
      fs.rmSync(good, { recursive: true, force: true });
      fs.rmSync(bad, { recursive: true, force: true });
    }
  });
});

describe('quotes in data/', () => {
  const graph = readGraph(path.join(PROJECT_ROOT, 'data'));

  it('every citation of a sourced fact has a quote, found in the paragraph or page it cites', () => {
    expect(quoteProblems(factsOf(graph), sourcesOf(graph), factsText)).toEqual([]);
  });

  it('the check fails on a quote its source does not say, on a page quote the facts do not give, on a missing quote', () => {
    const facts: CitedFact[] = [
      { where: 'wrong paragraph', basis: 'sourced', citations: [{ doc: 'stc38-report', at: '8', quote: 'la France a apporté une contribution' }] },
      { where: 'right paragraph', basis: 'sourced', citations: [{ doc: 'stc38-report', at: '6', quote: 'la France a  apporté une contribution' }] },
      {
        where: 'apostrophe',
        basis: 'sourced',
        citations: [{ doc: 'stc38-report', at: '8', quote: "Plan d\u2019Action pour l\u2019Éléphant d'Afrique" }],
      },
      { where: 'page', basis: 'sourced', citations: [{ doc: 'web-jncc-iosea', quote: 'Lepidochelys kempii is covered' }] },
      { where: 'missing', basis: 'sourced', citations: [{ doc: 'stc38-report', at: '1' }] },
      { where: 'curated without quote', basis: 'curated', citations: [{ doc: 'stc38-report', at: '1' }] },
    ];
    const problems = quoteProblems(facts, sourcesOf(graph), factsText);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^wrong paragraph .*quote not in the paragraph/);
    expect(problems[1]).toMatch(/^page .*not what the facts give/);
    expect(problems[2]).toMatch(/^missing .*needs a verbatim quote/);
  });

  it('counts: how many sourced facts carry quotes', () => {
    const sourced = factsOf(graph).filter((f) => f.basis === 'sourced');
    const quoted = sourced.filter((f) => f.citations.every((c) => c.quote !== undefined));
    expect(quoted.length).toBe(sourced.length);
    expect(sourced.length).toBeGreaterThan(400);
  });
});

describe('quotes in the loaded graph', () => {
  const db = sharedDatabase();
  afterAll(() => db.close());

  it('every sourced node and relationship stores one quote per citation, found where it points', async () => {
    const session = db.driver.session({ database: 'neo4j' });
    try {
      const read = async (text: string) => (await session.executeRead((tx) => tx.run(text))).records.map((r) => r.toObject());
      const rows = await read(
        `MATCH (n:Entity) RETURN n.id AS where, n.basis AS basis, n.citations AS citations, n.quotes AS quotes
         UNION ALL
         MATCH (:Entity)-[r]->(:Entity) RETURN r.id AS where, r.basis AS basis, r.citations AS citations, r.quotes AS quotes`,
      );
      const docs = await read(
        `MATCH (d:Document) RETURN d.id AS id, d.url AS url,
           COLLECT { MATCH (p:Paragraph {document: d.id}) RETURN [p.locator, p.text] } AS paragraphs`,
      );
      const sources: QuoteSources = { paragraphs: new Map(), docsWithParagraphs: new Set(), urls: new Map() };
      for (const d of docs) {
        if (d.url) sources.urls.set(d.id, d.url);
        for (const [locator, text] of d.paragraphs) {
          sources.paragraphs.set(`${d.id}#${locator}`, text);
          sources.docsWithParagraphs.add(d.id);
        }
      }
      expect(rows.length).toBeGreaterThan(500);
      const facts: CitedFact[] = rows.map((r) => {
        expect(r.quotes, r.where).toHaveLength(r.citations.length);
        return {
          where: r.where,
          basis: r.basis,
          citations: r.citations.map((c: string, i: number) => {
            const hash = c.indexOf('#');
            return {
              doc: hash < 0 ? c : c.slice(0, hash),
              at: hash < 0 ? undefined : c.slice(hash + 1),
              quote: r.quotes[i] === '' ? undefined : r.quotes[i],
            };
          }),
        };
      });
      expect(quoteProblems(facts, sources, factsText)).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

describe('quotes in the bulk export', () => {
  it('GET /export gives each citation of a sourced fact with its quote', async () => {
    const api = await startTestServer({});
    try {
      const graph = (await (await fetch(`${api.url}/export`)).json()) as any;
      const sourced = [...graph.nodes, ...graph.relationships].filter((item: any) => item.provenance.basis === 'SOURCED');
      expect(sourced.length).toBeGreaterThan(500);
      for (const item of sourced) for (const c of item.provenance.citations) expect(c.quote, item.key).toBeTruthy();
      const morocco = graph.relationships.find((r: any) => r.key === 'morocco--THANKED_BY--cms');
      expect(morocco.provenance.citations).toEqual([
        {
          documentKey: 'stc38-report',
          locator: '6',
          confidence: 'VERIFIED',
          quote:
            'Les Secrétariats de CITES et de la CMS souhaitent profiter de cette occasion pour remercier les gouvernements de la France et du Maroc',
        },
      ]);
      expect(Object.keys(morocco.properties)).toEqual(['for']);
    } finally {
      await api.close();
    }
  });
});
