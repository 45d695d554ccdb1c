/**
 * What a query asks below a field, read from its selection set (through inline and named fragments), so
 * a resolver can fetch in one statement what the fields below it would otherwise fetch one by one.
 * Type conditions and @skip/@include are not evaluated: a name counts when any branch selects it, so the
 * answer is a superset, which costs at most an unused prefetch, never a missing field.
 */
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

function fieldsOf(sets: readonly SelectionSetNode[], info: GraphQLResolveInfo, name: string | null, out: SelectionSetNode[] | Set<string>) {
  for (const set of sets) {
    for (const selection of set.selections) {
      if (selection.kind === 'Field') {
        if (out instanceof Set) out.add(selection.name.value);
        else if (selection.name.value === name && selection.selectionSet) out.push(selection.selectionSet);
      } else if (selection.kind === 'InlineFragment') {
        fieldsOf([selection.selectionSet], info, name, out);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment) fieldsOf([fragment.selectionSet], info, name, out);
      }
    }
  }
}

/** Names of the fields selected at `path` below the current field: [] for its own children, ['edges', 'node'] deeper. */
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  let sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    const next: SelectionSetNode[] = [];
    fieldsOf(sets, info, name, next);
    sets = next;
  }
  const names = new Set<string>();
  fieldsOf(sets, info, null, names);
  return names;
}
