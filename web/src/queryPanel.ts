/** "The query behind this view": each operation the view sent, to copy or to open in GraphiQL. */
import { operations } from './api.js';
import { h } from './dom.js';

export function queryPanel(): HTMLElement {
  const ops = operations();
  return h(
    'details',
    { class: 'query-panel' },
    h('summary', null, ops.length === 1 ? 'The GraphQL query behind this view' : `The ${ops.length} GraphQL queries behind this view`),
    ops.map((op) => {
      const variables = JSON.stringify(op.variables, null, 2);
      const text = `${op.query}\n\n# variables\n${variables}`;
      const ide = `/graphiql?${new URLSearchParams({ query: op.query, variables }).toString()}`;
      const status = h('span', { class: 'copy-status', role: 'status' });
      return h(
        'div',
        { class: 'query' },
        h('pre', null, h('code', null, op.query)),
        h('pre', { class: 'variables', 'aria-label': 'Variables' }, h('code', null, variables)),
        h(
          'div',
          { class: 'query-actions' },
          h(
            'button',
            {
              type: 'button',
              onclick: () => {
                navigator.clipboard.writeText(text).then(
                  () => (status.textContent = 'Copied'),
                  () => (status.textContent = 'Copy failed: select the text above'),
                );
              },
            },
            'Copy',
          ),
          h('a', { href: ide, class: 'button', target: '_blank', rel: 'noopener' }, 'Open in GraphiQL'),
          status,
        ),
      );
    }),
  );
}
