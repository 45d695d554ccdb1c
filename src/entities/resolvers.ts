/**
 * The generic engine over the model: for every label, its lookup and list, its properties (enums in
 * GraphQL form), its relationship fields and its page types, all built from the declaration in
 * src/model/model.ts, the same one the SDL is generated from (src/model/sdl.ts), so a field and its
 * arguments exist in both or in neither. Relationships, provenance and citations are resolved here too.
 */
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../graphql/context.js';
import { selectedFieldNames, selectedFields } from '../graphql/selection.js';
import { checkDateTime, checkKey, keyOfGlobalId, pageSize } from '../graphql/args.js';
import { badUserInput, notFound } from '../graphql/errors.js';
import { fromCursor, toCursor, type Order } from '../graphql/ids.js';
import { toGlobalId } from '../graphql/ids.js';
import { anyOfFilter, CONVENTION_IDS, type FilterName, type LabelSpec, type Model, type RelationshipFieldSpec } from '../model/model.js';
import {
  connectionFieldOf,
  enumValueOf,
  groupingsOf,
  isPaged,
  itemTypeOf,
  kindOf,
  LINKS_FIRST,
  LIST_PAGE,
  RELATIONSHIP_FIELD_FIRST,
  stringListMax,
} from '../model/sdl.js';
import { connectionFields, positionPage, type PositionPageArgs } from '../graphql/positionPages.js';
import { NOTHING_PREFETCHED, type EntityFilter, type Prefetch, type PrefetchedRow, type Projection } from './repository.js';
import {
  isOf,
  type CitationRow,
  type EntityRow,
  type GroupCountRow,
  type LinkRow,
  type PageRow,
  type ProvenanceRow,
  type RelationshipRow,
  type RowsByLabel,
} from './rows.js';
import type { LinkCountOptions, LinkOptions } from './loaders.js';

/** kebab-case data value → GraphQL enum value. */
export const toEnum = (value: unknown) => (typeof value === 'string' ? enumValueOf(value) : null);
/** GraphQL enum value → kebab-case data value. */
export const fromEnum = (value: string) => value.toLowerCase().replace(/_/g, '-');

type Grouping = ReturnType<typeof groupingsOf>[number];
type Resolver = (parent: never, args: never, ctx: RequestContext, info: GraphQLResolveInfo) => unknown;
export type ResolverMap = Record<string, Record<string, Resolver | { __resolveType: (row: EntityRow) => string }>>;

export function loadLinks(ctx: RequestContext, id: string, options: LinkOptions): Promise<LinkRow[]> {
  return ctx.loaders.links.load({ id, options });
}

/** What the links of a relationship field are: ordered and cut by Cypher, as declared; read as `reads` says. */
function fieldLinkOptions(ctx: RequestContext, field: RelationshipFieldSpec, first: number | null | undefined, reads: LinkReads): LinkOptions {
  const limit = field.max ?? pageSize(ctx.config.limits.maxPageSize, 'first', first, field.first ?? RELATIONSHIP_FIELD_FIRST);
  return withLimit({ direction: field.direction, types: [...field.types], kind: field.target, orderBy: field.orderBy ?? null, ...reads }, limit);
}

/**
 * Link options with their limit, their properties always in this order: the loaders key on their JSON, so
 * the options a prefetch primes and those its field's resolver asks for must be spelled alike.
 */
const withLimit = ({ direction, types, kind, orderBy, nodeProps, relProps }: Omit<LinkOptions, 'limit'>, limit: number): LinkOptions => ({
  direction,
  types,
  kind,
  orderBy,
  limit,
  nodeProps,
  relProps,
});

/** Which links to count for a list: the same choice, whatever their order and what is read of them. */
const countedOf = ({ direction, types, kind }: Omit<LinkOptions, 'limit'>): LinkCountOptions => ({ direction, types, kind });

/** What a query reads of links: of the entities at the other end and of the relationships (null: all). */
export interface LinkReads {
  nodeProps: Projection;
  relProps: Projection;
}

/** Links read whole: for a caller that cannot tell what its query reads. */
const WHOLE_LINKS: LinkReads = { nodeProps: null, relProps: null };

