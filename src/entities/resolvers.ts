/**
 * Resolvers shared by every entity type: lookups, pages, links and provenance. Each type's own fields
 * are its node properties (enums turned to GraphQL form); its relationship fields are declared in
 * LINK_FIELDS and all go through one batched loader.
 */
import type { RequestContext } from '../context.js';
import { badUserInput, notFound } from '../errors.js';
import { LABELS, type LabelSpec } from '../ingest/model.js';
import { fromCursor, fromGlobalId, isKey, toCursor, toGlobalId, type Order } from './ids.js';
import type { EntityFilter } from './repository.js';
import type { CitationRow, EntityRow, LinkRow, PageRow, ProvenanceRow, RelationshipRow } from './rows.js';

/** kebab-case data value → GraphQL enum value. */
export const toEnum = (value: unknown) => (typeof value === 'string' ? value.toUpperCase().replace(/-/g, '_') : null);
/** GraphQL enum value → kebab-case data value. */
export const fromEnum = (value: string) => value.toLowerCase().replace(/_/g, '-');
/** Label → EntityKind enum value (WorkProgramme → WORK_PROGRAMME). */
export const kindOf = (label: string) => label.replace(/(?<!^)(?=[A-Z])/g, '_').toUpperCase();
export const labelOfKind = (kind: string) => LABELS.find((l) => kindOf(l.label) === kind)?.label;

type Dir = 'OUT' | 'IN' | 'BOTH';
interface LinkField {
  direction: Dir;
  types: string[];
  kind: string;
  /** Sort the links by this property of the node (paragraphs by order). */
  sortBy?: string;
}
const link = (direction: Dir, types: string[], kind: string, sortBy?: string): LinkField => ({ direction, types, kind, sortBy });

/** The typed relationship fields of each entity type. */
export const LINK_FIELDS: Record<string, Record<string, LinkField>> = {
  Convention: {
    instruments: link('IN', ['UNDER', 'BETWEEN'], 'Instrument'),
    strategicPlans: link('IN', ['UNDER'], 'StrategicPlan'),
    meetings: link('IN', ['HELD_BY'], 'Meeting'),
  },
  Instrument: { conventions: link('OUT', ['BETWEEN', 'UNDER'], 'Convention'), taxa: link('OUT', ['CONCERNS'], 'Taxon') },
  Decision: { adoptedAt: link('OUT', ['ADOPTED_AT'], 'Meeting'), strategicPlans: link('OUT', ['ADOPTS', 'ESTABLISHES'], 'StrategicPlan') },
  Meeting: { approved: link('IN', ['APPROVED_BY'], 'WorkProgramme'), adopted: link('IN', ['ADOPTED_AT'], 'Decision') },
  Document: { paragraphs: link('IN', ['PART_OF'], 'Paragraph', 'order'), annexes: link('IN', ['PART_OF'], 'Document') },
  StrategicPlan: {
    objectives: link('IN', ['PART_OF'], 'Objective', 'code'),
    adoptedBy: link('IN', ['ADOPTS'], 'Decision'),
    extends: link('OUT', ['EXTENDS'], 'StrategicPlan'),
    gbfTargets: link('IN', ['PART_OF'], 'GbfTarget', 'number'),
  },
  Objective: {
    plan: link('OUT', ['PART_OF'], 'StrategicPlan'),
    aichiTargets: link('IN', ['PART_OF'], 'AichiTarget', 'number'),
    serves: link('OUT', ['SERVES'], 'AichiTarget', 'number'),
  },
  AichiTarget: { goal: link('OUT', ['PART_OF'], 'Objective'), gbfTargets: link('OUT', ['CORRESPONDS_TO'], 'GbfTarget', 'number') },
  GbfTarget: { aichiTargets: link('IN', ['CORRESPONDS_TO'], 'AichiTarget', 'number') },
  Taxon: {
    parents: link('OUT', ['PART_OF'], 'Taxon'),
    children: link('IN', ['PART_OF'], 'Taxon'),
    instruments: link('IN', ['CONCERNS'], 'Instrument'),
    activities: link('IN', ['CONCERNS'], 'Activity'),
    initiatives: link('IN', ['CONCERNS'], 'Initiative'),
  },
  Initiative: { taxa: link('OUT', ['CONCERNS'], 'Taxon') },
  WorkProgramme: {
    activities: link('IN', ['PART_OF'], 'Activity'),
    approvedBy: link('OUT', ['APPROVED_BY'], 'Meeting'),
    consideredAt: link('OUT', ['CONSIDERED_AT', 'TO_BE_CONSIDERED_AT'], 'Meeting'),
    conventions: link('OUT', ['BETWEEN'], 'Convention'),
    plans: link('OUT', ['TAKES_INTO_ACCOUNT', 'INTEGRATED_INTO'], 'StrategicPlan'),
  },
  Activity: {
    programme: link('OUT', ['PART_OF'], 'WorkProgramme'),
    taxa: link('OUT', ['CONCERNS'], 'Taxon'),
    fundedBy: link('IN', ['FUNDED'], 'Party'),
  },
  Paragraph: {},
  Party: {},
};

