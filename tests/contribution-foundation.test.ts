/**
 * Analysts: contributions ranked by how well they are founded. By default only activities with their own
 * link to the target; inherited ones (through the programme an activity belongs to) only when asked,
 * labelled INHERITED; the same through the Aichi bridge and from an activity back to its targets.
 */
import { describe, expect, it } from 'vitest';
import { useApi } from './support/api.js';

const run = useApi();

const FIELDS = `foundation basis route rationale activity { key } target { number } inheritedFrom { key kind }
  steps { type fromKey toKey provenance { basis rationale } }`;
const RANK: Record<string, number> = { SOURCED: 0, CURATED: 1, INHERITED: 2 };

async function contributionsOf(key: string, includeInherited?: boolean) {
  const args = includeInherited === undefined ? 'first: 100' : `first: 100, includeInherited: ${includeInherited}`;
  const { data, errors } = await run(`query($k: String!) { aichiTarget(key: $k) { contributions(${args}) { ${FIELDS} } } }`, { k: key });
  expect(errors).toBeUndefined();
  return data.aichiTarget.contributions as any[];
}

/** Best founded first, then by activity key. */
function expectRanked(list: { foundation: string; activity: { key: string } }[]) {
  for (let i = 1; i < list.length; i++) {
    const [a, b] = [list[i - 1]!, list[i]!];
    const order = RANK[a.foundation]! - RANK[b.foundation]! || a.activity.key.localeCompare(b.activity.key);
    expect(order, `${a.foundation} ${a.activity.key} before ${b.foundation} ${b.activity.key}`).toBeLessThanOrEqual(0);
  }
}

describe('Aichi Target 12, by default', () => {
  it('lists only activities with their own link: no step of membership in a programme', async () => {
    const own = await contributionsOf('aichi-target-12');
    expect(own.length).toBeGreaterThan(0);
    for (const c of own) {
      expect(c.foundation).not.toBe('INHERITED');
      expect(c.route).not.toBe('VIA_PROGRAMME');
      expect(c.inheritedFrom).toBeNull();
      expect(c.steps[0].fromKey).toBe(c.activity.key);
      expect(['SERVES', 'SUPPORTS', 'CONCERNS']).toContain(c.steps[0].type);
      expect(c.steps.at(-1)).toMatchObject({ type: 'SERVES', toKey: 'aichi-target-12' });
    }
    const keys = new Set(own.map((c) => c.activity.key));
    // The gorilla request has its own (curated) link; the oral briefing and the ICT support only belong
    // to a programme that serves Target 12.
    expect(keys).toContain('sc61-request-gorillas');
    expect(keys).not.toContain('continue-unfinished-2008-2011-activities');
    expect(keys).not.toContain('theme-shared-ict-support');
    expect(keys).not.toContain('seek-external-funding');
  });

  it('omitting includeInherited is the same as includeInherited: false', async () => {
    expect(await contributionsOf('aichi-target-12')).toEqual(await contributionsOf('aichi-target-12', false));
  });

  it('labels each as SOURCED (no curated step) or CURATED (with the rationale of its first curated step)', async () => {
    for (const c of await contributionsOf('aichi-target-12')) {
      const curated = c.steps.filter((s: any) => s.provenance.basis === 'CURATED');
      expect(c.foundation).toBe(curated.length > 0 ? 'CURATED' : 'SOURCED');
      expect(c.basis).toBe(c.foundation);
      expect(c.rationale).toBe(curated[0]?.provenance.rationale ?? null);
      if (c.foundation === 'CURATED') expect(c.rationale).toBeTruthy();
    }
  });

  it('ranks SOURCED before CURATED, then by activity key', async () => {
    expectRanked(await contributionsOf('aichi-target-12'));
  });
});

describe('includeInherited: true', () => {
  it('adds the VIA_PROGRAMME contributions, labelled INHERITED and naming the programme, after the others', async () => {
    const own = await contributionsOf('aichi-target-12');
    const all = await contributionsOf('aichi-target-12', true);
    const inherited = all.filter((c) => c.foundation === 'INHERITED');
    expect(inherited.length).toBeGreaterThan(0);
    expect(all.filter((c) => c.foundation !== 'INHERITED')).toEqual(own);
    for (const c of inherited) {
      expect(c.route).toBe('VIA_PROGRAMME');
      expect(c.steps[0]).toMatchObject({ type: 'PART_OF', fromKey: c.activity.key });
      expect(c.inheritedFrom).toEqual({ key: c.steps[0].toKey, kind: 'WORK_PROGRAMME' });
      // The rationale is the programme's: what was inherited.
      expect(c.rationale).toBe(c.steps[1].provenance.rationale);
    }
    expect(inherited.map((c) => c.activity.key)).toEqual(
      expect.arrayContaining(['continue-unfinished-2008-2011-activities', 'seek-external-funding', 'regular-reporting']),
    );
    expectRanked(all);
  });
});

