/** An Aichi or GBF target -> the activities that serve it, with route, basis and steps; exportable as CSV. */
import { graphql } from '../api.js';
import { downloadCsv, toCsv } from '../csv.js';
import { append, entityHref, h, link, type Child } from '../dom.js';
import { AICHI_CONTRIBUTIONS, GBF_CONTRIBUTIONS, TARGETS } from '../queries.js';
import { navigate, type Route } from '../router.js';
import { basisBadge } from './provenance.js';

interface Named {
  key: string;
  name: string;
}

interface Step {
  type: string;
  fromKey: string;
  toKey: string;
  provenance: { basis: string; rationale: string | null; citations: { documentKey: string; locator: string | null }[] };
}

interface Contribution {
  route: string;
  basis: string;
  foundation: string;
  rationale: string | null;
  activity: Named & { status: string };
  programme: Named | null;
  objective: { key: string; code: string } | null;
  plan: Named | null;
  initiative: Named | null;
  species: { key: string; scientificName: string }[];
  steps: Step[];
}

/** One row of the table: a contribution, and the Aichi Target it goes through for a GBF target. */
interface Row {
  contribution: Contribution;
  viaAichi?: { key: string; number: number; bridgeBasis: string };
}

interface Column {
  header: string;
  /** What the CSV holds. */
  text: (row: Row) => string;
  /** What the table shows; the text when omitted. */
  cell?: (row: Row) => Child;
}

const stepsText = (c: Contribution) => c.steps.map((s) => `${s.fromKey} -${s.type}-> ${s.toKey} (${s.provenance.basis.toLowerCase()})`).join('; ');

/** The table's columns, in order. A new field of TargetContribution is one line here (and its name in the query). */
const COLUMNS: Column[] = [
  {
    header: 'Activity',
    text: (r) => r.contribution.activity.name,
    cell: (r) => link(entityHref(r.contribution.activity.key), r.contribution.activity.name),
  },
  { header: 'Status', text: (r) => r.contribution.activity.status.toLowerCase() },
  {
    header: 'Foundation',
    text: (r) => r.contribution.foundation,
    cell: (r) => h('span', { title: r.contribution.rationale ?? '' }, r.contribution.foundation),
  },
  { header: 'Route', text: (r) => r.contribution.route },
  { header: 'Basis', text: (r) => r.contribution.basis, cell: (r) => basisBadge(r.contribution.basis) },
  {
    header: 'Programme',
    text: (r) => r.contribution.programme?.name ?? '',
    cell: (r) => (r.contribution.programme ? link(entityHref(r.contribution.programme.key), r.contribution.programme.name) : ''),
  },
  {
    header: 'Objective',
    text: (r) => r.contribution.objective?.code ?? '',
    cell: (r) => (r.contribution.objective ? link(entityHref(r.contribution.objective.key), r.contribution.objective.code) : ''),
  },
  { header: 'Plan', text: (r) => r.contribution.plan?.name ?? '' },
  {
    header: 'Initiative',
    text: (r) => r.contribution.initiative?.name ?? '',
    cell: (r) => (r.contribution.initiative ? link(entityHref(r.contribution.initiative.key), r.contribution.initiative.name) : ''),
  },
  {
    header: 'Species',
    text: (r) => r.contribution.species.map((s) => s.scientificName).join(', '),
    cell: (r) => r.contribution.species.map((s, i) => [i ? ', ' : '', link(entityHref(s.key), h('i', null, s.scientificName))]),
  },
  {
    header: 'Steps',
    text: (r) => stepsText(r.contribution),
    cell: (r) =>
      h(
        'ol',
        { class: 'steps' },
        r.contribution.steps.map((s) =>
          h(
            'li',
            { class: s.provenance.basis.toLowerCase() },
            `${s.fromKey} —${s.type}→ ${s.toKey} `,
            basisBadge(s.provenance.basis),
            s.provenance.rationale ? h('span', { class: 'muted' }, ` ${s.provenance.rationale}`) : null,
            s.provenance.citations.length
              ? h(
                  'span',
                  { class: 'muted' },
                  ` [${s.provenance.citations.map((c) => `${c.documentKey}${c.locator ? ` ¶${c.locator}` : ''}`).join('; ')}]`,
                )
              : null,
          ),
        ),
      ),
  },
];