/** Checks a page size argument against MAX_PAGE_SIZE. */
export function pageSize(ctx: RequestContext, argument: string, value: number | null | undefined, fallback: number): number {
  const size = value ?? fallback;
  const max = ctx.config.limits.maxPageSize;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw badUserInput(argument, `must be between 1 and ${max}, got ${size}`);
  }
  return size;
}

export function loadLinks(ctx: RequestContext, id: string, field: { direction: Dir; types: string[] | null; kind: string | null }, limit: number) {
  return ctx.loaders.links.load({ id, options: { direction: field.direction, types: field.types, kind: field.kind, limit } });
}

async function typedLinks(row: EntityRow, field: LinkField, ctx: RequestContext, first?: number | null): Promise<LinkRow[]> {
  const links = await loadLinks(ctx, row.id, field, pageSize(ctx, 'first', first, ctx.config.limits.maxPageSize));
  if (!field.sortBy) return links;
  const key = field.sortBy;
  return [...links].sort((a, b) => String(a.node[key]).localeCompare(String(b.node[key]), 'en', { numeric: true }));
}

/** An entity by key, or a NOT_FOUND error naming the argument. */
export async function requireEntity(ctx: RequestContext, argument: string, key: string, label?: string): Promise<EntityRow> {
  const row = await ctx.loaders.entity.load(key);
  if (!row || (label !== undefined && row.kind !== label)) throw notFound(argument, key);
  return row;
}

/** The key behind a global id argument, checked for form and, when given, kind. */
export function keyOfGlobalId(argument: string, id: string, label?: string): string {
  const parsed = fromGlobalId(id);
  if (!parsed) throw badUserInput(argument, 'not a global id returned by this API');
  if (label !== undefined && parsed.kind !== label) throw badUserInput(argument, `is the id of a ${parsed.kind}, not of a ${label}`);
  return parsed.key;
}

/** A key or a global id, as some arguments accept either. */
export function keyOrGlobalId(argument: string, value: string, label?: string): string {
  if (isKey(value)) return value;
  return keyOfGlobalId(argument, value, label);
}

function checkKey(argument: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!isKey(value)) throw badUserInput(argument, `not a key (lowercase words joined by hyphens), got ${JSON.stringify(value.slice(0, 80))}`);
  return value;
}

/** How each filter field of the schema maps to the repository's filter. */
const FILTER_FIELDS: Record<string, (value: unknown, filter: EntityFilter, argument: string) => void> = {
  status: (v, f) => void (f.status = fromEnum(String(v))),
  theme: (v, f) => void (f.theme = fromEnum(String(v))),
  body: (v, f) => void (f.body = fromEnum(String(v))),
  rank: (v, f) => void (f.rank = fromEnum(String(v))),
  instrumentType: (v, f) => void (f.subtype = fromEnum(String(v))),
  documentType: (v, f) => void (f.subtype = fromEnum(String(v))),
  initiativeType: (v, f) => void (f.subtype = fromEnum(String(v))),
  convention: (v, f) => void (f.convention = String(v).toLowerCase()),
  year: (v, f, a) => {
    if (typeof v !== 'number' || v < 1000 || v > 3000) throw badUserInput(a, `must be a year between 1000 and 3000, got ${v}`);
    f.year = v;
  },
  species: (v, f, a) => void (f.taxon = checkKey(a, v as string)),
  target: (v, f, a) => void (f.target = checkKey(a, v as string)),
  programme: (v, f, a) => void (f.parent = checkKey(a, v as string)),
  plan: (v, f, a) => void (f.parent = checkKey(a, v as string)),
  document: (v, f, a) => void (f.parent = checkKey(a, v as string)),
  goal: (v, f, a) => {
    const text = String(v);
    f.parent = /^[A-Ea-e]$/.test(text) ? `aichi-goal-${text.toLowerCase()}` : checkKey(a, text);
  },
};