/** Where a link sits below a relationship field: in a list of links, a connection's nodes, or its edges. */
const LINK_PATHS: readonly (readonly string[])[] = [[], ['nodes'], ['edges', 'node']];

/**
 * What the query reads of the links below a relationship field (`namesAt`: the names of the fields it
 * selects at a path below the field): of the entities at the other end (of `target`, or of any kind) and
 * of the relationships, so a list of activities' names does not bring every quote and citation of each.
 */
function linkReads(model: Model, target: string | null, namesAt: (path: readonly string[]) => Set<string>): LinkReads {
  const spec = target === null ? undefined : model.labels.find((l) => l.label === target);
  const nodeReads = (asked: Set<string>) =>
    spec ? projectionOf(shapeOf(model, spec), asked) : readsOf(new Set(Object.keys(model.common)), {}, asked);
  return {
    nodeProps: projectionUnion(...LINK_PATHS.map((path) => nodeReads(namesAt([...path, 'node'])))),
    relProps: projectionUnion(...LINK_PATHS.map((path) => relationshipReads(namesAt, [...path, 'relationship'], []))),
  };
}

/**
 * What a query reads of the links of a relationship field (null: `links`), given the names it selects
 * below the field (none: it cannot tell). A field with a view of its own (src/entities/views.ts: a
 * listing's appendix, a donor's recipient) reads them whole.
 */
function fieldLinkReads(model: Model, field: RelationshipFieldSpec | null, namesAt?: (path: readonly string[]) => Set<string>): LinkReads {
  if (!namesAt || field?.view) return WHOLE_LINKS;
  return linkReads(model, field?.target ?? null, namesAt);
}

/** readsBelow's answers by field in the query: each item of a list resolves it with the same field nodes. */
const readsOfFieldNodes = new WeakMap<readonly FieldNode[], LinkReads>();

/** What the query of the current field (a relationship field, or `links`) reads of its links. */
function readsBelow(model: Model, field: RelationshipFieldSpec | null, info: GraphQLResolveInfo | undefined): LinkReads {
  if (!info) return WHOLE_LINKS;
  let reads = readsOfFieldNodes.get(info.fieldNodes);
  if (!reads) {
    reads = fieldLinkReads(model, field, (path) => selectedFieldNames(info, path));
    readsOfFieldNodes.set(info.fieldNodes, reads);
  }
  return reads;
}

function relationshipFieldLinks(
  ctx: RequestContext,
  row: EntityRow,
  field: RelationshipFieldSpec,
  first: number | null | undefined,
  reads: LinkReads,
) {
  return loadLinks(ctx, row.id, fieldLinkOptions(ctx, field, first, reads));
}

/** The field names a query asks of the entities a lookup or a page returns (at these paths below the field). */
function askedOf(info: GraphQLResolveInfo | undefined, paths: readonly (readonly string[])[]): Set<string> | null {
  return info ? new Set(paths.flatMap((path) => [...selectedFieldNames(info, path)])) : null;
}

type Dir = 'OUT' | 'IN' | 'BOTH';

/** The links `links` and `linksConnection` read: any type (or those given), to any kind. */
const anyLinkOptions = (args: { types?: string[] | null; direction?: Dir | null }) => ({
  direction: args.direction ?? 'BOTH',
  types: args.types ?? null,
  kind: null,
  orderBy: null,
});

/** The options of a connection's links and of its count, as the connection resolver asks its loaders. */
function connectionOptions(field: RelationshipFieldSpec) {
  return { direction: field.direction, types: [...field.types], kind: field.target, orderBy: field.orderBy ?? null };
}

/**
 * What the statement of a lookup or a page brings with each entity: every relationship field asked right
 * below it (a fixed-size one whole, a list that grows as the page asked of it: plain, or a connection's
 * first page; `links` and `linksConnection` too) and the counts its connections ask, under the keys its
 * resolvers will ask the loaders for. A connection asked from a cursor or backwards, and everything deeper,
 * keep their own batched statement. A field whose arguments are wrong is left to its own resolver, which
 * reports the error at its path.
 */
