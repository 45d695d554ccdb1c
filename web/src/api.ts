/**
 * The explorer's only way to the data: POST /graphql, like any portal. Every operation a view runs is
 * recorded so the view can show the query behind it.
 */
export interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

export class GraphQLRequestError extends Error {}

let recorded: Operation[] = [];

/** Starts a new view: forgets the operations of the previous one. */
export function resetOperations(): void {
  recorded = [];
}

export function operations(): Operation[] {
  return recorded;
}

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, options: { record?: boolean } = {}): Promise<T> {
  if (options.record !== false && !recorded.some((op) => op.query === query && JSON.stringify(op.variables) === JSON.stringify(variables))) {
    recorded.push({ query, variables });
  }
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body: { data?: T; errors?: { message: string }[] };
  try {
    body = await response.json();
  } catch {
    throw new GraphQLRequestError(`The API answered HTTP ${response.status} without JSON`);
  }
  if (body.errors?.length) throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '));
  if (!response.ok || body.data === undefined) throw new GraphQLRequestError(`The API answered HTTP ${response.status}`);
  return body.data;
}
