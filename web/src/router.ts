/**
 * History routing: each view has a plain URL (/entity/cites, /graph/cites?depth=2) that can be shared;
 * the API serves the page for these paths (src/web/route.ts), the router picks the view.
 */
export interface Route {
  /** First path segment: '', search, entity, graph, path, analyst, synergies, report. */
  view: string;
  /** Remaining path segments, decoded. */
  rest: string[];
  params: URLSearchParams;
}

export function currentRoute(): Route {
  const [view = '', ...rest] = window.location.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  return { view, rest, params: new URLSearchParams(window.location.search) };
}

let onChange: () => void = () => undefined;

export function startRouter(render: () => void): void {
  onChange = render;
  window.addEventListener('popstate', () => onChange());
  // Same-origin links that are not the IDE, files or API endpoints are views: no reload.
  document.addEventListener('click', (event) => {
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (anchor.target || anchor.hasAttribute('download') || anchor.origin !== window.location.origin) return;
    if (/^\/(graphiql|graphql|export|schema\.graphql|assets)(\/|$|\?)/.test(anchor.pathname)) return;
    // A link within the page (#...) is the browser's to follow.
    if (anchor.hash && anchor.pathname === window.location.pathname && anchor.search === window.location.search) return;
    event.preventDefault();
    navigate(anchor.pathname + anchor.search + anchor.hash);
  });
  render();
}

export function navigate(url: string, options: { replace?: boolean } = {}): void {
  if (url === window.location.pathname + window.location.search + window.location.hash) return;
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  onChange();
}

/** Builds a view URL from a path and parameters, leaving out empty ones. */
export function viewUrl(path: string, params: Record<string, string | number | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(name, String(value));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