function prefetchPlan(
  ctx: RequestContext,
  shape: EntityShape,
  info: GraphQLResolveInfo | undefined,
  paths: readonly (readonly string[])[],
): Prefetch {
  if (!info) return NOTHING_PREFETCHED;
  const { model, spec } = shape;
  const fields = new Map<string, LinkOptions>();
  const counts = new Map<string, LinkCountOptions>();
  const max = ctx.config.limits.maxPageSize;
  for (const selected of paths.flatMap((path) => selectedFields(info, path, spec.label))) {
    const args = selected.args as PositionPageArgs & { types?: string[] | null; direction?: Dir | null };
    const plain = spec.api.fields[selected.name];
    const paged = selected.name.endsWith('Connection') ? spec.api.fields[selected.name.slice(0, -'Connection'.length)] : undefined;
    // A connection's first page: what positionPage fetches (one more than its size, to know whether there is a next).
    // The same options, in the same order, as the field's resolver will ask its loaders for.
    const reads = (field: RelationshipFieldSpec | null) => fieldLinkReads(model, field, selected.namesAt);
    const firstPage = (options: Omit<LinkOptions, 'limit'>, defaultSize: number) => {
      if (args.after != null || args.last != null || args.before != null) return;
      const counted = countedOf(options);
      const fetched = withLimit(options, pageSize(max, 'first', args.first, defaultSize) + 1);
      fields.set(JSON.stringify(fetched), fetched);
      if (selected.below.has('totalCount')) counts.set(JSON.stringify(counted), counted);
    };
    try {
      if (plain) {
        const options = fieldLinkOptions(ctx, plain, args.first, reads(plain));
        fields.set(JSON.stringify(options), options);
      } else if (paged && isPaged(paged)) {
        firstPage({ ...connectionOptions(paged), ...reads(paged) }, paged.first ?? RELATIONSHIP_FIELD_FIRST);
      } else if (selected.name === 'links') {
        const options = withLimit({ ...anyLinkOptions(args), ...reads(null) }, pageSize(max, 'first', args.first, LINKS_FIRST));
        fields.set(JSON.stringify(options), options);
      } else if (selected.name === 'linksConnection') {
        firstPage({ ...anyLinkOptions(args), ...reads(null) }, LINKS_FIRST);
      }
    } catch {
      // a bad `first`: the field's resolver reports it
    }
  }
  return { fields: [...fields.values()], counts: [...counts.values()] };
}

/** A label as the engine reads it: its declaration and every property its rows may have (common ones too). */
export interface EntityShape {
  model: Model;
  spec: LabelSpec;
  properties: ReadonlySet<string>;
}

const shapes = new WeakMap<Model, WeakMap<LabelSpec, EntityShape>>();

/** The shape of a label, built once per declaration (per model: a test's model may share a label's spec). */
export function shapeOf(model: Model, spec: LabelSpec): EntityShape {
  const ofModel = shapes.get(model) ?? new WeakMap<LabelSpec, EntityShape>();
  shapes.set(model, ofModel);
  let shape = ofModel.get(spec);
  if (!shape) {
    shape = { model, spec, properties: new Set([...Object.keys(model.common), ...Object.keys(spec.properties)]) };
    ofModel.set(spec, shape);
  }
  return shape;
}

/** What each shared field reads of a row besides its key and kind. */
const SHARED_FIELD_PROPERTIES: Record<string, readonly string[]> = {
  __typename: [],
  id: [],
  key: [],
  kind: [],
  links: [],
  linksConnection: [],
  provenance: ['citations', 'tags', 'quotes', 'basis', 'rationale'],
  firstLoadedAt: ['firstLoadedAt'],
  changedAt: ['changedAt'],
};

/**
 * The properties the asked fields read (key, kind and name always: ids, types and cursors need them), or
 * null for all of them when a field this engine does not resolve is asked (a capability's field may read
 * any property): a page of names then reads three properties, not every quote and citation.
 */
function projectionOf(shape: EntityShape, asked: Set<string> | null): Projection {
  return asked && readsOf(shape.properties, shape.spec.api.fields, asked);
}

/** What `asked` reads of rows that have `properties` and resolve `fields` elsewhere (null: a field it cannot tell). */
function readsOf(properties: ReadonlySet<string>, fields: Readonly<Record<string, unknown>>, asked: Set<string>): Projection {
  const reads = new Set(['id', 'kind', 'name']);
  for (const name of asked) {
    const shared = SHARED_FIELD_PROPERTIES[name];
    if (shared) for (const property of shared) reads.add(property);
    else if (properties.has(name)) reads.add(name);
    else if (!(name in fields) && !(name.endsWith('Connection') && name.slice(0, -'Connection'.length) in fields)) return null;
  }
  return [...reads];
}