describe('from an activity back to its targets', () => {
  it('gives only its own links by default, and the inherited ones when asked', async () => {
    const query = `query($inherit: Boolean) { activity(key: "regular-reporting") {
      own: targetContributions { ${FIELDS} }
      all: targetContributions(includeInherited: $inherit) { ${FIELDS} } } }`;
    const { data, errors } = await run(query, { inherit: true });
    expect(errors).toBeUndefined();
    const { own, all } = data.activity;
    expect(own.map((c: any) => c.target.number)).not.toContain(12);
    expect(own.every((c: any) => c.foundation !== 'INHERITED')).toBe(true);
    expect(all.filter((c: any) => c.foundation === 'INHERITED').map((c: any) => c.target.number)).toContain(12);
    for (let i = 1; i < all.length; i++) expect(RANK[all[i - 1].foundation]).toBeLessThanOrEqual(RANK[all[i].foundation]!);
  });

  it("agrees with the target side: each default contribution to target 12 is among the activity's own", async () => {
    const { data } = await run(
      `{ aichiTarget(key: "aichi-target-12") { contributions { activity { key targetContributions { target { number } foundation } } foundation } } }`,
    );
    for (const c of data.aichiTarget.contributions) {
      expect(c.activity.targetContributions.filter((t: any) => t.target.number === 12).map((t: any) => t.foundation)).toContain(c.foundation);
    }
  });
});

describe('GBF targets through the Aichi bridge', () => {
  it('counts the bridge: a curated bridge makes the contribution at best CURATED; inherited ones only when asked', async () => {
    const query = `query($inherit: Boolean) { gbfTargets(first: 23) { nodes { key
      contributions(first: 40, includeInherited: $inherit) { foundation aichiTarget { number } bridge { provenance { basis } }
        contribution { foundation activity { key } } } } } }`;
    const answer = await run(query, { inherit: false });
    expect(answer.errors).toBeUndefined();
    const own = answer.data.gbfTargets.nodes as any[];
    const all = (await run(query, { inherit: true })).data.gbfTargets.nodes as any[];
    const flat = (nodes: any[]) => nodes.flatMap((g) => g.contributions);
    expect(flat(own).length).toBeGreaterThan(0);
    expect(flat(all).length).toBeGreaterThan(flat(own).length);
    for (const c of flat(own)) expect(c.foundation).not.toBe('INHERITED');
    for (const c of flat(all)) {
      const expected = c.contribution.foundation === 'SOURCED' && c.bridge.provenance.basis === 'CURATED' ? 'CURATED' : c.contribution.foundation;
      expect(c.foundation).toBe(expected);
    }
    for (const g of all) {
      for (let i = 1; i < g.contributions.length; i++) {
        expect(RANK[g.contributions[i - 1].foundation]).toBeLessThanOrEqual(RANK[g.contributions[i].foundation]!);
      }
    }
    // Through GBF Target 4 (its Aichi bridge includes Target 12), the inherited programme activities
    // come only when asked.
    const gbf4 = (nodes: any[]) => nodes.find((g) => g.key === 'gbf-target-4').contributions.map((c: any) => c.contribution.activity.key);
    expect(gbf4(own)).not.toContain('regular-reporting');
    expect(gbf4(all)).toContain('regular-reporting');
  });
});

describe('per Aichi Target, on the curated graph', () => {
  it('counts SOURCED, CURATED and INHERITED contributions (printed for the record)', async () => {
    const { data, errors } = await run(`{ aichiTargets(first: 20) { nodes { number
      all: contributions(first: 100, includeInherited: true) { foundation }
      own: contributions(first: 100) { foundation } } } }`);
    expect(errors).toBeUndefined();
    const rows = (data.aichiTargets.nodes as any[])
      .map((t) => {
        const count = (f: string) => t.all.filter((c: any) => c.foundation === f).length;
        // The default answer is exactly the non-inherited part of the full one.
        expect(t.own.length).toBe(t.all.length - count('INHERITED'));
        return { target: t.number, SOURCED: count('SOURCED'), CURATED: count('CURATED'), INHERITED: count('INHERITED') };
      })
      .sort((a, b) => a.target - b.target);
    expect(rows).toHaveLength(20);
    console.table(rows);
  });
});

describe('a contribution every step of which a source states', () => {
  it('ranks first for Aichi Target 1: JWP 2015-2020 activity 4.1 through SPMS Target 1, SOURCED', async () => {
    const { data, errors } = await run(`{ aichiTarget(key: "aichi-target-1") { contributions {
      activity { key } route foundation rationale steps { type provenance { basis } } objective { key } } } }`);
    expect(errors).toBeUndefined();
    const [first] = data.aichiTarget.contributions;
    expect(first).toMatchObject({ activity: { key: 'jwp-2015-2020-activity-4-1' }, route: 'VIA_OBJECTIVE', foundation: 'SOURCED', rationale: null });
    expect(first.objective.key).toBe('spms-target-1');
    expect(first.steps.map((s: any) => [s.type, s.provenance.basis])).toEqual([
      ['SUPPORTS', 'SOURCED'],
      ['SERVES', 'SOURCED'],
    ]);
  });
});
