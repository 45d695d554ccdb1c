/** Provenance as people read it: sourced or curated, the rationale, and each citation with its paragraph on demand. */
import { graphql } from '../api.js';
import { badge, h, link } from '../dom.js';
import { PARAGRAPH_TEXT } from '../queries.js';

export interface Citation {
  documentKey: string;
  locator: string | null;
  url: string | null;
  confidence: string;
  document: { key: string; name: string };
  paragraph: { id: string; key: string; locator: string } | null;
}

export interface Provenance {
  basis: 'SOURCED' | 'CURATED';
  rationale: string | null;
  citations: Citation[];
}

export function basisBadge(basis: string): HTMLElement {
  return basis === 'CURATED'
    ? badge('curated', 'curated', 'No source states it: the curators judged it')
    : badge('sourced', 'sourced', 'A cited source states it');
}

const paragraphTexts = new Map<string, Promise<string>>();

function paragraphText(key: string): Promise<string> {
  let text = paragraphTexts.get(key);
  if (!text) {
    text = graphql<{ paragraph: { text: string } | null }>(PARAGRAPH_TEXT, { key }).then((d) => d.paragraph?.text ?? '(no text in the graph)');
    paragraphTexts.set(key, text);
  }
  return text;
}

function citationItem(citation: Citation): HTMLElement {
  const where = citation.locator ? (/^\d+$/.test(citation.locator) ? `¶ ${citation.locator}` : citation.locator) : null;
  const item = h(
    'li',
    { class: 'citation' },
    link(`/entity/${encodeURIComponent(citation.document.key)}`, citation.document.name),
    where ? `, ${where}` : null,
    citation.url ? [' — ', h('a', { href: citation.url, rel: 'noopener noreferrer' }, 'page')] : null,
    citation.confidence === 'PARTIAL' ? badge('partly verified', 'partial') : null,
  );
  const paragraph = citation.paragraph;
  if (paragraph) {
    const quote = h('blockquote', { class: 'paragraph-text', hidden: true });
    const button = h('button', { type: 'button', class: 'link-button', 'aria-expanded': 'false' }, 'Show paragraph');
    button.addEventListener('click', async () => {
      const open = button.getAttribute('aria-expanded') === 'true';
      if (open) {
        quote.hidden = true;
        button.setAttribute('aria-expanded', 'false');
        button.textContent = 'Show paragraph';
        return;
      }
      button.disabled = true;
      try {
        quote.textContent = await paragraphText(paragraph.key);
      } catch (error) {
        quote.textContent = `Could not load the paragraph: ${error instanceof Error ? error.message : error}`;
      }
      button.disabled = false;
      quote.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      button.textContent = 'Hide paragraph';
    });
    item.append(' ', button, quote);
  }
  return item;
}

export function provenanceBlock(provenance: Provenance): HTMLElement {
  return h(
    'div',
    { class: 'provenance' },
    basisBadge(provenance.basis),
    provenance.rationale ? h('p', { class: 'rationale' }, h('span', { class: 'label' }, 'Rationale: '), provenance.rationale) : null,
    provenance.citations.length ? h('ul', { class: 'citations' }, provenance.citations.map(citationItem)) : null,
  );
}
