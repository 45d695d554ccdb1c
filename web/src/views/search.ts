/** Search in English or French; hits grouped by kind, best group first. */
import { graphql } from '../api.js';
import { append, entityHref, h, kindLabel, link } from '../dom.js';
import { SEARCH } from '../queries.js';
import { navigate, viewUrl, type Route } from '../router.js';

interface Hit {
  score: number;
  node: { kind: string; key: string; name: string; nameFr: string | null; description: string | null };
}

export async function searchView(route: Route, into: HTMLElement): Promise<string> {
  const text = route.params.get('q')?.trim() ?? '';
  const input = h('input', {
    id: 'search-text',
    type: 'search',
    name: 'q',
    value: text,
    required: true,
    autocomplete: 'off',
    placeholder: 'elephant, éléphant, Aichi 12, Memorandum…',
  });
  append(into, [
    h('h1', null, 'Search the graph'),
    h('p', { class: 'lead' }, 'Names, descriptions and wording of the entities, in English or French.'),
    h(
      'form',
      {
        role: 'search',
        class: 'inline-form',
        onsubmit: (event: Event) => {
          event.preventDefault();
          navigate(viewUrl('/search', { q: input.value.trim() }));
        },
      },
      h('label', { for: 'search-text' }, 'Words'),
      input,
      h('button', { type: 'submit' }, 'Search'),
    ),
  ]);
  if (!text) {
    append(into, [
      h('p', null, 'Or start from a view:'),
      h(
        'ul',
        { class: 'starters' },
        h(
          'li',
          null,
          link('/entity/memorandum-of-cooperation-2002', 'The 2002 Memorandum of Cooperation'),
          ' and ',
          link('/graph/memorandum-of-cooperation-2002?depth=2', 'its neighbourhood'),
        ),
        h('li', null, link('/analyst/aichi-target-12', 'Activities serving Aichi Target 12'), ' (analyst view)'),
        h('li', null, link('/synergies/targets', 'Which Aichi Targets CMS and CITES reach'), ', and the gaps'),
        h('li', null, link('/synergies/species', 'Species × conventions')),
        h('li', null, link('/path?from=cites-sc57&to=aichi-target-12', 'How CITES SC57 is connected to Aichi Target 12')),
        h('li', null, link('/report', 'The 2011 report, paragraph by paragraph, with the facts each states')),
      ),
    ]);
    return 'Search';
  }
  const { search } = await graphql<{ search: Hit[] }>(SEARCH, { text, first: 50 });
  const groups = new Map<string, Hit[]>();
  for (const hit of search) groups.set(hit.node.kind, [...(groups.get(hit.node.kind) ?? []), hit]);
  append(into, [
    h(
      'p',
      { role: 'status', class: 'result-count' },
      search.length === 0 ? `Nothing found for “${text}”.` : `${search.length} result${search.length > 1 ? 's' : ''} for “${text}”, by kind.`,
    ),
    [...groups].map(([kind, hits]) =>
      h(
        'section',
        { class: 'result-group', 'aria-labelledby': `group-${kind}` },
        h('h2', { id: `group-${kind}` }, `${kindLabel(kind)} (${hits.length})`),
        h(
          'ul',
          { class: 'results' },
          hits.map((hit) =>
            h(
              'li',
              null,
              link(entityHref(hit.node.key), hit.node.name),
              hit.node.nameFr ? h('span', { class: 'fr', lang: 'fr' }, ` — ${hit.node.nameFr}`) : null,
              hit.node.description ? h('p', { class: 'muted' }, hit.node.description) : null,
            ),
          ),
        ),
      ),
    ),
  ]);
  return `Search: ${text}`;
}
