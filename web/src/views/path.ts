/** How two entities are connected: every shortest path, listed and drawn. */
import { graphql } from '../api.js';
import { append, entityHref, h, kindLabel, link } from '../dom.js';
import { drawGraph, graphTables, legend, type GraphNode, type GraphRelationship } from '../graphics.js';
import { CONNECTIONS, ENTITY_ID, SEARCH } from '../queries.js';
import { navigate, viewUrl, type Route } from '../router.js';
import { basisBadge } from './provenance.js';

interface Path {
  length: number;
  nodes: GraphNode[];
  relationships: (GraphRelationship & { provenance: { citations: { documentKey: string; locator: string | null }[] } })[];
}

/** A key field that suggests entities as one types (a datalist filled by search). */
function entityInput(id: string, label: string, value: string): HTMLElement {
  const options = h('datalist', { id: `${id}-options` });
  const input = h('input', {
    id,
    name: id,
    value,
    required: true,
    list: `${id}-options`,
    autocomplete: 'off',
    placeholder: 'a key, or words to look for',
  });
  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 3) return;
    timer = window.setTimeout(async () => {
      const { search } = await graphql<{ search: { node: { key: string; name: string } }[] }>(SEARCH, { text, first: 10 }, { record: false });
      options.replaceChildren(...search.map((hit) => h('option', { value: hit.node.key }, hit.node.name)));
    }, 250);
  });
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, options);
}

export async function pathView(route: Route, into: HTMLElement): Promise<string> {
  const from = route.params.get('from')?.trim() ?? '';
  const to = route.params.get('to')?.trim() ?? '';
  const maxHops = Math.min(6, Math.max(1, Number(route.params.get('maxHops')) || 4));
  const fromField = entityInput('path-from', 'From (key)', from);
  const toField = entityInput('path-to', 'To (key)', to);
  const hops = h(
    'select',
    { id: 'path-hops', name: 'maxHops' },
    [1, 2, 3, 4, 5, 6].map((n) => h('option', { value: n, selected: n === maxHops }, String(n))),
  );
  append(into, [
    h('h1', null, 'Path finder'),
    h('p', { class: 'lead' }, 'How two entities are connected: every shortest path, each relationship with its source.'),
    h(
      'form',
      {
        class: 'path-form',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const data = new FormData(e.target as HTMLFormElement);
          navigate(
            viewUrl('/path', {
              from: String(data.get('path-from')).trim(),
              to: String(data.get('path-to')).trim(),
              maxHops: String(data.get('maxHops')),
            }),
          );
        },
      },
      fromField,
      toField,
      h('div', { class: 'field narrow' }, h('label', { for: 'path-hops' }, 'At most (steps)'), hops),
      h('button', { type: 'submit' }, 'Find paths'),
    ),
  ]);
  if (!from || !to) return 'Path finder';

  const [a, b] = await Promise.all([from, to].map((key) => graphql<{ entity: { id: string; name: string } | null }>(ENTITY_ID, { key })));
  if (!a?.entity) throw new Error(`No entity has the key “${from}”.`);
  if (!b?.entity) throw new Error(`No entity has the key “${to}”.`);
  const { connections } = await graphql<{ connections: Path[] }>(CONNECTIONS, { from: a.entity.id, to: b.entity.id, maxHops });
  if (connections.length === 0) {
    append(into, [
      h('p', { role: 'status', class: 'result-count' }, `No path of at most ${maxHops} steps joins ${a.entity.name} and ${b.entity.name}.`),
    ]);
    return `Paths: ${a.entity.name} – ${b.entity.name}`;
  }
  const nodes = new Map<string, GraphNode>();
  const relationships = new Map<string, GraphRelationship>();
  for (const p of connections) {
    for (const n of p.nodes) nodes.set(n.key, n);
    for (const r of p.relationships) relationships.set(r.key, r);
  }
  const canvas = h('div', { class: 'graph-canvas path-canvas', role: 'img', 'aria-label': `The ${connections.length} shortest paths drawn` });
  append(into, [
    h(
      'p',
      { role: 'status', class: 'result-count' },
      `${connections.length} shortest path${connections.length > 1 ? 's' : ''} of ${connections[0]!.length} step${connections[0]!.length > 1 ? 's' : ''} from ${a.entity.name} to ${b.entity.name}.`,
    ),
    h('div', { class: 'graph-layout' }, canvas, h('aside', { class: 'graph-side' }, legend())),
    h(
      'ol',
      { class: 'paths' },
      connections.map((p) =>
        h(
          'li',
          { class: 'path' },
          p.nodes.map((n, i) => {
            const r = p.relationships[i];
            const forward = r ? r.fromKey === n.key : true;
            return [
              h('span', { class: 'path-node' }, link(entityHref(n.key), n.name), h('span', { class: 'muted' }, ` (${kindLabel(n.kind)})`)),
              r
                ? h(
                    'span',
                    { class: `path-step ${r.provenance.basis.toLowerCase()}` },
                    forward ? ` —${r.type}→ ` : ` ←${r.type}— `,
                    r.provenance.basis === 'CURATED' ? basisBadge('CURATED') : null,
                    r.provenance.citations.length
                      ? h(
                          'span',
                          { class: 'muted' },
                          ` [${r.provenance.citations.map((c) => `${c.documentKey}${c.locator ? ` ¶${c.locator}` : ''}`).join('; ')}] `,
                        )
                      : null,
                  )
                : null,
            ];
          }),
        ),
      ),
    ),
    graphTables([...nodes.values()], [...relationships.values()], 'The paths'),
  ]);
  await drawGraph(canvas, [...nodes.values()], [...relationships.values()], {
    centre: from,
    layout: { name: 'breadthfirst', roots: [from], directed: false, spacingFactor: 1.1, animate: false } as never,
  });
  return `Paths: ${a.entity.name} – ${b.entity.name}`;
}
