/**
 * Draws part of the graph with Cytoscape.js: nodes coloured by the convention they belong to (CMS, CITES,
 * both, CBD), relationships coloured when they join a convention, curated relationships dashed.
 * A table of the same nodes and relationships follows the drawing, for keyboards and screen readers.
 * Cytoscape.js is loaded when a view first draws: the other views do not wait for it.
 */
import type cytoscape from 'cytoscape';
import { entityHref, h, kindLabel, link } from './dom.js';

export interface GraphNode {
  kind: string;
  key: string;
  name: string;
  acronym?: string | null;
  convention?: string | null;
  /** A meeting's convention (aliased: a meeting's may be null, a decision's may not). */
  meetingConvention?: string | null;
}

export interface GraphRelationship {
  key: string;
  type: string;
  fromKey: string;
  toKey: string;
  provenance: { basis: string; rationale?: string | null };
}

export type Side = 'CMS' | 'CITES' | 'JOINT' | 'CBD' | 'OTHER';

export const SIDE_COLOURS: Record<Side, string> = {
  CMS: '#1d5fa6',
  CITES: '#b34700',
  JOINT: '#6b3fa0',
  CBD: '#2e7d32',
  OTHER: '#5f6773',
};

export const SIDE_LABELS: Record<Side, string> = {
  CMS: 'CMS',
  CITES: 'CITES',
  JOINT: 'CMS and CITES',
  CBD: 'CBD',
  OTHER: 'neither / not known here',
};

/** The convention of each node: its own, else that of the conventions it is directly joined to in this subgraph. */
export function sidesOf(nodes: GraphNode[], relationships: GraphRelationship[]): Map<string, Side> {
  const own = new Map<string, string>();
  for (const n of nodes) {
    const code = n.kind === 'CONVENTION' ? n.acronym : (n.convention ?? n.meetingConvention);
    if (code) own.set(n.key, code);
  }
  const conventionCode = new Map(nodes.filter((n) => n.kind === 'CONVENTION').map((n) => [n.key, n.acronym]));
  const reached = new Map<string, Set<string>>();
  for (const r of relationships) {
    for (const [a, b] of [
      [r.fromKey, r.toKey],
      [r.toKey, r.fromKey],
    ] as const) {
      const code = conventionCode.get(b);
      if (code && !own.has(a)) reached.set(a, (reached.get(a) ?? new Set()).add(code));
    }
  }
  const sides = new Map<string, Side>();
  for (const n of nodes) {
    const codes = own.has(n.key) ? new Set([own.get(n.key)!]) : (reached.get(n.key) ?? new Set<string>());
    const side: Side =
      codes.has('CMS') && codes.has('CITES') ? 'JOINT' : codes.has('CMS') ? 'CMS' : codes.has('CITES') ? 'CITES' : codes.has('CBD') ? 'CBD' : 'OTHER';
    sides.set(n.key, side);
  }
  return sides;
}

