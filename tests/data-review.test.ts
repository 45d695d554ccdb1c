/**
 * The review of data/ against the report and ../shared/facts (issue 11, part 3), and the facts recovered
 * after it (part 4): each finding as the graph now answers it. Read-only Cypher on the shared test Neo4j;
 * the French names are checked against data/ and the report's text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.js';
import { normaliseForQuote } from '../src/ingest/quotes.js';
import { readGraph } from '../src/ingest/validate.js';
import { sharedDatabase } from './support/db.js';
import { FACTS_DIR } from './support/quoteCheck.js';

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

describe('the review findings, fixed', () => {
  it('IOSEA concerns exactly its six marine turtles: Natator depressus in, Lepidochelys kempii out', async () => {
    const rows = await query(
      `MATCH (:Instrument {id: 'iosea-marine-turtle-mou'})-[:CONCERNS]->(t:Taxon {rank: 'species'}) RETURN t.scientificName AS name ORDER BY name`,
    );
    expect(rows.map((r) => r.name)).toEqual([
      'Caretta caretta',
      'Chelonia mydas',
      'Dermochelys coriacea',
      'Eretmochelys imbricata',
      'Lepidochelys olivacea',
      'Natator depressus',
    ]);
  });

  it('no PART_OF from the requests, the briefing, the consultation, the 2011 themes or the paragraph 6 activities to a programme', async () => {
    const rows = await query(
      `MATCH (a:Activity)-[r:PART_OF]->(w:WorkProgramme)
       WHERE a.id STARTS WITH 'sc61-request-' OR a.id STARTS WITH 'theme-'
          OR a.id IN ['oral-briefing-stc38', 'consultation-on-draft-plan-2012-2014', 'joint-consultant', 'cms-own-synergy-work', 'cms-donor-funded-cooperation']
       RETURN a.id + ' -> ' + w.id AS link`,
    );
    expect(rows).toEqual([]);
    // The requests and the consultation are about the draft: they concern it, citing paragraph 8.
    const about = await query(
      `MATCH (a:Activity)-[r:CONCERNS]->(:WorkProgramme {id: 'jwp-2012-2014'}) WHERE 'stc38-report#8' IN r.citations RETURN count(a) AS n`,
    );
    expect(about[0].n).toBe(7);
  });

  it('Morocco is thanked by both secretariats; no recipient of its support is claimed', async () => {
    const rows = await query(
      `MATCH (:Party {id: 'morocco'})-[r]->(x) RETURN type(r) AS type, x.id AS to, r.citations AS citations, r.for AS for ORDER BY to`,
    );
    expect(rows).toEqual([
      { type: 'THANKED_BY', to: 'cites', citations: ['stc38-report#6'], for: 'leur généreux soutien' },
      { type: 'THANKED_BY', to: 'cms', citations: ['stc38-report#6'], for: 'leur généreux soutien' },
    ]);
  });

  it('the other donors of paragraph 6 are in the graph: they funded CMS cooperation activities and are thanked', async () => {
    const [row] = await query(
      `MATCH (d:Party {id: 'other-donors-stc38'})
       RETURN d.nameFr AS nameFr, [(d)-[r]->(x) | type(r) + ' ' + x.id] AS links`,
    );
    expect(row.nameFr).toBe('les autres donateurs');
    expect(row.links.sort()).toEqual(['FUNDED cms-donor-funded-cooperation', 'THANKED_BY cites', 'THANKED_BY cms']);
  });

  it('CMS Resolution 12.19 endorses the African Elephant Action Plan (adopted by the range States at CITES CoP15)', async () => {
    const rows = await query(`MATCH (:Decision {id: 'cms-res-12-19'})-[r]->(x) RETURN type(r) + ' ' + x.id AS link ORDER BY link`);
    expect(rows.map((r) => r.link)).toEqual(['ADOPTED_AT cms-cop12', 'ENDORSES african-elephant-action-plan', 'UNDER cms']);
  });

  it('the consultation was requested at SC61 per the IISD page, not per paragraph 8; its deadline is a date', async () => {
    const [row] = await query(
      `MATCH (a:Activity {id: 'consultation-on-draft-plan-2012-2014'})-[r:AGREED_AT]->(:Meeting {id: 'cites-sc61'})
       RETURN a.status AS status, a.deadline AS deadline, a.name AS name, r.citations AS citations`,
    );
    expect(row).toEqual({
      status: 'requested',
      deadline: '2011-10-31',
      name: 'Comments of CITES Parties on the draft joint plan 2012-2014',
      citations: ['web-iisd-draft-joint-action-plan'],
    });
  });

  it('no source-less common name: "African savanna elephant" is gone', async () => {
    const rows = await query(`MATCH (t:Taxon) WHERE any(n IN coalesce(t.commonNames, []) WHERE toLower(n) CONTAINS 'savanna') RETURN t.id AS id`);
    expect(rows).toEqual([]);
  });

  it("CMS objectives 1 and 2 carry the report's wording, their English names marked as translations", async () => {
    const rows = await query(
      `MATCH (o:Objective) WHERE o.id IN ['cms-sp-objective-1', 'cms-sp-objective-2'] RETURN o.id AS id, o.name AS name, o.nameFr AS nameFr ORDER BY id`,
    );
    expect(rows[0].name).not.toMatch(/best available information/);
    expect(rows[0].nameFr).toMatch(/la meilleure information possible$/);
    for (const r of rows) expect(r.name).toMatch(/\(translated from the report\)$/);
  });

  it('the weak curated SERVES links are gone', async () => {
    const removed = [
      ['consultation-on-draft-plan-2012-2014', 'aichi-target-17'],
      ['theme-governing-bodies-preparation', 'aichi-target-17'],
      ['sc61-request-marine-turtles', 'aichi-target-10'],
      ['oral-briefing-stc38', 'aichi-target-19'],
      ['theme-mutual-staff-support', 'aichi-target-19'],
      ['joint-consultant', 'aichi-target-19'],
      ['cms-own-synergy-work', 'aichi-target-20'],
      ['etis', 'aichi-target-4'],
    ];
    const rows = await query(
      `UNWIND $pairs AS pair MATCH (a:Entity {id: pair[0]})-[:SERVES]->(t:AichiTarget {id: pair[1]}) RETURN a.id + ' -> ' + t.id AS link`,
      { pairs: removed },
    );
    expect(rows).toEqual([]);
  });

  it('each Aichi-to-GBF correspondence has its own rationale', async () => {
    const rows = await query(`MATCH (:AichiTarget)-[r:CORRESPONDS_TO]->(:GbfTarget) RETURN r.basis AS basis, r.rationale AS rationale`);
    expect(rows.length).toBe(10);
    expect(new Set(rows.map((r) => r.rationale)).size).toBe(rows.length);
    for (const r of rows) expect(r.basis).toBe('curated');
  });

  it('statuses the report does not give are not invented', async () => {
    const rows = await query(
      `MATCH (a:Activity) WHERE a.id IN ['joint-consultant', 'cms-own-synergy-work', 'cms-donor-funded-cooperation']
       RETURN a.id AS id, a.status AS status, a.startYear AS startYear, a.endYear AS endYear ORDER BY id`,
    );
    for (const r of rows) expect(r).toMatchObject({ status: 'undertaken', startYear: null, endYear: null });
  });

  it('the action requested (a) and the adoption meetings of Resolutions 9.6 and 8.11 are in the graph', async () => {
    const [row] = await query(
      `RETURN
         [(:Document {id: 'stc38-annex-1'})-[r:TO_BE_CONSIDERED_AT]->(m) | [m.id, r.action, r.citations[0]]] AS examine,
         [(:Decision {id: 'cms-res-9-6'})-[r:ADOPTED_AT]->(m) | [m.id, r.basis]] AS res96,
         [(:Decision {id: 'cms-res-8-11'})-[r:ADOPTED_AT]->(m) | [m.id, r.basis]] AS res811`,
    );
    expect(row).toEqual({
      examine: [['cms-stc38', 'examine', 'stc38-report#action']],
      res96: [['cms-cop9', 'sourced']],
      res811: [['cms-cop8', 'curated']],
    });
  });
});

describe('French names come from the report, or are marked as translations', () => {
  const graph = readGraph(path.join(PROJECT_ROOT, 'data'));
  const report = normaliseForQuote(
    graph.nodes
      .filter((n) => n.label === 'Paragraph' && n.props.document === 'stc38-report')
      .map((n) => String(n.props.text))
      .join('\n'),
  );
  const facts = normaliseForQuote(
    ['domain-facts.md', 'joint-activities-facts.md'].map((f) => fs.readFileSync(path.join(FACTS_DIR, f), 'utf8')).join('\n'),
  );
  /** "a … b" is found when a and then b are found in that order. */
  const foundInOrder = (text: string, name: string) => {
    let from = 0;
    for (const piece of normaliseForQuote(name)
      .split('…')
      .map((p) => p.trim())) {
      const at = text.indexOf(piece, from);
      if (at < 0) return false;
      from = at + piece.length;
    }
    return true;
  };

  it('every nameFr is worded as the report (or the facts) give it, unless marked nameFrIsTranslation', () => {
    const unfounded = graph.nodes
      .filter((n) => typeof n.props.nameFr === 'string' && n.props.nameFrIsTranslation !== true)
      .filter((n) => !foundInOrder(report, String(n.props.nameFr)) && !foundInOrder(facts, String(n.props.nameFr)))
      .map((n) => `${n.id}: ${n.props.nameFr}`);
    expect(unfounded).toEqual([]);
  });

  it("the report's own names are there: Maroc, the StC34 document, the four CMS objectives", () => {
    const nameFr = (id: string) => graph.nodes.find((n) => n.id === id)?.props.nameFr;
    expect(nameFr('morocco')).toBe('Maroc');
    expect(nameFr('unep-cms-stc34-3')).toBe('document UNEP/CMS/StC34/3');
    for (const id of ['cms-sp-objective-1', 'cms-sp-objective-2', 'cms-sp-objective-3', 'cms-sp-objective-4']) {
      expect(foundInOrder(report, String(nameFr(id))), id).toBe(true);
    }
    expect(nameFr('cms')).toBeUndefined();
  });
});

