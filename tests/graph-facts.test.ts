/**
 * The loaded graph says what the report says, each statement with its paragraph, and nothing the facts
 * file leaves unconfirmed. Read-only Cypher on the shared test Neo4j (loaded from data/ by globalSetup).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { sharedDatabase } from './support/db.js';

const db = sharedDatabase();
afterAll(() => db.close());

async function query<T = any>(text: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const session = db.driver.session({ database: 'neo4j' });
  try {
    const result = await session.executeRead((tx) => tx.run(text, params));
    return result.records.map((r) => r.toObject() as T);
  } finally {
    await session.close();
  }
}

const REPORT_LOCATORS = ['title', '1', '2', '3', '4', 'fn1', '5', '6', '7', '8', '9', '10', '11', '12', 'action'];

describe('provenance', () => {
  it('every paragraph of the report is cited by at least one fact besides its own text', async () => {
    const rows = await query<{ locator: string; facts: number }>(
      `UNWIND $locators AS locator
       WITH locator, 'stc38-report#' + locator AS citation
       CALL (citation) {
         MATCH (n:Entity) WHERE citation IN n.citations AND NOT n:Paragraph RETURN count(n) AS nodes
       }
       CALL (citation) {
         MATCH (:Entity)-[r]->(:Entity) WHERE citation IN r.citations AND NOT (type(r) = 'PART_OF' AND startNode(r):Paragraph) RETURN count(r) AS rels
       }
       RETURN locator, nodes + rels AS facts`,
      { locators: REPORT_LOCATORS },
    );
    expect(rows).toHaveLength(REPORT_LOCATORS.length);
    for (const row of rows) expect(row.facts, `paragraph ${row.locator}`).toBeGreaterThan(0);
  });

  it('every node and relationship names a source, or is a curated judgement with its rationale', async () => {
    const [bad] = await query(
      `CALL () { MATCH (n:Entity) WHERE size(n.citations) = 0 AND NOT (n.basis = 'curated' AND n.rationale IS NOT NULL) RETURN count(n) AS nodes }
       CALL () { MATCH (:Entity)-[r]->(:Entity) WHERE size(r.citations) = 0 AND NOT (r.basis = 'curated' AND r.rationale IS NOT NULL) RETURN count(r) AS rels }
       RETURN nodes, rels`,
    );
    expect(bad).toEqual({ nodes: 0, rels: 0 });
    const [all] = await query(`MATCH (n:Entity) WITH count(n) AS nodes MATCH (:Entity)-[r]->(:Entity) RETURN nodes, count(r) AS rels`);
    expect(all.nodes).toBeGreaterThan(150);
    expect(all.rels).toBeGreaterThan(250);
  });

  it('every cited document exists in the graph; web pages have their URL', async () => {
    const missing = await query(
      `MATCH (n) WHERE n:Entity UNWIND n.citations AS c WITH DISTINCT split(c, '#')[0] AS doc
       WHERE NOT EXISTS { MATCH (:Document {id: doc}) } RETURN doc`,
    );
    expect(missing).toEqual([]);
    const pages = await query(`MATCH (d:Document {documentType: 'web-page'}) WHERE d.url IS NULL RETURN d.id AS id`);
    expect(pages).toEqual([]);
  });

  it('no link from an activity to an Aichi Target pretends a source states it', async () => {
    const sourced = await query(`MATCH (:Activity)-[r:SERVES]->(:AichiTarget) WHERE r.basis <> 'curated' RETURN r.id AS id`);
    expect(sourced).toEqual([]);
    const curated = await query(`MATCH (:Activity)-[r:SERVES]->(:AichiTarget) RETURN count(r) AS n`);
    expect(curated[0].n).toBeGreaterThan(10);
  });
});

describe('what the report says', () => {
  it('the 2002 Memorandum of Cooperation binds the two secretariats (paragraph 1)', async () => {
    const rows = await query(
      `MATCH (m:Instrument {id: 'memorandum-of-cooperation-2002'})-[r:BETWEEN]->(c:Convention)
       RETURN c.id AS convention, r.citations AS citations ORDER BY convention`,
    );
    expect(rows.map((r) => r.convention)).toEqual(['cites', 'cms']);
    for (const r of rows) expect(r.citations).toContain('stc38-report#1');
  });

  it('Resolution 8.2 adopted the CMS Strategic Plan 2006-2011 and its four objectives (paragraph 2)', async () => {
    const [plan] = await query(
      `MATCH (:Decision {id: 'cms-res-8-2'})-[a:ADOPTS]->(p:StrategicPlan)
       RETURN p.id AS id, p.status AS status, a.citations AS citations,
              [(o:Objective)-[:PART_OF]->(p) | o.text] AS objectives`,
    );
    expect(plan).toMatchObject({ id: 'cms-strategic-plan-2006-2011', status: 'adopted', citations: ['stc38-report#2'] });
    expect(plan.objectives).toHaveLength(4);
    expect(plan.objectives.join(' ')).toMatch(/meilleure information possible/);
    expect(plan.objectives.join(' ')).toMatch(/rôle de supervision et d'unification/);
  });

  it('keeps approved, proposed and draft apart', async () => {
    const rows = await query(
      `MATCH (n:Entity) WHERE n.id IN ['cms-strategic-plan-2006-2011', 'cms-strategic-plan-extension-2012-2014', 'jwp-2008-2010', 'jwp-2012-2014', 'cites-strategic-vision-2008-2013']
       RETURN n.id AS id, n.status AS status ORDER BY id`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({
      'cites-strategic-vision-2008-2013': 'adopted',
      'cms-strategic-plan-2006-2011': 'adopted',
      'cms-strategic-plan-extension-2012-2014': 'proposed',
      'jwp-2008-2010': 'extended',
      'jwp-2012-2014': 'draft',
    });
  });

  it('CITES SC57 (July 2008) and CMS StC34 (November 2008) approved the 2008-2010 plan; SC59 extended it (paragraph 4, footnote 1)', async () => {
    const rows = await query(
      `MATCH (:WorkProgramme {id: 'jwp-2008-2010'})-[r:APPROVED_BY]->(m:Meeting)
       RETURN m.id AS meeting, r.date AS date, r.citations AS citations ORDER BY date`,
    );
    expect(rows).toEqual([
      { meeting: 'cites-sc57', date: '2008-07', citations: ['stc38-report#4'] },
      { meeting: 'cms-stc34', date: '2008-11', citations: ['stc38-report#4'] },
      { meeting: 'cites-sc59', date: '2011-03', citations: ['stc38-report#fn1'] },
    ]);
  });

  it('France funded the joint consultant in 2009 (paragraph 6)', async () => {
    const rows = await query(
      `MATCH (:Party {id: 'france'})-[r:FUNDED]->(x) WHERE r.year = 2009 RETURN x.id AS recipient, r.citations AS citations ORDER BY recipient`,
    );
    expect(rows.map((r) => r.recipient)).toEqual(['cites', 'joint-consultant']);
    for (const r of rows) expect(r.citations).toEqual(['stc38-report#6']);
  });

  it('in 2011 Parties asked about gorillas, snow leopard, marine turtles, dugongs and the African Elephant Action Plan (paragraph 8)', async () => {
    const rows = await query(
      `MATCH (a:Activity {status: 'requested'})-[:AGREED_AT]->(:Meeting {id: 'cites-sc61'})
       MATCH (a)-[c:CONCERNS]->(x)
       WHERE 'stc38-report#8' IN a.citations AND 'stc38-report#8' IN c.citations
       RETURN collect(DISTINCT x.id) AS concerned`,
    );
    expect(rows[0].concerned).toEqual(
      expect.arrayContaining(['gorilla', 'panthera-uncia', 'marine-turtles', 'dugong-dugon', 'african-elephant-action-plan']),
    );
  });

  it('the draft 2012-2014 goes to CITES SC62 and CMS StC38 for approval, and takes the three plans into account (paragraphs 9, 12)', async () => {
    const [row] = await query(
      `MATCH (w:WorkProgramme {id: 'jwp-2012-2014'})
       RETURN [(w)-[r:TO_BE_CONSIDERED_AT]->(m) WHERE r.action = 'approve' | m.id] AS approvers,
              [(w)-[:TAKES_INTO_ACCOUNT]->(p) | p.id] AS plans,
              [(w)-[:INTEGRATED_INTO]->(p) | p.id] AS frameworks`,
    );
    expect(row.approvers.sort()).toEqual(['cites-sc62', 'cms-stc38']);
    expect(row.plans.sort()).toEqual(['cites-strategic-vision-2008-2013', 'cms-strategic-plan-2006-2011', 'cms-strategic-plan-extension-2012-2014']);
    expect(row.frameworks).toEqual(['strategic-plan-biodiversity-2011-2020']);
  });

  it('the annexes exist, unavailable: their rows are not invented', async () => {
    const rows = await query(
      `MATCH (d:Document) WHERE d.id IN ['stc38-annex-1', 'stc38-annex-2'] RETURN d.id AS id, d.available AS available ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 'stc38-annex-1', available: false },
      { id: 'stc38-annex-2', available: false },
    ]);
    const fromAnnexes = await query(`MATCH (n) WHERE any(c IN n.citations WHERE c STARTS WITH 'stc38-annex') RETURN n.id AS id`);
    expect(fromAnnexes).toEqual([]);
  });
});

describe('nothing unconfirmed ([U] in the facts file) is loaded', () => {
  it('only V and P confidence tags exist', async () => {
    const [row] = await query(
      `CALL () { MATCH (n:Entity) UNWIND n.tags AS t RETURN collect(DISTINCT t) AS a }
       CALL () { MATCH (:Entity)-[r]->(:Entity) UNWIND r.tags AS t RETURN collect(DISTINCT t) AS b }
       RETURN a + b AS tags`,
    );
    expect([...new Set(row.tags)].sort()).toEqual(['P', 'V']);
  });

  it('leaves out the unconfirmed facts the file lists', async () => {
    const [row] = await query(
      `RETURN
         COLLECT { MATCH (d:Document {id: 'stc38-report'}) WHERE d.symbol IS NOT NULL RETURN d.symbol } AS reportSymbol,
         COLLECT { MATCH (w:WorkProgramme) WHERE w.startYear >= 2012 AND w.status = 'adopted' RETURN w.id } AS laterProgrammesAdopted,
         COLLECT { MATCH (o:Objective) WHERE o.code IN ['1.4', '1.5', '1.6', '1.7', '1.8', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3', '3.4', '3.5'] RETURN o.id } AS unconfirmedCitesObjectives,
         COLLECT { MATCH (g:GbfTarget) WHERE NOT g.number IN [1, 2, 3, 4, 5, 18, 20, 22, 23] RETURN g.number } AS unverifiedGbfTargets,
         COLLECT { MATCH (t:Taxon)-[:LISTED_IN]->(:Convention {id: 'cms'}) WHERE t.id IN ['caretta-caretta', 'chelonia-mydas', 'eretmochelys-imbricata', 'lepidochelys-kempii', 'lepidochelys-olivacea', 'natator-depressus', 'dermochelys-coriacea', 'cheloniidae', 'dermochelyidae'] RETURN t.id } AS turtleCmsListings,
         COLLECT { MATCH (:Taxon {id: 'gorilla-gorilla'})-[r:LISTED_IN]->(:Convention {id: 'cms'}) WHERE r.since IS NOT NULL RETURN r.since } AS gorillaCmsDate,
         COLLECT { MATCH (:Taxon {id: 'dugong-dugon'})-[r:LISTED_IN]->(:Convention {id: 'cms'}) WHERE r.since IS NOT NULL RETURN r.since } AS dugongCmsDate,
         COLLECT { MATCH (o:Objective) WHERE o.id IN ['cms-sp-objective-1', 'cms-sp-objective-2'] AND o.description IS NOT NULL RETURN o.id } AS englishWordingFromMemory`,
    );
    expect(row).toEqual({
      reportSymbol: [],
      laterProgrammesAdopted: [],
      unconfirmedCitesObjectives: [],
      unverifiedGbfTargets: [],
      turtleCmsListings: [],
      gorillaCmsDate: [],
      dugongCmsDate: [],
      englishWordingFromMemory: [],
    });
  });
});