/**
 * The projection of the entities of `label` a capability returns at `path` below the current field (see
 * projectionOf): the contribution rows of the analysts' view read only what their query shows.
 */
export function projectionAt(model: Model, info: GraphQLResolveInfo, path: readonly string[], label: string): Projection {
  const spec = model.labels.find((l) => l.label === label);
  return spec ? projectionOf(shapeOf(model, spec), selectedFieldNames(info, path)) : null;
}

/** What each field of a Relationship reads of its properties besides its key (null: all of them). */
const RELATIONSHIP_FIELD_PROPERTIES: Record<string, readonly string[] | null> = {
  __typename: [],
  key: [],
  type: [],
  fromKey: [],
  toKey: [],
  properties: null,
  provenance: ['basis', 'rationale', 'citations', 'tags'],
  firstLoadedAt: ['firstLoadedAt'],
  changedAt: ['changedAt'],
};

/**
 * The properties of the relationships at `path` below the current field that its query reads (`needs`
 * too: what the caller's own fields read of them), or null for all: a contribution's steps send their
 * citations, and their quotes only when a citation's quote is asked.
 */
export function relationshipProjectionAt(info: GraphQLResolveInfo, path: readonly string[], needs: readonly string[]): Projection {
  return relationshipReads((at) => selectedFieldNames(info, at), path, needs);
}

/** relationshipProjectionAt over any selection (`namesAt`: the names of the fields selected at a path). */
function relationshipReads(namesAt: (path: readonly string[]) => Set<string>, path: readonly string[], needs: readonly string[]): Projection {
  const reads = new Set(['id', ...needs]);
  for (const name of namesAt(path)) {
    const properties = RELATIONSHIP_FIELD_PROPERTIES[name];
    if (!properties) return null;
    for (const property of properties) reads.add(property);
  }
  if (namesAt([...path, 'provenance', 'citations']).has('quote')) reads.add('quotes');
  return [...reads];
}

/**
 * The projection of entities of any kind at `path` (a field typed Entity, like a search hit's node): the
 * fields every kind shares project; any other (a type's own field, asked in a fragment) reads whole rows.
 */
export function commonProjectionAt(model: Model, info: GraphQLResolveInfo, path: readonly string[]): Projection {
  return readsOf(new Set(Object.keys(model.common)), {}, selectedFieldNames(info, path));
}

/** Every property any of them reads (null, every property, if any is null). */
export function projectionUnion(...projections: Projection[]): Projection {
  if (projections.some((p) => p === null)) return null;
  return [...new Set(projections.flat() as string[])];
}

/**
 * Puts an entity's prefetched links and counts where its fields' loaders look first, and the entity itself
 * where the entity loader does when it was read whole (a partial row serves only the fields that asked for it).
 */
function prime(ctx: RequestContext, row: PrefetchedRow, plan: Prefetch, whole: boolean): EntityRow {
  const id = row.node.id;
  if (whole) ctx.loaders.entity.prime(id, row.node);
  for (const [i, options] of plan.fields.entries()) ctx.loaders.links.prime({ id, options }, row.links[i] ?? []);
  for (const [i, options] of plan.counts.entries()) ctx.loaders.linkCounts.prime({ id, options }, row.counts[i] ?? 0);
  return row.node;
}

/**
 * A page of the links of an entity, by position in the order Cypher gives them (the relationship's
 * key identifies an item); the whole list's count comes from one batched statement.
 */
function linksPage(ctx: RequestContext, id: string, options: Omit<LinkOptions, 'limit'>, args: PositionPageArgs, defaultSize: number) {
  const counted = countedOf(options); // the same key as a prefetched count (prefetchPlan)
  return positionPage<LinkRow>(args, ctx.config.limits.maxPageSize, defaultSize, {
    fetch: (limit) => loadLinks(ctx, id, withLimit(options, limit)),
    count: () => ctx.loaders.linkCounts.load({ id, options: counted }),
    identity: (link) => String(link.relationship.rel.id),
  });
}

