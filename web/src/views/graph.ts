/** The neighbourhood of an entity as an interactive graph: depth 1-3, filters by relationship type and kind. */
import { graphql } from '../api.js';
import { append, entityHref, h, kindLabel, link } from '../dom.js';
import { drawGraph, graphTables, legend, type GraphNode, type GraphRelationship } from '../graphics.js';
import { ENTITY_ID, ENUMS, NEIGHBOURHOOD } from '../queries.js';
import { navigate, viewUrl, type Route } from '../router.js';

interface Enums {
  relationshipTypes: { enumValues: { name: string }[] };
  entityKinds: { enumValues: { name: string }[] };
}

let enums: Promise<Enums> | undefined;
export function schemaEnums(): Promise<Enums> {
  enums ??= graphql<Enums>(ENUMS, {}, { record: false });
  return enums;
}

const LIMIT = 200;

function list(value: string | null): string[] {
  return value ? value.split(',').filter(Boolean) : [];
}

export async function graphView(route: Route, into: HTMLElement): Promise<string> {
  const key = route.rest[0] ?? '';
  const depth = Math.min(3, Math.max(1, Number(route.params.get('depth')) || 1));
  const types = list(route.params.get('types'));
  const hidden = new Set(list(route.params.get('hide')));
  const [{ entity }, schema] = await Promise.all([graphql<{ entity: (GraphNode & { id: string }) | null }>(ENTITY_ID, { key }), schemaEnums()]);
  if (!entity) throw new Error(`No entity has the key “${key}”.`);
  const { neighbourhood } = await graphql<{ neighbourhood: { truncated: boolean; nodes: GraphNode[]; relationships: GraphRelationship[] } }>(
    NEIGHBOURHOOD,
    {
      id: entity.id,
      depth,
      types: types.length ? types : null,
      limit: LIMIT,
    },
  );

  const go = (changes: { depth?: number; types?: string[]; hide?: string[] }) =>
    navigate(
      viewUrl(`/graph/${encodeURIComponent(key)}`, {
        depth: changes.depth ?? depth,
        types: (changes.types ?? types).join(','),
        hide: (changes.hide ?? [...hidden]).join(','),
      }),
    );

  const nodes = neighbourhood.nodes.filter((n) => n.key === entity.key || !hidden.has(n.kind));
  const shown = new Set(nodes.map((n) => n.key));
  const relationships = neighbourhood.relationships.filter((r) => shown.has(r.fromKey) && shown.has(r.toKey));
  const kindsPresent = [...new Set(neighbourhood.nodes.map((n) => n.kind))].sort();

  const depthSelect = h(
    'select',
    { id: 'graph-depth', onchange: (e: Event) => go({ depth: Number((e.target as HTMLSelectElement).value) }) },
    [1, 2, 3].map((d) => h('option', { value: d, selected: d === depth }, String(d))),
  );
  const typeBoxes = schema.relationshipTypes.enumValues.map(({ name }) =>
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'type', value: name, checked: types.includes(name) }), name),
  );
  const typeForm = h(
    'form',
    {
      class: 'filter-group',
      onsubmit: (e: Event) => {
        e.preventDefault();
        go({
          types: typeBoxes
            .map((l) => l.querySelector('input')!)
            .filter((i) => i.checked)
            .map((i) => i.value),
        });
      },
    },
    h('fieldset', null, h('legend', null, 'Relationship types (none checked: all)'), h('div', { class: 'checks' }, typeBoxes)),
    h('button', { type: 'submit' }, 'Apply types'),
  );
  const kindBoxes = h(
    'fieldset',
    { class: 'filter-group' },
    h('legend', null, 'Kinds shown'),
    h(
      'div',
      { class: 'checks' },
      kindsPresent.map((kind) =>
        h(
          'label',
          { class: 'check' },
          h('input', {
            type: 'checkbox',
            id: `kind-${kind}`,
            value: kind,
            checked: !hidden.has(kind),
            onchange: (e: Event) => {
              const next = new Set(hidden);
              if ((e.target as HTMLInputElement).checked) next.delete(kind);
              else next.add(kind);
              go({ hide: [...next] });
            },
          }),
          kindLabel(kind),
        ),
      ),
    ),
  );

  const distance = distancesFrom(entity.key, relationships);
  const selection = h('div', { class: 'selection', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Select a node to see it here.'));
  const canvas = h('div', {
    class: 'graph-canvas',
    role: 'img',
    'aria-label': `Graph of ${nodes.length} entities and ${relationships.length} relationships around ${entity.name}`,
  });
  append(into, [
    h('p', { class: 'eyebrow' }, 'Neighbourhood'),
    h('h1', null, link(entityHref(entity.key), entity.name)),
    h(
      'div',
      { class: 'graph-controls' },
      h('div', { class: 'filter-group' }, h('label', { for: 'graph-depth' }, 'Depth'), depthSelect),
      kindBoxes,
      h(
        'details',
        { class: 'types-filter', open: types.length > 0 },
        h('summary', null, `Relationship types${types.length ? `: ${types.join(', ')}` : ': all'}`),
        typeForm,
      ),
    ),
    h(
      'p',
      { role: 'status', class: 'result-count' },
      `${nodes.length} entities and ${relationships.length} relationships within ${depth} step${depth > 1 ? 's' : ''}`,
      neighbourhood.truncated ? ` (cut at ${LIMIT} entities)` : '',
      '.',
    ),
    h('div', { class: 'graph-layout' }, canvas, h('aside', { class: 'graph-side' }, selection, legend())),
    graphTables(nodes, relationships, 'The same graph'),
  ]);
  await drawGraph(canvas, nodes, relationships, {
    centre: entity.key,
    // Small neighbourhoods read best as rings by distance from the centre, middle ones as a force layout;
    // past 150 entities the force layout takes seconds (measured: bench/explorer.ts), so rings again.
    layout: (nodes.length <= 30 || nodes.length > 150
      ? {
          name: 'concentric',
          concentric: (n: { id(): string }) => 10 - (distance.get(n.id()) ?? 9),
          levelWidth: () => 1,
          minNodeSpacing: nodes.length > 150 ? 6 : 40,
          animate: false,
        }
      : {
          name: 'cose',
          animate: false,
          randomize: false,
          boundingBox: { x1: 0, y1: 0, w: canvas.clientWidth, h: canvas.clientHeight },
          nodeRepulsion: () => 60000,
          idealEdgeLength: () => 110,
          gravity: 0.5,
          numIter: 1000,
          nodeDimensionsIncludeLabels: true,
        }) as never,
    onSelect: (node) =>
      selection.replaceChildren(
        h('h2', null, node.name),
        h('p', { class: 'muted' }, kindLabel(node.kind)),
        h(
          'p',
          null,
          link(entityHref(node.key), 'Open its page'),
          ' · ',
          link(viewUrl(`/graph/${encodeURIComponent(node.key)}`, { depth }), 'Centre the graph here'),
          ' · ',
          link(viewUrl('/path', { from: entity.key, to: node.key }), 'Paths from the centre'),
        ),
      ),
  });
  return `Neighbourhood of ${entity.name}`;
}

/** Steps from the centre to each node, either direction. */
function distancesFrom(centre: string, relationships: GraphRelationship[]): Map<string, number> {
  const neighbours = new Map<string, string[]>();
  for (const r of relationships) {
    neighbours.set(r.fromKey, [...(neighbours.get(r.fromKey) ?? []), r.toKey]);
    neighbours.set(r.toKey, [...(neighbours.get(r.toKey) ?? []), r.fromKey]);
  }
  const distance = new Map([[centre, 0]]);
  const queue = [centre];
  while (queue.length) {
    const key = queue.shift()!;
    for (const next of neighbours.get(key) ?? []) {
      if (!distance.has(next)) {
        distance.set(next, distance.get(key)! + 1);
        queue.push(next);
      }
    }
  }
  return distance;
}
