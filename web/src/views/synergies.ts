/**
 * The synergy matrices: Aichi Targets × {CMS, CITES, both, none} and taxa × conventions, as heatmaps.
 * Each cell links to what fills it (the list opens under the matrix, with its own URL).
 */
import { graphql } from '../api.js';
import { append, entityHref, h, kindLabel, link, type Child } from '../dom.js';
import { SIDE_COLOURS } from '../graphics.js';
import { SPECIES_SYNERGIES, TARGET_SYNERGIES } from '../queries.js';
import { viewUrl, type Route } from '../router.js';

interface Reach {
  node: { kind: string; key: string; name: string };
  relationship: { type: string };
}

interface Synergy {
  coverage: 'BOTH' | 'CMS_ONLY' | 'CITES_ONLY' | 'NONE';
  cmsCount: number;
  citesCount: number;
  cms: Reach[];
  cites: Reach[];
}

const FIRST = 100;

const INK = '#1b1f24';

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance. */
function luminance([r, g, b]: [number, number, number]): number {
  const [R, G, B] = [r, g, b].map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * R + 0.7152 * G + 0.0722 * B;
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** A heat colour for a count: the convention's hue, darker as the count grows; the text, ink or white, whichever reads better. */
export function heat(colour: string, count: number, max: number): string {
  if (count === 0) return 'background:#f4f5f7;color:#4f5763';
  const share = Math.max(0.2, count / Math.max(1, max));
  const background = rgb(colour).map((c) => Math.round(c * share + 255 * (1 - share))) as [number, number, number];
  const light = luminance(background);
  const text = contrast(light, 1) >= contrast(light, luminance(rgb(INK))) ? '#ffffff' : INK;
  return `background:rgb(${background.join(',')});color:${text}`;
}

function cell(href: string, label: string, style: string, text: Child, current: boolean): HTMLElement {
  return h('td', { class: 'heat', style }, h('a', { href, 'aria-label': label, 'aria-current': current ? 'true' : undefined }, text));
}

function reachList(title: string, total: number, reach: Reach[]): HTMLElement {
  return h(
    'section',
    { class: 'reach' },
    h('h3', null, `${title} (${total})`),
    reach.length
      ? h(
          'ul',
          null,
          reach.map((r) =>
            h(
              'li',
              null,
              link(entityHref(r.node.key), r.node.name),
              h('span', { class: 'muted' }, ` ${kindLabel(r.node.kind)} · ${r.relationship.type}`),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'Nothing in the graph.'),
    total > reach.length ? h('p', { class: 'muted' }, `The first ${reach.length} of ${total}.`) : null,
  );
}

function detail(heading: Child, side: string, s: Synergy, extra: Child = null): HTMLElement {
  return h(
    'section',
    { class: 'cell-detail', id: 'cell-detail', 'aria-live': 'polite' },
    h('h2', null, heading),
    side !== 'cites' ? reachList('Through CMS', s.cmsCount, s.cms) : null,
    side !== 'cms' ? reachList('Through CITES', s.citesCount, s.cites) : null,
    extra,
  );
}

export async function targetSynergiesView(route: Route, into: HTMLElement): Promise<string> {
  const { targetSynergies } = await graphql<{ targetSynergies: (Synergy & { target: { key: string; number: number; shortTitle: string } })[] }>(
    TARGET_SYNERGIES,
    { first: FIRST },
  );
  const selected = route.params.get('target');
  const side = route.params.get('side') ?? 'both';
  const max = Math.max(...targetSynergies.flatMap((s) => [s.cmsCount, s.citesCount]));
  const href = (key: string, s: string) => `${viewUrl('/synergies/targets', { target: key, side: s })}#cell-detail`;
  const counts = { BOTH: 0, CMS_ONLY: 0, CITES_ONLY: 0, NONE: 0 };
  for (const s of targetSynergies) counts[s.coverage]++;
  append(into, [
    h('h1', null, 'Aichi Targets × conventions'),
    h(
      'p',
      { class: 'lead' },
      `What CMS and CITES each reach, per Aichi Target: ${counts.BOTH} reached by both, ${counts.CMS_ONLY} by CMS only, ${counts.CITES_ONLY} by CITES only, ${counts.NONE} by neither (the gaps). The number is how many entities reach the target; select a cell to see them.`,
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'matrix targets-matrix' },
        h('caption', null, 'Aichi Targets (rows) by who reaches them (columns)'),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, 'Aichi Target'),
            h('th', { scope: 'col' }, 'CMS'),
            h('th', { scope: 'col' }, 'CITES'),
            h('th', { scope: 'col' }, 'Both'),
            h('th', { scope: 'col' }, 'None'),
          ),
        ),
        h(
          'tbody',
          null,
          targetSynergies.map((s) => {
            const t = s.target;
            const here = (x: string) => selected === t.key && side === x;
            return h(
              'tr',
              { 'data-key': t.key, 'data-coverage': s.coverage },
              h('th', { scope: 'row' }, link(entityHref(t.key), `${t.number}. ${t.shortTitle}`)),
              cell(
                href(t.key, 'cms'),
                `Target ${t.number}: ${s.cmsCount} reached through CMS`,
                heat(SIDE_COLOURS.CMS, s.cmsCount, max),
                String(s.cmsCount),
                here('cms'),
              ),
              cell(
                href(t.key, 'cites'),
                `Target ${t.number}: ${s.citesCount} reached through CITES`,
                heat(SIDE_COLOURS.CITES, s.citesCount, max),
                String(s.citesCount),
                here('cites'),
              ),
              s.coverage === 'BOTH'
                ? cell(
                    href(t.key, 'both'),
                    `Target ${t.number}: reached by both`,
                    `background:${SIDE_COLOURS.JOINT};color:#fff`,
                    '✓ both',
                    here('both'),
                  )
                : h('td', { class: 'heat empty' }, ''),
              s.coverage === 'NONE'
                ? cell(href(t.key, 'both'), `Target ${t.number}: reached by neither, a gap`, 'background:#fde8e8;color:#8a1c1c', 'gap', here('both'))
                : h('td', { class: 'heat empty' }, ''),
            );
          }),
        ),
      ),
    ),
  ]);
  const chosen = targetSynergies.find((s) => s.target.key === selected);
  if (chosen) {
    append(into, [
      detail(
        link(entityHref(chosen.target.key), `Aichi Target ${chosen.target.number}: ${chosen.target.shortTitle}`),
        side,
        chosen,
        h('p', null, link(`/analyst/${chosen.target.key}`, 'The activities that serve it, and how (analyst view)')),
      ),
    ]);
  }
  return 'Aichi Targets × conventions';
}