/** An entity by key (of a label, when given), or a NOT_FOUND error naming the argument. */
export async function requireEntity(ctx: RequestContext, argument: string, key: string): Promise<EntityRow>;
export async function requireEntity<L extends keyof RowsByLabel>(
  ctx: RequestContext,
  argument: string,
  key: string,
  label: L,
): Promise<RowsByLabel[L]>;
export async function requireEntity(ctx: RequestContext, argument: string, key: string, label?: keyof RowsByLabel): Promise<EntityRow> {
  const row = await ctx.loaders.entity.load(key);
  if (!row || (label !== undefined && !isOf(row, label))) throw notFound(argument, key);
  return row;
}

/** How each filter of the model (FILTERS) becomes the repository's filter; enum filters compare the property. */
function applyFilter(name: string, value: unknown, filter: EntityFilter, maxPageSize: number) {
  const argument = `filter.${name}`;
  const year = (v: unknown) => {
    if (typeof v !== 'number' || v < 1000 || v > 3000) throw badUserInput(argument, `must be a year between 1000 and 3000, got ${v}`);
    return v;
  };
  const list = (v: unknown) => {
    const values = v as unknown[];
    if (values.length === 0) throw badUserInput(argument, 'give at least one value (or leave the filter out)');
    if (values.length > maxPageSize) throw badUserInput(argument, `at most ${maxPageSize} values, got ${values.length}`);
    return values.map(String);
  };
  const anyOf = anyOfFilter(name as FilterName);
  if (anyOf) {
    filter.equalsAny = { ...filter.equalsAny, [anyOf]: list(value).map(fromEnum) };
    return;
  }
  switch (name) {
    case 'convention':
      filter.convention = String(value).toLowerCase();
      return;
    case 'changedSince':
      filter.changedSince = checkDateTime(argument, String(value));
      return;
    case 'changedBefore':
      filter.changedBefore = checkDateTime(argument, String(value));
      return;
    case 'year':
      filter.year = year(value);
      return;
    case 'yearFrom':
      filter.yearFrom = year(value);
      return;
    case 'yearTo':
      filter.yearTo = year(value);
      return;
    case 'keyIn':
      filter.keys = list(value).map((key, i) => checkKey(`${argument}[${i}]`, key)!);
      return;
    case 'nameContains': {
      const text = String(value).trim();
      if (text.length === 0 || text.length > 200) throw badUserInput(argument, `give 1 to 200 characters, got ${text.length}`);
      filter.nameContains = text.toLowerCase();
      return;
    }
    case 'species':
      filter.taxon = checkKey(argument, String(value));
      return;
    case 'target':
      filter.target = checkKey(argument, String(value));
      return;
    case 'programme':
    case 'plan':
    case 'document':
      filter.parent = checkKey(argument, String(value));
      return;
    case 'goal': {
      const text = String(value);
      filter.parent = /^[A-Ea-e]$/.test(text) ? `aichi-goal-${text.toLowerCase()}` : checkKey(argument, text);
      return;
    }
    default:
      filter.equals = { ...filter.equals, [name]: fromEnum(String(value)) };
  }
}

function toEntityFilter(given: Record<string, unknown> | null | undefined, maxPageSize: number): EntityFilter {
  const filter: EntityFilter = {};
  for (const [name, value] of Object.entries(given ?? {})) {
    if (value !== null && value !== undefined) applyFilter(name, value, filter, maxPageSize);
  }
  if (filter.yearFrom != null && filter.yearTo != null && filter.yearFrom > filter.yearTo) {
    throw badUserInput('filter.yearTo', `must not be before filter.yearFrom (${filter.yearFrom}), got ${filter.yearTo}`);
  }
  return filter;
}

