/**
 * Researchers: in the synergy views an item counts for a convention only by facts about the item itself,
 * never because it belongs to a joint programme; a CMS-only item does not count for CITES.
 */
import { describe, expect, it } from 'vitest';
import { useApi } from './support/api.js';

const run = useApi();

async function targetSynergy(target: string) {
  const { data, errors } = await run(
    `query($t: ID!) { targetSynergies(target: $t, first: 100) { cmsCount citesCount cms { node { key } relationship { provenance { basis } } } cites { node { key } } } }`,
    { t: target },
  );
  expect(errors).toBeUndefined();
  const [s] = data.targetSynergies;
  return { ...s, cmsKeys: s.cms.map((l: any) => l.node.key), citesKeys: s.cites.map((l: any) => l.node.key) };
}

async function speciesSynergy(taxon: string) {
  const { data, errors } = await run(`query($t: ID!) { speciesSynergies(taxon: $t, first: 100) { cms { node { key } } cites { node { key } } } }`, {
    t: taxon,
  });
  expect(errors).toBeUndefined();
  const [s] = data.speciesSynergies;
  return { cmsKeys: s.cms.map((l: any) => l.node.key), citesKeys: s.cites.map((l: any) => l.node.key) };
}

describe('targetSynergies', () => {
  it("does not count CMS's own synergy work (paragraph 6) for CITES, though it sits in the joint programme", async () => {
    const t20 = await targetSynergy('aichi-target-20');
    expect(t20.citesKeys).not.toContain('cms-own-synergy-work');
    expect(t20.citesKeys).not.toContain('cms-donor-funded-cooperation');
    // The joint consultant implements the Memorandum of Cooperation between both: it counts for both.
    expect(t20.cmsKeys).toContain('joint-consultant');
    expect(t20.citesKeys).toContain('joint-consultant');
    expect([t20.cmsCount, t20.citesCount]).toEqual([t20.cmsKeys.length, t20.citesKeys.length]);
  });

  it('counts the objectives and targets of CMS plans for CMS only', async () => {
    const t19 = await targetSynergy('aichi-target-19');
    expect(t19.cmsKeys).toEqual(expect.arrayContaining(['spms-target-15', 'cms-sp-objective-1']));
    expect(t19.citesKeys).not.toContain('spms-target-15');
    expect(t19.citesKeys).not.toContain('cms-sp-objective-1');
    // Regular reporting goes to both Standing Committees.
    expect(t19.citesKeys).toContain('regular-reporting');
  });

  it('counts a request made at CITES SC61 for CITES, and a meeting held by both secretariats for both', async () => {
    const t12 = await targetSynergy('aichi-target-12');
    expect(t12.citesKeys).toContain('sc61-request-gorillas');
    expect(t12.cmsKeys).not.toContain('sc61-request-gorillas');
    expect(t12.cmsKeys).toContain('accra-cms-mike-meeting');
    expect(t12.citesKeys).toContain('accra-cms-mike-meeting');
    expect(t12.citesKeys).toContain('mike');
    expect(t12.cmsKeys).not.toContain('mike');
  });

  it('lists sourced links before curated ones', async () => {
    for (const target of ['aichi-target-12', 'aichi-target-19']) {
      const bases = (await targetSynergy(target)).cms.map((l: any) => l.relationship.provenance.basis);
      expect(bases).toEqual([...bases].sort((a: string, b: string) => (a === b ? 0 : a === 'SOURCED' ? -1 : 1)));
    }
  });
});

describe('speciesSynergies', () => {
  it('counts the CMS gorilla agreement for CMS only and the SC61 request for CITES only', async () => {
    const gorilla = await speciesSynergy('gorilla-gorilla');
    expect(gorilla.cmsKeys).toContain('gorilla-agreement');
    expect(gorilla.citesKeys).not.toContain('gorilla-agreement');
    expect(gorilla.citesKeys).toContain('sc61-request-gorillas');
    expect(gorilla.cmsKeys).not.toContain('sc61-request-gorillas');
    expect(gorilla.cmsKeys).toContain('cms');
    expect(gorilla.citesKeys).toContain('cites');
  });
});
