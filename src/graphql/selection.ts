/**
 * What a query asks below a field, read from its selection set (through inline and named fragments), so
 * a resolver can fetch in one statement what the fields below it would otherwise fetch one by one.
 * Type conditions and @skip/@include are not evaluated: a name counts when any branch selects it, so the
 * answer is a superset, which costs at most an unused prefetch, never a missing field.
 */
import { getArgumentValues, isObjectType, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function fieldsOf(
  sets: readonly SelectionSetNode[],
  info: GraphQLResolveInfo,
  name: string | null,
  out: SelectionSetNode[] | Set<string> | FieldNode[],
  nodes = false,
) {
  for (const set of sets) {
    for (const selection of set.selections) {
      if (selection.kind === 'Field') {
        if (out instanceof Set) out.add(selection.name.value);
        else if (nodes) (out as FieldNode[]).push(selection);
        else if (selection.name.value === name && selection.selectionSet) (out as SelectionSetNode[]).push(selection.selectionSet);
      } else if (selection.kind === 'InlineFragment') {
        fieldsOf([selection.selectionSet], info, name, out, nodes);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment) fieldsOf([fragment.selectionSet], info, name, out, nodes);
      }
    }
  }
}

function setsAt(info: GraphQLResolveInfo, path: readonly string[], fieldNodes: readonly FieldNode[] = info.fieldNodes): SelectionSetNode[] {
  let sets = fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    const next: SelectionSetNode[] = [];
    fieldsOf(sets, info, name, next);
    sets = next;
  }
  return sets;
}

/** Names of the fields selected at `path` below the current field: [] for its own children, ['edges', 'node'] deeper. */
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  const names = new Set<string>();
  fieldsOf(setsAt(info, path), info, null, names);
  return names;
}

/** A field selected below the current one, with the arguments its resolver will get. */
export interface SelectedField {
  name: string;
  args: Record<string, unknown>;
  /** Names of the fields selected below it. */
  below: Set<string>;
  /** Names of the fields selected at `path` below it, as selectedFieldNames gives them in its resolver. */
  namesAt(path: readonly string[]): Set<string>;
}

/**
 * The fields of `typeName` selected at `path` below the current field, each with its arguments as they
 * will be coerced (variables applied); fields the type does not have (asked in another type's fragment)
 * are left out.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[], typeName: string): SelectedField[] {
  const type = info.schema.getType(typeName);
  if (!isObjectType(type)) return [];
  const definitions = type.getFields();
  const nodes: FieldNode[] = [];
  fieldsOf(setsAt(info, path), info, null, nodes, true);
  // The nodes of one response key are one field to the resolver (graphql-js merges them, same arguments).
  const byKey = new Map<string, FieldNode[]>();
  for (const node of nodes) {
    const key = node.alias?.value ?? node.name.value;
    byKey.set(key, [...(byKey.get(key) ?? []), node]);
  }
  return [...byKey.values()].flatMap((same) => {
    const node = same[0]!;
    const definition = definitions[node.name.value];
    if (!definition) return [];
    const namesAt = (below: readonly string[]) => {
      const names = new Set<string>();
      fieldsOf(setsAt(info, below, same), info, null, names);
      return names;
    };
    return [{ name: node.name.value, args: getArgumentValues(definition, node, info.variableValues), below: namesAt([]), namesAt }];
  });
}