export function toEntityFilter(filter: Record<string, unknown> | null | undefined): EntityFilter {
  const result: EntityFilter = {};
  for (const [field, value] of Object.entries(filter ?? {})) {
    if (value === null || value === undefined) continue;
    FILTER_FIELDS[field]!(value, result, `filter.${field}`);
  }
  return result;
}

interface PageArgs {
  first?: number | null;
  after?: string | null;
  filter?: Record<string, unknown> | null;
  orderBy?: string | null;
}

/** One page of a kind: validated arguments, one round trip (plus one for totalCount when asked). */
export async function listPage(ctx: RequestContext, label: string, args: PageArgs): Promise<PageRow> {
  const first = pageSize(ctx, 'first', args.first, 20);
  const order: Order = args.orderBy === 'NAME' ? 'NAME' : 'KEY';
  let after = null;
  if (args.after !== null && args.after !== undefined) {
    const cursor = fromCursor(args.after, order);
    if (typeof cursor === 'string') throw badUserInput('after', cursor);
    after = cursor;
  }
  const filter = toEntityFilter(args.filter);
  const rows = await ctx.entities.page(label, filter, order, after, first + 1);
  for (const row of rows) ctx.loaders.entity.prime(row.id, row);
  return {
    rows: rows.slice(0, first),
    hasNextPage: rows.length > first,
    hasPreviousPage: after !== null,
    cursorOf: (row) => toCursor({ order, key: row.id, ...(order === 'NAME' ? { name: row.name } : {}) }),
    count: () => ctx.entities.count(label, filter),
  };
}

/** Lookup by exactly one of id / key. */
export async function lookup(ctx: RequestContext, label: string, args: { id?: string | null; key?: string | null }) {
  const given = [args.id, args.key].filter((v) => v !== null && v !== undefined);
  if (given.length !== 1) throw badUserInput(args.id ? 'key' : 'id', 'give exactly one of id or key');
  if (args.id !== null && args.id !== undefined) return requireEntity(ctx, 'id', keyOfGlobalId('id', args.id, label), label);
  return requireEntity(ctx, 'key', checkKey('key', args.key)!, label);
}

function citationsOf(row: ProvenanceRow): CitationRow[] {
  return row.citations.map((c, i) => {
    const hash = c.indexOf('#');
    return { doc: hash < 0 ? c : c.slice(0, hash), at: hash < 0 ? null : c.slice(hash + 1), tag: row.tags[i] ?? 'V' };
  });
}

/** Resolvers for one entity type: shared fields, enum fields, typed link fields. */
function typeResolvers(spec: LabelSpec) {
  const resolvers: Record<string, unknown> = {
    id: (row: EntityRow) => toGlobalId(row.kind, row.id),
    key: (row: EntityRow) => row.id,
    kind: (row: EntityRow) => kindOf(row.kind),
    provenance: (row: EntityRow) => row,
    links: (row: EntityRow, args: { types?: string[] | null; direction?: Dir | null; first?: number | null }, ctx: RequestContext) =>
      loadLinks(ctx, row.id, { direction: args.direction ?? 'BOTH', types: args.types ?? null, kind: null }, pageSize(ctx, 'first', args.first, 50)),
  };
  for (const [name, prop] of Object.entries(spec.properties)) {
    if (prop.type.kind === 'enum') resolvers[name] = (row: EntityRow) => toEnum(row[name]);
    if (prop.type.kind === 'stringList') resolvers[name] = (row: EntityRow) => row[name] ?? [];
  }
  for (const [name, field] of Object.entries(LINK_FIELDS[spec.label] ?? {})) {
    resolvers[name] = (row: EntityRow, args: { first?: number | null }, ctx: RequestContext) => typedLinks(row, field, ctx, args.first);
  }
  return resolvers;
}