export async function speciesSynergiesView(route: Route, into: HTMLElement): Promise<string> {
  const { speciesSynergies } = await graphql<{ speciesSynergies: (Synergy & { taxon: { key: string; name: string; scientificName: string } })[] }>(
    SPECIES_SYNERGIES,
    { first: FIRST },
  );
  const selected = route.params.get('taxon');
  const side = route.params.get('side') ?? 'both';
  const max = Math.max(...speciesSynergies.flatMap((s) => [s.cmsCount, s.citesCount]));
  const href = (key: string, s: string) => `${viewUrl('/synergies/species', { taxon: key, side: s })}#cell-detail`;
  const coverageLabel = { BOTH: 'both', CMS_ONLY: 'CMS only', CITES_ONLY: 'CITES only', NONE: 'neither' };
  append(into, [
    h('h1', null, 'Species × conventions'),
    h(
      'p',
      { class: 'lead' },
      'What reaches each taxon for CMS (listings, instruments, joint activities) and for CITES (listings, decisions, initiatives, joint activities). Select a cell to see what fills it.',
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'matrix species-matrix' },
        h('caption', null, 'Taxa (rows) by convention (columns)'),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, 'Taxon'),
            h('th', { scope: 'col' }, 'CMS'),
            h('th', { scope: 'col' }, 'CITES'),
            h('th', { scope: 'col' }, 'Coverage'),
          ),
        ),
        h(
          'tbody',
          null,
          speciesSynergies.map((s) => {
            const t = s.taxon;
            const here = (x: string) => selected === t.key && side === x;
            return h(
              'tr',
              { 'data-key': t.key, 'data-coverage': s.coverage },
              h(
                'th',
                { scope: 'row' },
                link(entityHref(t.key), h('i', null, t.scientificName)),
                t.name !== t.scientificName ? h('span', { class: 'muted' }, ` ${t.name}`) : null,
              ),
              cell(
                href(t.key, 'cms'),
                `${t.scientificName}: ${s.cmsCount} through CMS`,
                heat(SIDE_COLOURS.CMS, s.cmsCount, max),
                String(s.cmsCount),
                here('cms'),
              ),
              cell(
                href(t.key, 'cites'),
                `${t.scientificName}: ${s.citesCount} through CITES`,
                heat(SIDE_COLOURS.CITES, s.citesCount, max),
                String(s.citesCount),
                here('cites'),
              ),
              cell(
                href(t.key, 'both'),
                `${t.scientificName}: ${coverageLabel[s.coverage]}`,
                s.coverage === 'BOTH'
                  ? `background:${SIDE_COLOURS.JOINT};color:#fff`
                  : s.coverage === 'NONE'
                    ? 'background:#fde8e8;color:#8a1c1c'
                    : 'background:#ffffff;color:#1b1f24',
                coverageLabel[s.coverage],
                here('both'),
              ),
            );
          }),
        ),
      ),
    ),
  ]);
  const chosen = speciesSynergies.find((s) => s.taxon.key === selected);
  if (chosen) append(into, [detail(link(entityHref(chosen.taxon.key), h('i', null, chosen.taxon.scientificName)), side, chosen)]);
  return 'Species × conventions';
}