/** countBy of a filtered list: by a property's values, or by convention as the convention filter selects. */
async function countBy(ctx: RequestContext, label: string, groupings: Grouping[], filter: EntityFilter, grouping: string): Promise<GroupCountRow[]> {
  const found = groupings.find((g) => g.name === grouping);
  if (!found) throw badUserInput('property', `${label} lists cannot be counted by ${grouping}`);
  if (found.property === 'convention') {
    const counts = await Promise.all(
      CONVENTION_IDS.map(async (code) => ({ value: enumValueOf(code), count: await ctx.entities.count(label, { ...filter, convention: code }) })),
    );
    return counts.filter((c) => c.count > 0).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  const rows = await ctx.entities.countByProperty(label, filter, found.property);
  return rows.map((r) => ({ value: enumValueOf(String(r.value)), count: r.count }));
}

interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  filter?: Record<string, unknown> | null;
  orderBy?: string | null;
  direction?: string | null;
}

function cursorArgument(argument: 'after' | 'before', text: string | null | undefined, order: Order) {
  if (text === null || text === undefined) return null;
  const cursor = fromCursor(text, order);
  if (typeof cursor === 'string') throw badUserInput(argument, cursor);
  return cursor;
}

/**
 * One page of a kind, forwards (first, after) or backwards (last, before), ascending or descending:
 * validated arguments, one round trip (plus one for totalCount or countBy when asked). A descending
 * page forwards is the ascending keyset read backwards from its cursor, and the other way round.
 */
export async function listPage(
  ctx: RequestContext,
  shape: EntityShape,
  args: PageArgs,
  groupings: Grouping[] = [],
  info?: GraphQLResolveInfo,
): Promise<PageRow> {
  const { spec } = shape;
  const label = spec.label;
  const max = ctx.config.limits.maxPageSize;
  const order: Order = args.orderBy === 'NAME' ? 'NAME' : 'KEY';
  const backward = args.last != null || args.before != null;
  if (backward && (args.after != null || args.first != null)) {
    throw badUserInput(args.after != null ? 'after' : 'first', 'page one way: first and after forwards, or last and before backwards');
  }
  const filter = toEntityFilter(args.filter, max);
  const cursorOf = (row: EntityRow) => toCursor({ order, key: row.id, ...(order === 'NAME' ? { name: row.name } : {}) });
  const counts = {
    count: () => ctx.entities.count(label, filter),
    countBy: (grouping: string) => countBy(ctx, label, groupings, filter, grouping),
  };
  const size = backward ? pageSize(max, 'last', args.last, LIST_PAGE) : pageSize(max, 'first', args.first, LIST_PAGE);
  const cursor = backward ? cursorArgument('before', args.before, order) : cursorArgument('after', args.after, order);
  // Which way the (kind, key) or (kind, name) index is read: ascending order forwards, or descending backwards.
  const readAscending = backward === (args.direction === 'DESC');
  const paths = [['nodes'], ['edges', 'node']];
  const asked = askedOf(info, paths);
  const plan = prefetchPlan(ctx, shape, info, paths);
  const props = projectionOf(shape, asked);
  const fetched = readAscending
    ? await ctx.entities.page(label, filter, order, cursor, size + 1, plan, props)
    : await ctx.entities.pageBackward(label, filter, order, cursor, size + 1, plan, props);
  const rows = fetched.map((row) => prime(ctx, row, plan, props === null));
  // Rows come nearest to the cursor first; a backward page is shown in the list's order.
  const page = rows.slice(0, size);
  if (backward) return { rows: page.reverse(), hasNextPage: cursor !== null, hasPreviousPage: rows.length > size, cursorOf, ...counts };
  return { rows: page, hasNextPage: rows.length > size, hasPreviousPage: cursor !== null, cursorOf, ...counts };
}

/** How a lookup reads its entity, as its query asks it (projection and prefetch), or null when not found. */
export type LookupRead = (key: string, options: { prefetch: Prefetch; props: Projection }) => Promise<PrefetchedRow | null>;

/**
 * A capability whose fields of a label can come in its lookup's statement: given the lookup's query, the
 * read that brings them too, or null (the lookup reads the entity alone, its fields keep their loaders).
 */
export type LookupCompanion = (ctx: RequestContext, info: GraphQLResolveInfo) => LookupRead | null;