describe('facts recovered after the report (joint-activities-facts.md)', () => {
  it('the Strategic Plan for Migratory Species 2015-2023 has 16 targets; two Aichi links are sourced, the wording parallels curated', async () => {
    const rows = await query(
      `MATCH (o:Objective)-[:PART_OF]->(:StrategicPlan {id: 'cms-spms-2015-2023'})
       OPTIONAL MATCH (o)-[s:SERVES]->(a:AichiTarget)
       RETURN o.code AS code, a.number AS aichi, s.basis AS basis, s.rationale AS rationale ORDER BY toInteger(code)`,
    );
    expect(rows.map((r) => r.code)).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1)));
    const sourced = rows.filter((r) => r.basis === 'sourced').map((r) => [r.code, r.aichi]);
    expect(sourced).toEqual([
      ['1', 1],
      ['10', 11],
    ]);
    const curated = rows.filter((r) => r.basis === 'curated');
    expect(curated).toHaveLength(12);
    expect(new Set(curated.map((r) => r.rationale)).size).toBe(12);
    expect(rows.filter((r) => r.aichi === null).map((r) => r.code)).toEqual(['3', '9']);
  });

  it('a fully sourced chain: JWP 2015-2020 activity 4.1 supports SPMS target 1, which serves Aichi Target 1', async () => {
    const rows = await query(
      `MATCH (a:Activity {id: 'jwp-2015-2020-activity-4-1'})-[p:PART_OF]->(:WorkProgramme {id: 'jwp-2015-2020'}),
             (a)-[s:SUPPORTS]->(o:Objective)-[v:SERVES]->(t:AichiTarget)
       RETURN o.id AS objective, t.number AS target, [p.basis, s.basis, v.basis] AS bases`,
    );
    expect(rows).toEqual([{ objective: 'spms-target-1', target: 1, bases: ['sourced', 'sourced', 'sourced'] }]);
  });

  it('the recovered joint activities, with their species as taxa', async () => {
    const [row] = await query(
      `RETURN
         [(a:Activity)-[:PART_OF]->(:WorkProgramme {id: 'jwp-2015-2020'}) | a.id] AS jwp2015,
         [(:Activity {id: 'african-carnivores-initiative'})-[:CONCERNS]->(t:Taxon) | t.scientificName] AS carnivores,
         [(:Activity {id: 'jwp-2015-2020-provision-b17'})-[:CONCERNS]->(t:Taxon) | t.id] AS b17,
         [(a:Activity)-[:CONCERNS]->(:Taxon {id: 'saiga'}) | a.id] AS saiga,
         [(:Activity {id: 'african-carnivores-initiative-programme-of-work'})-[:PART_OF]->(x) | x.id] AS programmeOfWork,
         COLLECT { MATCH (w:WorkProgramme) WHERE w.startYear > 2011 RETURN [w.id, w.status] } AS laterProgrammes`,
    );
    expect(row.jwp2015.sort()).toEqual(['african-carnivores-initiative', 'jwp-2015-2020-activity-4-1', 'jwp-2015-2020-provision-b17']);
    expect(row.carnivores.sort()).toEqual(['Acinonyx jubatus', 'Lycaon pictus', 'Panthera leo', 'Panthera pardus']);
    expect(row.b17).toEqual(['sharks-and-rays']);
    expect(row.saiga.sort()).toEqual([
      'saiga-mou-cooperative-initiative',
      'saiga-review-cites-cop19',
      'saiga-side-event-cites-cop16',
      'theme-saiga-antelopes',
    ]);
    expect(row.programmeOfWork).toEqual(['african-carnivores-initiative']);
    // Adoption records of the later programmes were not found: none is "adopted".
    expect(Object.fromEntries(row.laterProgrammes)).toEqual({
      'jwp-2012-2014': 'draft',
      'jwp-2012-2014-final': 'in-effect',
      'jwp-2015-2020': 'in-effect',
    });
  });

  it('external identifiers are fields where a source gives them', async () => {
    const [row] = await query(
      `RETURN COLLECT { MATCH (t:Taxon) WHERE t.speciesPlusTaxonConceptId IS NOT NULL RETURN [t.id, t.speciesPlusTaxonConceptId] } AS speciesPlus,
              COLLECT { MATCH (o:Objective) WHERE o.dartTermId IS NOT NULL RETURN [o.id, o.dartTermId] ORDER BY o.id } AS dart,
              COUNT { (a:AichiTarget) WHERE a.cbdIdentifier = 'AICHI-TARGET-' + right('0' + toString(toInteger(a.number)), 2) } AS aichiIds`,
    );
    expect(row).toEqual({
      speciesPlus: [['loxodonta-africana', '4521']],
      dart: [
        ['cites-sv-2021-2030-goal-5', '4333'],
        ['spms-target-1', '1711'],
      ],
      aichiIds: 20,
    });
  });
});
