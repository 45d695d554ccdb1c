/** An entity: its fields, its relationships with their provenance, and the report paragraphs that state it. */
import { graphql } from '../api.js';
import { append, entityHref, h, kindLabel, link } from '../dom.js';
import { ENTITY, KIND_FIELDS, kindField, PARAGRAPHS_BY_ID } from '../queries.js';
import { viewUrl, type Route } from '../router.js';
import { basisBadge, provenanceBlock, type Provenance } from './provenance.js';

interface Link {
  direction: 'OUT' | 'IN';
  node: { kind: string; key: string; name: string };
  relationship: { key: string; type: string; fromKey: string; toKey: string; properties: Record<string, unknown>; provenance: Provenance };
}

interface Entity {
  __typename: string;
  id: string;
  kind: string;
  key: string;
  name: string;
  nameFr: string | null;
  description: string | null;
  provenance: Provenance;
  links: Link[];
  [field: string]: unknown;
}

interface StatingParagraph {
  key: string;
  locator: string;
  order: number;
  text: string;
  document: { key: string; name: string };
}

function fieldValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

function fieldName(name: string): string {
  return name.replace(/([A-Z])/g, ' $1').toLowerCase();
}

export async function entityView(route: Route, into: HTMLElement): Promise<string> {
  const key = route.rest[0] ?? '';
  const { entity } = await graphql<{ entity: Entity | null }>(ENTITY, { key });
  if (!entity) throw new Error(`No entity has the key “${key}”.`);

  const fields: [string, unknown][] = [
    ['kind', kindLabel(entity.kind)],
    ['key', entity.key],
    ['name in French', entity.nameFr],
    ...(KIND_FIELDS[entity.__typename] ?? []).map(kindField).map(([alias, field]): [string, unknown] => [fieldName(field), entity[alias]]),
  ];
  const actions = [
    link(viewUrl(`/graph/${encodeURIComponent(entity.key)}`, { depth: 1 }), 'Neighbourhood graph'),
    link(viewUrl('/path', { from: entity.key }), 'Find a path from here'),
    entity.kind === 'AICHI_TARGET' || entity.kind === 'GBF_TARGET'
      ? link(`/analyst/${encodeURIComponent(entity.key)}`, 'Activities serving it')
      : null,
    entity.kind === 'PARAGRAPH' ? link(`/report#${encodeURIComponent(entity.key)}`, 'Read it in the report') : null,
  ];

  const byType = new Map<string, Link[]>();
  for (const l of entity.links) byType.set(l.relationship.type, [...(byType.get(l.relationship.type) ?? []), l]);

  append(into, [
    h('p', { class: 'eyebrow' }, kindLabel(entity.kind)),
    h('h1', null, entity.name),
    entity.description ? h('p', { class: 'lead' }, entity.description) : null,
    h('nav', { class: 'actions', 'aria-label': 'From this entity' }, actions),
    h(
      'section',
      { 'aria-labelledby': 'fields-title' },
      h('h2', { id: 'fields-title' }, 'Fields'),
      h(
        'dl',
        { class: 'fields' },
        fields
          .filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))
          .map(([name, value]) => [h('dt', null, name), h('dd', null, fieldValue(value))]),
      ),
    ),
    h('section', { 'aria-labelledby': 'source-title' }, h('h2', { id: 'source-title' }, 'Where it comes from'), provenanceBlock(entity.provenance)),
    h(
      'section',
      { 'aria-labelledby': 'links-title' },
      h('h2', { id: 'links-title' }, `Relationships (${entity.links.length})`),
      entity.links.length === 0 ? h('p', null, 'None in the graph.') : null,
      [...byType].map(([type, links]) =>
        h(
          'div',
          { class: 'link-group' },
          h('h3', null, type),
          h(
            'ul',
            { class: 'links' },
            links.map((l) => {
              const props = Object.entries(l.relationship.properties ?? {}).filter(([, v]) => v !== null);
              return h(
                'li',
                { class: `link ${l.relationship.provenance.basis.toLowerCase()}`, 'data-relationship': l.relationship.key },
                h(
                  'p',
                  { class: 'link-head' },
                  l.direction === 'OUT' ? [h('span', { class: 'rel-type' }, `${type} →`), ' '] : [h('span', { class: 'rel-type' }, `← ${type}`), ' '],
                  link(entityHref(l.node.key), l.node.name),
                  h('span', { class: 'muted' }, ` (${kindLabel(l.node.kind)})`),
                  props.length ? h('span', { class: 'props' }, ` ${props.map(([k, v]) => `${fieldName(k)}: ${v}`).join('; ')}`) : null,
                ),
                provenanceBlock(l.relationship.provenance),
              );
            }),
          ),
        ),
      ),
    ),
  ]);

  // The report paragraphs that state it: those cited for the entity or for any of its relationships.
  const paragraphIds = [
    ...new Set(
      [entity.provenance, ...entity.links.map((l) => l.relationship.provenance)].flatMap((p) =>
        p.citations.flatMap((c) => (c.paragraph ? [c.paragraph.id] : [])),
      ),
    ),
  ];
  const stating = h('section', { 'aria-labelledby': 'stating-title' }, h('h2', { id: 'stating-title' }, 'The paragraphs that state it'));
  append(into, [stating]);
  if (paragraphIds.length === 0) {
    stating.append(
      h('p', null, 'No paragraph of a document in the graph states it.', entity.provenance.basis === 'CURATED' ? [' ', basisBadge('CURATED')] : null),
    );
  } else {
    const { nodes } = await graphql<{ nodes: (StatingParagraph | null)[] }>(PARAGRAPHS_BY_ID, { ids: paragraphIds.slice(0, 100) });
    const paragraphs = nodes
      .filter((p): p is StatingParagraph => p !== null)
      .sort((a, b) => a.document.key.localeCompare(b.document.key) || a.order - b.order);
    stating.append(
      h(
        'ol',
        { class: 'stating' },
        paragraphs.map((p) =>
          h(
            'li',
            null,
            h(
              'p',
              { class: 'link-head' },
              link(
                p.document.key === 'stc38-report' ? `/report#${encodeURIComponent(p.key)}` : entityHref(p.key),
                `${p.document.name}, ¶ ${p.locator}`,
              ),
            ),
            h('blockquote', { class: 'paragraph-text' }, p.text),
          ),
        ),
      ),
    );
  }
  return entity.name;
}
