/** The report read back from the graph, paragraph by paragraph, each with the facts it states. */
import { graphql } from '../api.js';
import { append, entityHref, h, kindLabel, link } from '../dom.js';
import { REPORT } from '../queries.js';
import type { Route } from '../router.js';
import { basisBadge } from './provenance.js';

export const REPORT_KEY = 'stc38-report';

interface Paragraph {
  key: string;
  locator: string;
  text: string;
  statements: {
    entities: { kind: string; key: string; name: string }[];
    relationships: {
      from: { key: string; name: string };
      relationship: { type: string; provenance: { basis: string } };
      to: { key: string; name: string };
    }[];
  };
}

export async function reportView(route: Route, into: HTMLElement): Promise<string> {
  const key = route.rest[0] ?? REPORT_KEY;
  const { document: doc } = await graphql<{
    document: {
      key: string;
      name: string;
      symbol: string | null;
      publishedOn: string | null;
      url: string | null;
      language: string | null;
      paragraphs: { node: Paragraph }[];
    } | null;
  }>(REPORT, { key });
  if (!doc) throw new Error(`No document has the key “${key}”.`);
  append(into, [
    h('p', { class: 'eyebrow' }, [doc.symbol, doc.publishedOn].filter(Boolean).join(' · ')),
    h('h1', null, link(entityHref(doc.key), doc.name)),
    h('p', { class: 'lead' }, 'Each paragraph as printed, and beside it the entities and relationships of the graph that cite it.'),
    doc.paragraphs.length === 0 ? h('p', null, 'The graph holds no paragraph of this document.') : null,
    doc.paragraphs.map(({ node: p }) =>
      h(
        'article',
        { class: 'report-paragraph', id: p.key, 'aria-labelledby': `${p.key}-title`, tabindex: '-1' },
        h('h2', { id: `${p.key}-title`, class: 'locator' }, /^\d+$/.test(p.locator) ? `¶ ${p.locator}` : p.locator),
        h('p', { class: 'paragraph-text', lang: doc.language ?? undefined }, p.text),
        h(
          'div',
          { class: 'statements' },
          h('h3', null, `What it states (${p.statements.entities.length + p.statements.relationships.length})`),
          p.statements.entities.length
            ? h(
                'ul',
                { class: 'chips', 'aria-label': 'Entities' },
                p.statements.entities.map((e) =>
                  h('li', null, link(entityHref(e.key), e.name), h('span', { class: 'muted' }, ` ${kindLabel(e.kind)}`)),
                ),
              )
            : null,
          p.statements.relationships.length
            ? h(
                'ul',
                { class: 'stated-relationships', 'aria-label': 'Relationships' },
                p.statements.relationships.map((r) =>
                  h(
                    'li',
                    null,
                    link(entityHref(r.from.key), r.from.name),
                    h('span', { class: 'rel-type' }, ` —${r.relationship.type}→ `),
                    link(entityHref(r.to.key), r.to.name),
                    ' ',
                    basisBadge(r.relationship.provenance.basis),
                  ),
                ),
              )
            : null,
        ),
      ),
    ),
  ]);
  return doc.name;
}
