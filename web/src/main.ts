/** The explorer: a header, one view at a time in <main>, the query behind it at the bottom. */
import './style.css';
import { operations, resetOperations } from './api.js';
import { h } from './dom.js';
import { queryPanel } from './queryPanel.js';
import { currentRoute, startRouter, type Route } from './router.js';
import { analystView } from './views/analyst.js';
import { entityView } from './views/entity.js';
import { graphView } from './views/graph.js';
import { pathView } from './views/path.js';
import { reportView } from './views/report.js';
import { searchView } from './views/search.js';
import { speciesSynergiesView, targetSynergiesView } from './views/synergies.js';

/** A view fills its element and resolves with its title once what it shows is on screen. */
export type View = (route: Route, into: HTMLElement) => Promise<string>;

const VIEWS: Record<string, View> = {
  '': searchView,
  search: searchView,
  entity: entityView,
  graph: graphView,
  path: pathView,
  analyst: analystView,
  synergies: async (route, into) => (route.rest[0] === 'species' ? speciesSynergiesView(route, into) : targetSynergiesView(route, into)),
  report: reportView,
};

const NAV: [string, string][] = [
  ['/search', 'Search'],
  ['/path', 'Path finder'],
  ['/analyst', 'Analyst'],
  ['/synergies/targets', 'Targets × conventions'],
  ['/synergies/species', 'Species × conventions'],
  ['/report', 'The report'],
];

const root = document.getElementById('root')!;
const navLinks = NAV.map(([href, label]) => h('a', { href }, label));
const main = h('main', { id: 'main', tabindex: '-1' });
root.append(
  h(
    'a',
    {
      class: 'skip-link',
      href: '#main',
      onclick: (e: Event) => {
        e.preventDefault();
        main.focus();
      },
    },
    'Skip to content',
  ),
  h(
    'header',
    { class: 'site-header' },
    h('a', { class: 'brand', href: '/' }, 'CMS–CITES cooperation graph'),
    h('nav', { 'aria-label': 'Views' }, navLinks, h('a', { href: '/graphiql' }, 'GraphiQL')),
  ),
  main,
);

let renderCount = 0;

async function render(): Promise<void> {
  const token = ++renderCount;
  const route = currentRoute();
  // A filter that re-renders the view keeps the keyboard focus where it was.
  const focused = document.activeElement instanceof HTMLElement && main.contains(document.activeElement) ? document.activeElement.id : '';
  const view = VIEWS[route.view];
  resetOperations();
  performance.clearMarks('view-ready');
  performance.mark('view-start');
  const content = h('div', { class: 'view' });
  main.replaceChildren(content);
  main.dataset.view = route.view || 'search';
  main.dataset.state = 'loading';
  main.setAttribute('aria-busy', 'true');
  for (const a of navLinks) {
    if (window.location.pathname.startsWith(a.pathname)) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  let title: string;
  try {
    if (!view) throw new Error(`No view at ${window.location.pathname}`);
    title = await view(route, content);
    if (token !== renderCount) return;
    main.dataset.state = 'ready';
  } catch (error) {
    if (token !== renderCount) return;
    title = 'Error';
    content.append(h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error)));
    main.dataset.state = 'error';
  }
  if (operations().length > 0) main.append(queryPanel());
  main.removeAttribute('aria-busy');
  if (focused) document.getElementById(focused)?.focus();
  // A shared link to a part of a view (/report#stc38-report-6, ...#cell-detail) opens at that part.
  const anchor = window.location.hash.slice(1);
  if (anchor && anchor !== 'main') document.getElementById(decodeURIComponent(anchor))?.scrollIntoView();
  document.title = `${title} – CMS–CITES cooperation graph`;
  performance.mark('view-ready');
}

startRouter(() => void render());