/** Lookup by exactly one of id / key. */
export async function lookup(
  ctx: RequestContext,
  shape: EntityShape,
  args: { id?: string | null; key?: string | null },
  info?: GraphQLResolveInfo,
  companion?: LookupCompanion,
) {
  const { spec } = shape;
  const label = spec.label;
  const given = [args.id, args.key].filter((v) => v !== null && v !== undefined);
  if (given.length !== 1) throw badUserInput(args.id ? 'key' : 'id', 'give exactly one of id or key');
  const [argument, key] =
    args.id !== null && args.id !== undefined ? ['id', keyOfGlobalId('id', args.id, label)] : ['key', checkKey('key', args.key)!];
  // The properties and the relationship fields asked of it, in one round trip.
  const options = { prefetch: prefetchPlan(ctx, shape, info, [[]]), props: projectionOf(shape, askedOf(info, [[]])) };
  const read: LookupRead = (info && companion?.(ctx, info)) || ((id, o) => ctx.loaders.entityAsAsked.load({ id, options: o }));
  const found = await read(key, options);
  if (!found || found.node.kind !== label) throw notFound(argument, key);
  return prime(ctx, found, options.prefetch, options.props === null);
}

function citationsOf(row: ProvenanceRow): CitationRow[] {
  return row.citations.map((c, i) => {
    const hash = c.indexOf('#');
    return { doc: hash < 0 ? c : c.slice(0, hash), at: hash < 0 ? null : c.slice(hash + 1), tag: row.tags[i] ?? 'V', quote: row.quotes?.[i] || null };
  });
}

/** The fields every entity type shares. */
const entityFields = (model: Model) => ({
  id: (row: EntityRow) => toGlobalId(row.kind, row.id),
  key: (row: EntityRow) => row.id,
  kind: (row: EntityRow) => kindOf(row.kind),
  provenance: (row: EntityRow) => row,
  firstLoadedAt: (row: EntityRow) => row.firstLoadedAt ?? null,
  changedAt: (row: EntityRow) => row.changedAt ?? null,
  links: (
    row: EntityRow,
    args: { types?: string[] | null; direction?: Dir | null; first?: number | null },
    ctx: RequestContext,
    info?: GraphQLResolveInfo,
  ) =>
    loadLinks(
      ctx,
      row.id,
      withLimit(
        { ...anyLinkOptions(args), ...readsBelow(model, null, info) },
        pageSize(ctx.config.limits.maxPageSize, 'first', args.first, LINKS_FIRST),
      ),
    ),
  linksConnection: (
    row: EntityRow,
    args: PositionPageArgs & { types?: string[] | null; direction?: Dir | null },
    ctx: RequestContext,
    info?: GraphQLResolveInfo,
  ) => linksPage(ctx, row.id, { ...anyLinkOptions(args), ...readsBelow(model, null, info) }, args, LINKS_FIRST),
});

/** Resolvers of one label: shared fields, enum and list properties, relationship fields. */
function typeResolvers(model: Model, spec: LabelSpec): Record<string, Resolver> {
  const resolvers: Record<string, Resolver> = { ...entityFields(model) };
  for (const [name, property] of Object.entries(spec.properties)) {
    if (property.type.kind === 'enum' && property.type.graphqlName !== 'String') {
      resolvers[name] = (row: EntityRow) => toEnum(Reflect.get(row, name));
    }
    const max = stringListMax(property);
    if (max !== undefined) {
      resolvers[name] = (row: EntityRow) => {
        const list: unknown = Reflect.get(row, name);
        return Array.isArray(list) ? list.slice(0, max) : [];
      };
    }
  }
  for (const [name, field] of Object.entries(spec.api.fields)) {
    resolvers[name] = (row: EntityRow, args: { first?: number | null }, ctx: RequestContext, info?: GraphQLResolveInfo) =>
      relationshipFieldLinks(ctx, row, field, args.first, readsBelow(model, field, info));
    if (isPaged(field)) {
      const options = connectionOptions(field);
      resolvers[connectionFieldOf(name)] = (row: EntityRow, args: PositionPageArgs, ctx: RequestContext, info?: GraphQLResolveInfo) =>
        linksPage(ctx, row.id, { ...options, ...readsBelow(model, field, info) }, args, field.first ?? RELATIONSHIP_FIELD_FIRST);
    }
  }
  return resolvers;
}

const connectionResolvers = connectionFields<unknown>();
/** The connection of a label's list, which can also count by its groupings. */
const groupedConnectionResolvers = {
  ...connectionFields<EntityRow>(),
  countBy: (page: PageRow, args: { property: string }) => page.countBy(args.property),
};