const lowerFirst = (s: string) => s[0]!.toLowerCase() + s.slice(1);
/** Query field names of each type's list (plural) and lookup (singular). */
export const LIST_FIELDS: Record<string, string> = {
  Convention: 'conventions',
  Instrument: 'instruments',
  Decision: 'decisions',
  StrategicPlan: 'strategicPlans',
  Objective: 'objectives',
  AichiTarget: 'aichiTargets',
  GbfTarget: 'gbfTargets',
  Taxon: 'taxa',
  Initiative: 'initiatives',
  WorkProgramme: 'workProgrammes',
  Activity: 'activities',
  Meeting: 'meetings',
  Document: 'documents',
  Paragraph: 'paragraphs',
  Party: 'parties',
};

const resolveType = (row: EntityRow) => row.kind;

function queryResolvers() {
  const query: Record<string, unknown> = {
    node: async (_: unknown, args: { id: string }, ctx: RequestContext) => requireEntity(ctx, 'id', keyOfGlobalId('id', args.id)),
    nodes: (_: unknown, args: { ids: string[] }, ctx: RequestContext) => {
      if (args.ids.length > ctx.config.limits.maxPageSize) {
        throw badUserInput('ids', `at most ${ctx.config.limits.maxPageSize} ids, got ${args.ids.length}`);
      }
      const keys = args.ids.map((id, i) => keyOfGlobalId(`ids[${i}]`, id));
      // An unknown id gives null at its position with a NOT_FOUND error there.
      return keys.map((key, i) => requireEntity(ctx, `ids[${i}]`, key));
    },
    entity: (_: unknown, args: { key: string }, ctx: RequestContext) => requireEntity(ctx, 'key', checkKey('key', args.key)!),
  };
  for (const [label, plural] of Object.entries(LIST_FIELDS)) {
    query[plural] = (_: unknown, args: PageArgs, ctx: RequestContext) => listPage(ctx, label, args);
    query[lowerFirst(label)] = (_: unknown, args: { id?: string | null; key?: string | null }, ctx: RequestContext) => lookup(ctx, label, args);
  }
  return query;
}

function connectionResolvers() {
  return {
    edges: (page: PageRow) => page.rows.map((row) => ({ cursor: page.cursorOf(row), node: row })),
    nodes: (page: PageRow) => page.rows,
    pageInfo: (page: PageRow) => ({
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.rows[0] ? page.cursorOf(page.rows[0]) : null,
      endCursor: page.rows.length > 0 ? page.cursorOf(page.rows[page.rows.length - 1]!) : null,
    }),
    totalCount: (page: PageRow) => page.count(),
  };
}

export const relationshipResolvers = {
  Relationship: {
    key: (r: RelationshipRow) => r.rel.id,
    fromKey: (r: RelationshipRow) => r.from,
    toKey: (r: RelationshipRow) => r.to,
    properties: (r: RelationshipRow) => r.rel,
    provenance: (r: RelationshipRow) => r.rel,
  },
  Provenance: {
    basis: (p: ProvenanceRow) => toEnum(p.basis),
    rationale: (p: ProvenanceRow) => p.rationale ?? null,
    citations: (p: ProvenanceRow) => citationsOf(p),
  },
  Citation: {
    documentKey: (c: CitationRow) => c.doc,
    document: (c: CitationRow, _: unknown, ctx: RequestContext) => requireEntity(ctx, 'citation', c.doc),
    locator: (c: CitationRow) => c.at,
    url: async (c: CitationRow, _: unknown, ctx: RequestContext) => (await ctx.loaders.entity.load(c.doc))?.url ?? null,
    confidence: (c: CitationRow) => (c.tag === 'P' ? 'PARTIAL' : 'VERIFIED'),
    paragraph: async (c: CitationRow, _: unknown, ctx: RequestContext) => {
      if (c.at === null) return null;
      const paragraphs = await loadLinks(ctx, c.doc, { direction: 'IN', types: ['PART_OF'], kind: 'Paragraph' }, 1000);
      return paragraphs.find((p) => p.node.locator === c.at)?.node ?? null;
    },
  },
};

export function entityResolvers() {
  const resolvers: Record<string, unknown> = {
    Query: queryResolvers(),
    Node: { __resolveType: resolveType },
    Entity: { __resolveType: resolveType },
    ...relationshipResolvers,
  };
  for (const spec of LABELS) {
    resolvers[spec.label] = typeResolvers(spec);
    resolvers[`${spec.label}Connection`] = connectionResolvers();
  }
  return resolvers;
}