const GBF_COLUMNS: Column[] = [
  {
    header: 'Via Aichi Target',
    text: (r) => String(r.viaAichi?.number ?? ''),
    cell: (r) => (r.viaAichi ? [link(`/analyst/${r.viaAichi.key}`, `Target ${r.viaAichi.number}`), ' ', basisBadge(r.viaAichi.bridgeBasis)] : ''),
  },
  ...COLUMNS,
];

interface Target {
  key: string;
  number: number;
  shortTitle: string;
  text: string | null;
}

export async function analystView(route: Route, into: HTMLElement): Promise<string> {
  const key = route.rest[0] ?? '';
  const { aichiTargets, gbfTargets } = await graphql<{ aichiTargets: { nodes: Target[] }; gbfTargets: { nodes: Target[] } }>(TARGETS);
  const select = h(
    'select',
    { id: 'analyst-target', onchange: (e: Event) => navigate(`/analyst/${(e.target as HTMLSelectElement).value}`) },
    h('option', { value: '', selected: !key, disabled: true }, 'Choose a target'),
    h(
      'optgroup',
      { label: 'Aichi Biodiversity Targets' },
      aichiTargets.nodes.map((t) => h('option', { value: t.key, selected: t.key === key }, `Aichi ${t.number}: ${t.shortTitle}`)),
    ),
    h(
      'optgroup',
      { label: 'Kunming-Montreal GBF targets' },
      gbfTargets.nodes.map((t) => h('option', { value: t.key, selected: t.key === key }, `GBF ${t.number}: ${t.shortTitle}`)),
    ),
  );
  append(into, [
    h('h1', null, 'Analyst: the activities that serve a target'),
    h('div', { class: 'field' }, h('label', { for: 'analyst-target' }, 'Target'), select),
  ]);
  if (!key) {
    append(into, [h('p', null, 'Pick an Aichi Target, or a GBF target (reached through the curated Aichi bridge).')]);
    return 'Analyst';
  }

  let target: Target;
  let rows: Row[];
  let columns: Column[];
  if (key.startsWith('gbf-')) {
    type Bridged = { aichiTarget: { key: string; number: number }; bridge: { provenance: { basis: string } }; contribution: Contribution };
    const { gbfTarget } = await graphql<{ gbfTarget: (Target & { contributions: Bridged[] }) | null }>(GBF_CONTRIBUTIONS, { key });
    if (!gbfTarget) throw new Error(`No GBF target has the key “${key}”.`);
    target = gbfTarget;
    rows = gbfTarget.contributions.map((b) => ({
      contribution: b.contribution,
      viaAichi: { ...b.aichiTarget, bridgeBasis: b.bridge.provenance.basis },
    }));
    columns = GBF_COLUMNS;
  } else {
    const { aichiTarget } = await graphql<{ aichiTarget: (Target & { contributions: Contribution[] }) | null }>(AICHI_CONTRIBUTIONS, { key });
    if (!aichiTarget) throw new Error(`No Aichi Target has the key “${key}”.`);
    target = aichiTarget;
    rows = aichiTarget.contributions.map((contribution) => ({ contribution }));
    columns = COLUMNS;
  }

  const name = `${key.startsWith('gbf-') ? 'GBF' : 'Aichi'} Target ${target.number}: ${target.shortTitle}`;
  const csv = () =>
    toCsv(
      columns.map((c) => c.header),
      rows.map((r) => columns.map((c) => c.text(r))),
    );
  append(into, [
    h('h2', null, link(entityHref(target.key), name)),
    target.text ? h('p', { class: 'lead' }, target.text) : null,
    h(
      'p',
      { role: 'status', class: 'result-count' },
      `${rows.length} contribution${rows.length === 1 ? '' : 's'}. `,
      rows.length
        ? h('button', { type: 'button', id: 'export-csv', onclick: () => downloadCsv(`${key}-contributions.csv`, csv()) }, 'Export as CSV')
        : null,
    ),
    rows.length
      ? h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'contributions' },
            h('caption', null, `Activities serving ${name}`),
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                columns.map((c) => h('th', { scope: 'col' }, c.header)),
              ),
            ),
            h(
              'tbody',
              null,
              rows.map((r) =>
                h(
                  'tr',
                  null,
                  columns.map((c) => h('td', { 'data-column': c.header }, c.cell ? c.cell(r) : c.text(r))),
                ),
              ),
            ),
          ),
        )
      : h('p', null, 'No activity in the graph serves this target.'),
  ]);
  return name;
}
