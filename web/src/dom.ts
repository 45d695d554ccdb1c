/** A tiny element builder: text always goes through textContent, so data can never inject markup. */
export type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** An in-app link: the router handles the click, the URL stays shareable. */
export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return h('a', { href }, ...children);
}

export function entityHref(key: string): string {
  return `/entity/${encodeURIComponent(key)}`;
}

/** Kind names as people read them: AICHI_TARGET -> Aichi target. */
export function kindLabel(kind: string): string {
  const words = kind.toLowerCase().split('_');
  const special: Record<string, string> = { aichi: 'Aichi', gbf: 'GBF' };
  const label = words.map((w) => special[w] ?? w).join(' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export function badge(text: string, className: string, title?: string): HTMLElement {
  return h('span', { class: `badge ${className}`, title }, text);
}
