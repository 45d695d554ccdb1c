/**
 * The example queries of docs/queries.md, run over HTTP against the loaded graph, and the answers the
 * page promises, checked against what the report says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docQueries } from './support/docQueries.js';
import { startTestServer, type TestServer } from './support/server.js';

const queries = docQueries();
let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

async function answer(name: string, variables: Record<string, unknown> = {}) {
  const query = queries.get(name);
  if (!query) throw new Error(`docs/queries.md has no query ${name}`);
  const { status, body } = await api.graphql(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(status).toBe(200);
  return body.data;
}

const idOf = async (key: string) => (await api.graphql('query($k: String!) { entity(key: $k) { id } }', { k: key })).body.data.entity.id;
const keys = (list: { key: string }[]) => list.map((x) => x.key).sort();

describe('docs/queries.md, analysts', () => {
  it('ActivitiesServingTarget12: activities with their route, each step with its provenance', async () => {
    const { aichiTarget } = await answer('ActivitiesServingTarget12');
    expect(aichiTarget.number).toBe(12);
    expect(aichiTarget.contributions.length).toBeGreaterThan(0);
    for (const c of aichiTarget.contributions) {
      // By default only the activities' own links: nothing inherited from a programme.
      expect(['DIRECT', 'VIA_OBJECTIVE', 'VIA_INITIATIVE']).toContain(c.route);
      expect(['SOURCED', 'CURATED']).toContain(c.foundation);
      if (c.foundation === 'CURATED') expect(c.rationale).toBeTruthy();
      expect(c.steps.at(-1).type).toBe('SERVES');
      expect(c.steps.at(-1).toKey).toBe('aichi-target-12');
      for (const step of c.steps) {
        expect(['SOURCED', 'CURATED']).toContain(step.provenance.basis);
        if (step.provenance.basis === 'CURATED') expect(step.provenance.rationale).toBeTruthy();
        else expect(step.provenance.citations.length).toBeGreaterThan(0);
      }
      expect(c.basis).toBe(c.steps.some((s: any) => s.provenance.basis === 'CURATED') ? 'CURATED' : 'SOURCED');
    }
    // The Parties' 2011 requests about gorillas reach target 12 with the species named.
    const gorillas = aichiTarget.contributions.filter((c: any) => c.species.some((s: any) => /^Gorilla/.test(s.scientificName)));
    expect(gorillas.length).toBeGreaterThan(0);
  });

  it('Target12WithInherited: the programme activities come last, labelled INHERITED with their programme', async () => {
    const { aichiTarget } = await answer('Target12WithInherited');
    const inherited = aichiTarget.contributions.filter((c: any) => c.foundation === 'INHERITED');
    expect(inherited.length).toBeGreaterThan(0);
    for (const c of inherited) {
      expect(c.route).toBe('VIA_PROGRAMME');
      expect(c.inheritedFrom.kind).toBe('WORK_PROGRAMME');
      expect(c.rationale).toBeTruthy();
    }
    const firstInherited = aichiTarget.contributions.findIndex((c: any) => c.foundation === 'INHERITED');
    expect(aichiTarget.contributions.slice(firstInherited).every((c: any) => c.foundation === 'INHERITED')).toBe(true);
    // Continuing the unfinished 2008-2011 activities reaches Target 12 only through its programme.
    expect(inherited.map((c: any) => c.activity.key)).toContain('continue-unfinished-2008-2011-activities');
    expect(aichiTarget.contributions.slice(0, firstInherited).map((c: any) => c.activity.key)).not.toContain(
      'continue-unfinished-2008-2011-activities',
    );
  });

  it('BothWays: every activity serving target 12 lists target 12 among its own', async () => {
    const { aichiTarget } = await answer('BothWays');
    for (const c of aichiTarget.contributions) {
      expect(c.activity.targetContributions.map((t: any) => t.target.number)).toContain(12);
    }
  });

  it('GbfTarget4: reached through the Aichi bridge, labelled curated', async () => {
    const { gbfTarget } = await answer('GbfTarget4');
    expect(gbfTarget.number).toBe(4);
    expect(gbfTarget.contributions.length).toBeGreaterThan(0);
    for (const c of gbfTarget.contributions) {
      expect(c.bridge.type).toBe('CORRESPONDS_TO');
      expect(c.bridge.provenance.basis).toBe('CURATED');
      expect(c.bridge.provenance.rationale).toBeTruthy();
      expect(c.foundation).toBe(c.contribution.foundation === 'INHERITED' ? 'INHERITED' : 'CURATED');
      expect(c.contribution.foundation).not.toBe('INHERITED');
    }
  });
});

describe('docs/queries.md, portals', () => {
  it('ActivitiesPage: the Parties requests of SC61 (paragraph 8), a page at a time', async () => {
    const first = (await answer('ActivitiesPage')).activities;
    expect(first.totalCount).toBeGreaterThanOrEqual(5); // gorillas, snow leopard, marine turtles, dugongs, elephant action plan
    for (const e of first.edges) expect(e.node.status).toBe('REQUESTED');
    const seen = first.edges.map((e: any) => e.node.key);
    if (first.pageInfo.hasNextPage) {
      const next = (await answer('ActivitiesPage', { after: first.pageInfo.endCursor })).activities;
      for (const e of next.edges) expect(seen).not.toContain(e.node.key);
    }
  });

  it('Approvals: CITES SC57 (July 2008) and CMS StC34 (November 2008) approved it, SC59 its extension to 2011', async () => {
    const { workProgramme } = await answer('Approvals');
    expect(workProgramme).toMatchObject({ status: 'EXTENDED', startYear: 2008, endYear: 2011, originalEndYear: 2010 });
    const approvals = workProgramme.approvedBy.map((a: any) => ({
      key: a.node.key,
      date: a.relationship.properties.date,
      cited: a.relationship.provenance.citations.map((c: any) => `${c.documentKey}#${c.locator}`),
    }));
    expect(approvals.map((a: any) => a.key).sort()).toEqual(['cites-sc57', 'cites-sc59', 'cms-stc34']);
    expect(approvals.find((a: any) => a.key === 'cites-sc57')).toMatchObject({ date: '2008-07', cited: expect.arrayContaining(['stc38-report#4']) });
    expect(approvals.find((a: any) => a.key === 'cms-stc34')).toMatchObject({ date: '2008-11', cited: expect.arrayContaining(['stc38-report#4']) });
    expect(approvals.find((a: any) => a.key === 'cites-sc59')).toMatchObject({
      date: '2011-03',
      cited: expect.arrayContaining(['stc38-report#fn1']),
    });
  });

  it('Donors: France funded the joint consultant in 2009; Morocco is thanked (paragraph 6)', async () => {
    const { parties } = await answer('Donors');
    const france = parties.nodes.find((p: any) => p.key === 'france');
    const morocco = parties.nodes.find((p: any) => p.key === 'morocco');
    const consultant = france.funded.filter((f: any) => f.year === 2009 && /consultant/i.test(`${f.recipient.name} ${f.purpose}`));
    expect(consultant.length).toBeGreaterThan(0);
    expect(keys(consultant.map((f: any) => f.recipient))).toEqual(expect.arrayContaining(['cites']));
    for (const f of [...consultant, ...morocco.thankedBy]) expect(f.relationship.provenance.citations.map((c: any) => c.locator)).toContain('6');
    // The report thanks Morocco without saying what its support went to: no recipient is claimed.
    expect(morocco.funded).toEqual([]);
    expect(keys(morocco.thankedBy.map((l: any) => l.node))).toEqual(['cites', 'cms']);
  });

  it('Elephant: CITES Appendix I with the southern African populations in Appendix II; CMS Appendix II', async () => {
    const { taxon } = await answer('Elephant');
    const cites = taxon.listings.filter((l: any) => l.convention.acronym === 'CITES');
    const cms = taxon.listings.filter((l: any) => l.convention.acronym === 'CMS');
    expect(cites.length).toBeGreaterThan(0);
    expect(cites.every((l: any) => l.asOf === '2012-09-25')).toBe(true);
    expect(JSON.stringify(cites)).toMatch(/Botswana/);
    expect(cms.map((l: any) => l.appendix)).toContain('II');
  });

  it('Search: "elephant" finds the African elephant first, and its action plan', async () => {
    const { search } = await answer('Search');
    expect(search.length).toBeGreaterThan(1);
    expect(search[0].node.key).toBe('loxodonta-africana');
    expect(search.map((h: any) => h.node.key)).toContain('african-elephant-action-plan');
    for (let i = 1; i < search.length; i++) expect(search[i - 1].score).toBeGreaterThanOrEqual(search[i].score);
  });
});

describe('docs/queries.md, researchers', () => {
  it('Connection: from CITES SC57 to Aichi Target 12, with provenance on every step', async () => {
    const { connections } = await answer('Connection', { from: await idOf('cites-sc57'), to: await idOf('aichi-target-12') });
    expect(connections.length).toBeGreaterThan(0);
    for (const path of connections) {
      expect(path.nodes[0].key).toBe('cites-sc57');
      expect(path.nodes.at(-1).key).toBe('aichi-target-12');
      expect(path.relationships).toHaveLength(path.length);
      expect(path.length).toBeLessThanOrEqual(4);
      for (const r of path.relationships) expect(['SOURCED', 'CURATED']).toContain(r.provenance.basis);
    }
  });

  it('TargetSynergies: the 20 targets, target 12 reached by both conventions', async () => {
    const { targetSynergies } = await answer('TargetSynergies');
    expect(targetSynergies).toHaveLength(20);
    const t12 = targetSynergies.find((s: any) => s.target.number === 12);
    expect(t12.coverage).toBe('BOTH');
    const gaps = targetSynergies.filter((s: any) => s.coverage === 'NONE');
    expect(gaps.length).toBeGreaterThan(0);
    for (const g of gaps) expect([g.cms.length, g.cites.length, g.cmsCount, g.citesCount]).toEqual([0, 0, 0, 0]);
    expect(t12.cmsCount).toBeGreaterThanOrEqual(t12.cms.length);
    expect(t12.cms.length).toBeGreaterThan(0);
    const t20 = targetSynergies.find((s: any) => s.target.number === 20);
    expect(t20.cites.map((l: any) => l.node.name)).not.toContain('Synergy work with CITES that CMS financed from its own resources');
  });

  it('SpeciesSynergies: gorillas, dugong and elephant are reached by both conventions', async () => {
    const { speciesSynergies } = await answer('SpeciesSynergies');
    const coverage = Object.fromEntries(speciesSynergies.map((s: any) => [s.taxon.scientificName, s.coverage]));
    for (const name of ['Gorilla gorilla', 'Dugong dugon', 'Loxodonta africana']) expect(coverage[name]).toBe('BOTH');
  });

  it('Report: every paragraph of the report, with its text and the facts citing it', async () => {
    const { document } = await answer('Report');
    const paragraphs = document.paragraphs.map((p: any) => p.node);
    expect(paragraphs.map((p: any) => p.locator)).toEqual(
      expect.arrayContaining(['1', '2', '3', '4', 'fn1', '5', '6', '7', '8', '9', '10', '11', '12', 'action']),
    );
    for (const p of paragraphs) {
      expect(p.text.length).toBeGreaterThan(20);
      // Beyond the Paragraph node itself, some fact of the graph cites each paragraph.
      const facts =
        p.statements.entities.filter((e: any) => e.kind !== 'PARAGRAPH').length +
        p.statements.relationships.filter((r: any) => r.relationship.type !== 'PART_OF').length;
      expect(facts, `paragraph ${p.locator}`).toBeGreaterThan(0);
    }
    expect(paragraphs.find((p: any) => p.locator === '6').text).toMatch(/France/);
    expect(keys(paragraphs.filter((p: any) => p.locator === '1').map((p: any) => ({ key: p.locator })))).toEqual(['1']);
  });
});