function queryResolvers(model: Model, companions: LookupCompanions): Record<string, Resolver> {
  const query: Record<string, Resolver> = {
    node: (_: unknown, args: { id: string }, ctx: RequestContext) => requireEntity(ctx, 'id', keyOfGlobalId('id', args.id)),
    nodes: (_: unknown, args: { ids: string[] }, ctx: RequestContext) => {
      const max = ctx.config.limits.maxPageSize;
      if (args.ids.length > max) throw badUserInput('ids', `at most ${max} ids, got ${args.ids.length}`);
      // An unknown or malformed id gives null at its position, with its error there; the others still answer.
      return args.ids.map(async (id, i) => requireEntity(ctx, `ids[${i}]`, keyOfGlobalId(`ids[${i}]`, id)));
    },
    entity: (_: unknown, args: { key: string }, ctx: RequestContext) => requireEntity(ctx, 'key', checkKey('key', args.key)!),
  };
  for (const spec of model.labels) {
    const groupings = groupingsOf(model, spec);
    const shape = shapeOf(model, spec);
    query[spec.api.list] = (_: unknown, args: PageArgs, ctx: RequestContext, info?: GraphQLResolveInfo) =>
      listPage(ctx, shape, args, groupings, info);
    query[spec.api.lookup] = (_: unknown, args: { id?: string | null; key?: string | null }, ctx: RequestContext, info?: GraphQLResolveInfo) =>
      lookup(ctx, shape, args, info, companions[spec.label]);
  }
  return query;
}

const relationshipResolvers = {
  Relationship: {
    key: (r: RelationshipRow) => r.rel.id,
    fromKey: (r: RelationshipRow) => r.from,
    toKey: (r: RelationshipRow) => r.to,
    properties: (r: RelationshipRow) => r.rel,
    provenance: (r: RelationshipRow) => r.rel,
    firstLoadedAt: (r: RelationshipRow) => r.rel.firstLoadedAt ?? null,
    changedAt: (r: RelationshipRow) => r.rel.changedAt ?? null,
  },
  Provenance: {
    basis: (p: ProvenanceRow) => toEnum(p.basis),
    rationale: (p: ProvenanceRow) => p.rationale ?? null,
    citations: (p: ProvenanceRow) => citationsOf(p).slice(0, 10),
  },
  Citation: {
    documentKey: (c: CitationRow) => c.doc,
    document: (c: CitationRow, _: unknown, ctx: RequestContext) => requireEntity(ctx, 'citation', c.doc),
    locator: (c: CitationRow) => c.at,
    url: async (c: CitationRow, _: unknown, ctx: RequestContext) => {
      const document = await ctx.loaders.entity.load(c.doc);
      return (document && Reflect.get(document, 'url')) ?? null;
    },
    confidence: (c: CitationRow) => (c.tag === 'P' ? 'PARTIAL' : 'VERIFIED'),
    paragraph: (c: CitationRow, _: unknown, ctx: RequestContext) => (c.at === null ? null : ctx.loaders.paragraph.load(`${c.doc}#${c.at}`)),
  },
};

const resolveType = (row: EntityRow) => row.kind;

/** Every resolver the model implies. */
/** Lookup companions by label (src/resolvers.ts gathers them from the capabilities). */
export type LookupCompanions = Readonly<Record<string, LookupCompanion | undefined>>;

export function modelResolvers(model: Model, companions: LookupCompanions = {}): ResolverMap {
  const resolvers: ResolverMap = {
    Query: queryResolvers(model, companions),
    Node: { __resolveType: resolveType },
    Entity: { __resolveType: resolveType },
    ...relationshipResolvers,
  };
  for (const spec of model.labels) {
    resolvers[spec.label] = typeResolvers(model, spec);
    resolvers[`${spec.label}Connection`] = groupingsOf(model, spec).length > 0 ? groupedConnectionResolvers : connectionResolvers;
    for (const field of Object.values(spec.api.fields)) if (isPaged(field)) resolvers[`${itemTypeOf(field)}Connection`] = connectionResolvers;
  }
  resolvers.EntityLinkConnection = connectionResolvers;
  return resolvers;
}
