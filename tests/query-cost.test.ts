/**
 * The cost estimate bounds the real work: every list declares its size (@listSize, from the model for
 * relationship fields), the resolvers keep to it, and so no accepted query returns more than its estimate.
 * Random nested queries over the real graph check it; the worst cases are refused before execution.
 */
import fc from 'fast-check';
import {
  buildSchema,
  getArgumentValues,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  parse,
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLInterfaceType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { readGraph } from '../src/ingest/validate.js';
import { declaredSize, listSizeEstimator } from '../src/graphql/limits.js';
import { toGlobalId } from '../src/graphql/ids.js';
import { MODEL } from '../src/model/model.js';
import { typeDefs } from '../src/schema.js';
import { useApi } from './support/api.js';

const schema: GraphQLSchema = buildSchema(typeDefs);
const graph = readGraph(loadConfig().dataDir);
const run = useApi();

const costOf = (query: string) => getComplexity({ schema, query: parse(query), variables: {}, estimators: [listSizeEstimator] });

/** The query of the issue: 14 aliases, 20 paragraph ids each, paragraphs of documents three levels down. */
function paragraphBomb(): string {
  const id = toGlobalId('Paragraph', 'stc38-report-p6');
  const ids = JSON.stringify(Array.from({ length: 20 }, () => id));
  const nested =
    '... on Paragraph { document { paragraphs { node { document { paragraphs { node { document { paragraphs { node { text } } } } } } } } } }';
  return `{ ${Array.from({ length: 14 }, (_, i) => `a${i}: nodes(ids: ${ids}) { ${nested} }`).join(' ')} }`;
}

describe('list sizes', () => {
  it('every list field of the schema declares how many items it may hold', () => {
    const undeclared: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if ((!isObjectType(type) && !isInterfaceType(type)) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const isList = isListType(getNullableType(field.type));
        if (isList && !field.astNode?.directives?.some((d) => d.name.value === 'listSize')) undeclared.push(`${type.name}.${field.name}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('relationship fields of the model cost what they may return: their first, or their fixed maximum', () => {
    const activity = schema.getType('Activity') as GraphQLObjectType;
    expect(declaredSize(activity.getFields().taxa!, { first: 7 })).toBe(7);
    expect(declaredSize(activity.getFields().programme!, {})).toBe(MODEL.labels.find((l) => l.label === 'Activity')!.api.fields.programme!.max);
  });
});

describe('the worst cases', () => {
  it('the 3 KB paragraph query of issue 9 is refused before anything runs', async () => {
    const query = paragraphBomb();
    expect(costOf(query)).toBeGreaterThan(loadConfig().limits.maxCost);
    const answer = await run(query);
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(answer.roundTrips).toBe(0);
  });

  it('lists without an argument are priced at their declared size, not at 5', () => {
    // Before: 5 per unsized list. Now Document.paragraphs without first costs its default (50).
    expect(costOf('{ document(key: "stc38-report") { paragraphs { node { key } } } }')).toBeGreaterThanOrEqual(50);
  });
});

// ---- random nested queries over the real graph ----

const keys = graph.nodes.map((n) => ({ key: n.id, label: n.label }));
const LABEL_TYPES = MODEL.labels.map((l) => l.label);

/** A tiny seeded generator, so a failing case can be replayed from its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof random>;

let aliases = 0;
/** A field with arguments gets an alias of its own, so two selections of it never conflict. */
function args(r: Random, field: GraphQLField<unknown, unknown>): string {
  const given: string[] = [];
  for (const arg of field.args) {
    if (arg.name === 'first' && r.chance(0.7)) given.push(`first: ${r.int(1, 12)}`);
    if (arg.name === 'limit' && r.chance(0.7)) given.push(`limit: ${r.int(1, 12)}`);
  }
  return given.length > 0 ? `(${given.join(', ')})` : '';
}

function selection(r: Random, type: GraphQLObjectType | GraphQLInterfaceType, depth: number): string {
  const fields = Object.values(type.getFields()).filter((f) =>
    f.args.every((a) => !(a.type.toString().endsWith('!') && a.defaultValue === undefined)),
  );
  const chosen = new Set<string>(['__typename']);
  const parts: string[] = [];
  for (let i = r.int(1, 4); i > 0; i--) {
    const field = r.pick(fields);
    const named = getNamedType(field.type);
    if (chosen.has(field.name)) continue;
    if (isLeafType(named)) {
      chosen.add(field.name);
      parts.push(field.name);
    } else if (depth > 0 && (isObjectType(named) || isInterfaceType(named))) {
      chosen.add(field.name);
      const given = args(r, field);
      parts.push(`${given ? `f${++aliases}: ` : ''}${field.name}${given} { ${selection(r, named, depth - 1)} }`);
    }
  }
  if (isInterfaceType(type) && depth > 0 && r.chance(0.6)) {
    const label = schema.getType(r.pick(LABEL_TYPES)) as GraphQLObjectType;
    parts.push(`... on ${label.name} { ${selection(r, label, depth - 1)} }`);
  }
  return ['__typename', ...parts].join(' ');
}

function randomQuery(seed: number): string {
  const r = random(seed);
  const some = () => r.pick(keys);
  const gid = () => {
    const k = some();
    return JSON.stringify(toGlobalId(k.label, k.key));
  };
  const depth = r.int(1, 4);
  const entity = schema.getType('Entity') as GraphQLInterfaceType;
  const roots = [
    () => `entity(key: ${JSON.stringify(some().key)}) { ${selection(r, entity, depth)} }`,
    () => `nodes(ids: [${Array.from({ length: r.int(1, 4) }, gid).join(', ')}]) { __typename ... on Entity { ${selection(r, entity, depth)} } }`,
    () => {
      const label = MODEL.labels[r.int(0, MODEL.labels.length - 1)]!;
      const type = schema.getType(label.label) as GraphQLObjectType;
      return `${label.api.list}(first: ${r.int(1, 10)}) { nodes { ${selection(r, type, depth)} } edges { cursor } }`;
    },
    () => `document(key: "stc38-report") { ${selection(r, schema.getType('Document') as GraphQLObjectType, depth)} }`,
    () => `aichiTarget(key: "aichi-target-${r.int(1, 20)}") { ${selection(r, schema.getType('AichiTarget') as GraphQLObjectType, depth)} }`,
    () => `search(text: "elephant", first: ${r.int(1, 10)}) { node { ${selection(r, entity, depth - 1)} } }`,
    () =>
      `neighbourhood(id: ${gid()}, depth: ${r.int(1, 2)}, limit: ${r.int(1, 10)}) { truncated nodes { ${selection(r, entity, depth - 1)} } relationships { key type } }`,
    () => `targetSynergies(first: ${r.int(1, 5)}) { coverage cms { node { key } } cites { node { key } } }`,
    () => `speciesSynergies(first: ${r.int(1, 5)}, limit: ${r.int(1, 5)}) { coverage cms { node { key } } cites { node { key } } }`,
  ];
  return `{ ${r.pick(roots)()} }`;
}

interface Count {
  leaves: number;
  overflows: string[];
}

/** Walks an answer with its query: counts the values it holds and checks every list against its declared size. */
function walk(value: unknown, set: SelectionSetNode, type: GraphQLObjectType | GraphQLInterfaceType, factor: number, count: Count) {
  if (value === null || typeof value !== 'object') return;
  const data = value as Record<string, unknown>;
  const concrete = (schema.getType(String(data.__typename)) as GraphQLObjectType | undefined) ?? type;
  for (const selection of set.selections) {
    if (selection.kind === 'InlineFragment') {
      if (selection.typeCondition?.name.value === concrete.name || isInterfaceType(schema.getType(selection.typeCondition?.name.value ?? ''))) {
        walk(value, selection.selectionSet, concrete, factor, count);
      }
      continue;
    }
    if (selection.kind !== 'Field' || selection.name.value === '__typename') continue;
    const node: FieldNode = selection;
    const field = concrete.getFields()[node.name.value]!;
    const fieldValue = data[node.alias?.value ?? node.name.value];
    const size = declaredSize(field, getArgumentValues(field, node, {}));
    const named = getNamedType(field.type);
    if (Array.isArray(fieldValue)) {
      const bound = (size ?? 1) * factor;
      if (fieldValue.length > bound) count.overflows.push(`${concrete.name}.${field.name}: ${fieldValue.length} > ${bound}`);
      for (const item of fieldValue) {
        if (isLeafType(named)) count.leaves += 1;
        else if (node.selectionSet) walk(item, node.selectionSet, named as GraphQLObjectType, 1, count);
      }
    } else if (isLeafType(named)) {
      count.leaves += 1;
    } else if (node.selectionSet) {
      // A sized object (a page, a neighbourhood): its lists hold up to its size times their own.
      walk(fieldValue, node.selectionSet, named as GraphQLObjectType, size ?? 1, count);
    }
  }
}

describe('random nested queries over the real graph', () => {
  it('never return a list longer than it declares, nor more values than their estimate', async () => {
    const maxCost = loadConfig().limits.maxCost;
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (seed) => {
        const query = randomQuery(seed);
        const cost = costOf(query);
        const answer = await run(query);
        if (cost > maxCost) {
          expect(answer.errors?.[0]?.extensions?.code, query).toBe('QUERY_TOO_COSTLY');
          return;
        }
        expect(answer.errors?.filter((e) => e.extensions?.code !== 'NOT_FOUND') ?? [], query).toEqual([]);
        answered += 1;
        const count: Count = { leaves: 0, overflows: [] };
        walk(
          answer.data,
          parse(query).definitions[0]!.kind === 'OperationDefinition'
            ? (parse(query).definitions[0] as { selectionSet: SelectionSetNode }).selectionSet
            : (undefined as never),
          schema.getQueryType()!,
          1,
          count,
        );
        expect(count.overflows, query).toEqual([]);
        expect(count.leaves, query).toBeLessThanOrEqual(cost);
      }),
      { numRuns: 150, seed: 20261125 },
    );
    expect(answered).toBeGreaterThan(100);
  }, 240_000);
});
