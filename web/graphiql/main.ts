/**
 * The GraphQL IDE at /graphiql: GraphiQL 3 bundled with its styles and fonts, so it works with no CDN.
 * `?query=...&variables=...` opens a query, as the explorer's "Open in GraphiQL" links do.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import 'graphiql/graphiql.css';
import './graphiql-page.css';

const params = new URLSearchParams(window.location.search);

const fetcher: GraphiQLProps['fetcher'] = async (request) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(request),
  });
  return response.json();
};

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    createElement(GraphiQL, {
      fetcher,
      defaultQuery: '# The convention cooperation graph. Try:\n{\n  search(text: "elephant") {\n    score\n    node { kind key name }\n  }\n}\n',
      query: params.get('query') ?? undefined,
      variables: params.get('variables') ?? undefined,
      shouldPersistHeaders: false,
    }),
  );
}