function shorten(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface DrawOptions {
  /** Key of the node drawn larger (the centre, or the start of a path). */
  centre?: string;
  layout: cytoscape.LayoutOptions;
  onSelect?: (node: GraphNode) => void;
}

export async function drawGraph(
  container: HTMLElement,
  nodes: GraphNode[],
  relationships: GraphRelationship[],
  options: DrawOptions,
): Promise<cytoscape.Core> {
  const { default: cytoscape } = await import('cytoscape');
  const sides = sidesOf(nodes, relationships);
  const keys = new Set(nodes.map((n) => n.key));
  const conventions = new Set(nodes.filter((n) => n.kind === 'CONVENTION').map((n) => n.key));
  const edgeSide = (r: GraphRelationship): Side => {
    const conventionEnd = conventions.has(r.toKey) ? r.toKey : conventions.has(r.fromKey) ? r.fromKey : undefined;
    return conventionEnd ? sides.get(conventionEnd)! : 'OTHER';
  };
  const cy = cytoscape({
    container,
    elements: [
      ...nodes.map((n) => ({
        data: { id: n.key, label: shorten(n.name), colour: SIDE_COLOURS[sides.get(n.key)!], centre: n.key === options.centre ? 1 : 0 },
      })),
      ...relationships
        .filter((r) => keys.has(r.fromKey) && keys.has(r.toKey))
        .map((r) => ({
          data: {
            id: r.key,
            source: r.fromKey,
            target: r.toKey,
            label: r.type,
            colour: edgeSide(r) === 'OTHER' ? '#8a919c' : SIDE_COLOURS[edgeSide(r)],
          },
          classes: `${r.provenance.basis === 'CURATED' ? 'curated' : 'sourced'}${relationships.length <= 40 ? ' labelled' : ''}`,
        })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(colour)',
          label: 'data(label)',
          'font-size': 9,
          color: '#1b1f24',
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-wrap': 'wrap',
          'text-max-width': '110px',
          width: 16,
          height: 16,
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
          'text-background-padding': '1px',
        },
      },
      { selector: 'node[centre = 1]', style: { width: 28, height: 28, 'border-width': 3, 'border-color': '#1b1f24', 'font-weight': 'bold' } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#f2b705' } },
      {
        selector: 'edge',
        style: {
          width: 1.5,
          'line-color': 'data(colour)',
          'target-arrow-color': 'data(colour)',
          'target-arrow-shape': 'triangle',
          'arrow-scale': 0.8,
          'curve-style': 'bezier',
          'font-size': 7,
          color: '#444b55',
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
        },
      },
      // Relationship types are written on the edges when they can be read: small graphs, or around the selection.
      { selector: 'edge.labelled, edge:selected', style: { label: 'data(label)' } },
      { selector: 'edge.curated', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 3] } },
    ],
    layout: options.layout,
    wheelSensitivity: 0.3,
    minZoom: 0.2,
    maxZoom: 3,
  });
  // The drawing stays reachable from its element, for the browser tests and the developer console.
  (container as HTMLElement & { cy?: cytoscape.Core }).cy = cy;
  // Around a selected node, its relationships are labelled.
  cy.on('select', 'node', (event) => event.target.connectedEdges().addClass('labelled'));
  cy.on('unselect', 'node', (event) => {
    if (relationships.length > 40) event.target.connectedEdges().removeClass('labelled');
  });
  if (options.onSelect) {
    const byKey = new Map(nodes.map((n) => [n.key, n]));
    cy.on('tap', 'node', (event) => options.onSelect!(byKey.get(event.target.id())!));
  }
  return cy;
}

export function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    (Object.keys(SIDE_COLOURS) as Side[]).map((side) =>
      h('li', null, h('span', { class: 'swatch', style: `background:${SIDE_COLOURS[side]}` }), SIDE_LABELS[side]),
    ),
    h('li', null, h('span', { class: 'line sourced' }), 'sourced relationship'),
    h('li', null, h('span', { class: 'line curated' }), 'curated relationship (dashed)'),
  );
}

/** The drawing's content as tables: what a keyboard or a screen reader uses. */
export function graphTables(nodes: GraphNode[], relationships: GraphRelationship[], caption: string): HTMLElement {
  const sides = sidesOf(nodes, relationships);
  const names = new Map(nodes.map((n) => [n.key, n.name]));
  return h(
    'details',
    { class: 'graph-tables' },
    h('summary', null, `${caption}: ${nodes.length} entities, ${relationships.length} relationships, as tables`),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'graph-nodes' },
        h('caption', null, 'Entities'),
        h(
          'thead',
          null,
          h('tr', null, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Kind'), h('th', { scope: 'col' }, 'Convention')),
        ),
        h(
          'tbody',
          null,
          nodes.map((n) =>
            h(
              'tr',
              { 'data-key': n.key },
              h('td', null, link(entityHref(n.key), n.name)),
              h('td', null, kindLabel(n.kind)),
              h('td', null, SIDE_LABELS[sides.get(n.key)!]),
            ),
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'graph-relationships' },
        h('caption', null, 'Relationships'),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, 'From'),
            h('th', { scope: 'col' }, 'Type'),
            h('th', { scope: 'col' }, 'To'),
            h('th', { scope: 'col' }, 'Basis'),
          ),
        ),
        h(
          'tbody',
          null,
          relationships.map((r) =>
            h(
              'tr',
              null,
              h('td', null, names.get(r.fromKey) ?? r.fromKey),
              h('td', null, r.type),
              h('td', null, names.get(r.toKey) ?? r.toKey),
              h('td', { title: r.provenance.rationale ?? undefined }, r.provenance.basis.toLowerCase()),
            ),
          ),
        ),
      ),
    ),
  );
}
