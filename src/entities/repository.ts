/** Entities and their relationships: each function is one Cypher round trip for a whole batch. */
import neo4j from 'neo4j-driver';
import type { GraphReader, Params, QueryStats } from '../db/database.js';
import type { LinkCountOptions, LinkOptions } from './loaders.js';
import type { EntityRow, LinkRow, RelationshipRow } from './rows.js';

/** List filters, in the data's own vocabulary (kebab-case values, readable keys); null = not asked. */
export interface EntityFilter {
  /** Properties that must have these values (status, theme, documentType...). */
  equals?: Record<string, string>;
  /** Properties that must have one of these values. */
  equalsAny?: Record<string, string[]>;
  /** Only these keys. */
  keys?: string[] | null;
  /** Lowercase text the English or French name contains. */
  nameContains?: string | null;
  year?: number | null;
  yearFrom?: number | null;
  yearTo?: number | null;
  /** Changed after this instant (ISO, as stored). */
  changedSince?: string | null;
  /** Changed at or before this instant. */
  changedBefore?: string | null;
  convention?: string | null;
  parent?: string | null;
  taxon?: string | null;
  target?: string | null;
}

function filterParams(filter: EntityFilter): Record<string, unknown> {
  return {
    equals: filter.equals ?? {},
    equalsAny: filter.equalsAny ?? {},
    keys: filter.keys ?? null,
    nameContains: filter.nameContains ?? null,
    year: filter.year != null ? neo4j.int(filter.year) : null,
    yearFrom: filter.yearFrom != null ? neo4j.int(filter.yearFrom) : null,
    yearTo: filter.yearTo != null ? neo4j.int(filter.yearTo) : null,
    changedSince: filter.changedSince ?? null,
    changedBefore: filter.changedBefore ?? null,
    convention: filter.convention ?? null,
    parent: filter.parent ?? null,
    taxon: filter.taxon ?? null,
    target: filter.target ?? null,
  };
}

/**
 * What comes with each entity of a lookup or a page (cypher/entities/prefetched.fragment): the links of
 * `fields` (a page of each) and the number of links of `counts`.
 */
export interface Prefetch {
  fields: readonly LinkOptions[];
  counts: readonly LinkCountOptions[];
}

export const NOTHING_PREFETCHED: Prefetch = { fields: [], counts: [] };

/** An entity with what was prefetched with it: one list per field and one count per count, in the order asked. */
export interface PrefetchedRow {
  node: EntityRow;
  links: LinkRow[][];
  counts: number[];
}

type RawLink = RelationshipRow & { node: EntityRow };
/** A row of a statement that returns {{projection}} and {{prefetched}} (read back by `prefetched`). */
export type PrefetchedRawRow = { node: EntityRow | null; values: unknown[] | null; links: RawLink[][]; counts: number[] };

/**
 * Which properties of an entity to read: all (null), or these (a page or a lookup that knows what its
 * query asks). A row read with some is partial: only the fields that asked for them may read it.
 */
export type Projection = readonly string[] | null;

/** A link as Cypher returned it, its entity and relationship read through the projections of `options`. */
const linkOf = (id: string, r: RawLink, options: Pick<LinkOptions, 'nodeProps' | 'relProps'>): LinkRow => ({
  node: asAsked(r.node, options.nodeProps),
  relationship: { type: r.type, from: r.from, to: r.to, rel: asAsked(r.rel, options.relProps) },
  direction: r.from === id ? 'OUT' : 'IN',
});

/**
 * The row as properties(n) would give it, from a statement that returns cypher/entities/projection.fragment
 * (`node` whole, or the `values` of `props`): the asked properties the entity has (absent ones left out).
 */
export function rowOf(r: { node: EntityRow | null; values: unknown[] | null }, props: Projection): EntityRow {
  return r.node ?? asAsked(r.values ?? [], props);
}

/**
 * An entity read through a projection: the values of `props`, in that order, as a row (absent ones left
 * out); read without one (props null), Cypher gave the whole map.
 */
export function asAsked<T = EntityRow>(read: unknown, props: Projection): T {
  if (props === null) return read as T;
  const values = read as unknown[];
  const row: Record<string, unknown> = {};
  props.forEach((key, i) => {
    if (values[i] != null) row[key] = values[i];
  });
  return row as T;
}

export const prefetched = (rows: PrefetchedRawRow[], props: Projection, prefetch: Prefetch): PrefetchedRow[] =>
  rows.map((r) => {
    const node = rowOf(r, props);
    return { node, links: r.links.map((list, i) => list.map((link) => linkOf(node.id, link, prefetch.fields[i]!))), counts: r.counts };
  });

/** A prefetch as Cypher takes it (limits as integers). */
export const prefetchParams = ({ fields, counts }: Prefetch) => ({ fields: fields.map((f) => ({ ...f, limit: neo4j.int(f.limit) })), counts });

export class EntityRepository {
  constructor(
    private readonly db: GraphReader,
    private readonly stats?: QueryStats,
  ) {}

  /** The data version loaded and when; nulls when the graph was never loaded. */
  async dataVersion(): Promise<{ dataHash: string | null; loadedAt: string | null }> {
    const [row] = await this.db.read<{ dataHash: string | null; loadedAt: string | null }>('about/dataVersion', {}, this.stats);
    return { dataHash: row?.dataHash ?? null, loadedAt: row?.loadedAt ?? null };
  }

  async byIds(ids: readonly string[]): Promise<Map<string, EntityRow>> {
    const rows = await this.byIdsWithPrefetch(ids, NOTHING_PREFETCHED, null);
    return new Map(rows.map((r) => [r.node.id, r.node]));
  }

  /** A statement that returns {{projection}} and {{prefetched}}: its entities as `props` and `prefetch` ask. */
  private async readPrefetched(statement: string, params: Params, prefetch: Prefetch, props: Projection): Promise<PrefetchedRow[]> {
    return prefetched(
      await this.db.read<PrefetchedRawRow>(statement, { ...params, ...prefetchParams(prefetch), props }, this.stats),
      props,
      prefetch,
    );
  }

  /** Entities by key (their `props`, or all), each with what `prefetch` asks, in one round trip. */
  async byIdsWithPrefetch(ids: readonly string[], prefetch: Prefetch, props: Projection): Promise<PrefetchedRow[]> {
    return this.readPrefetched('entities/byIds', { ids }, prefetch, props);
  }

  /** Links of many entities in one round trip, grouped by entity key. */
  async links(ids: readonly string[], options: LinkOptions): Promise<Map<string, LinkRow[]>> {
    const { direction, types, kind, orderBy, limit, nodeProps, relProps } = options;
    const rows = await this.db.read<{ id: string } & RawLink>(
      'entities/links',
      { ids, choice: { direction, types, kind }, orderBy, limit: neo4j.int(limit), nodeProps, relProps },
      this.stats,
    );
    const byId = new Map<string, LinkRow[]>();
    for (const r of rows) {
      const list = byId.get(r.id) ?? [];
      list.push(linkOf(r.id, r, options));
      byId.set(r.id, list);
    }
    return byId;
  }

  /** How many links each entity has, with the same choice as links() (its limit and order aside). */
  async linkCounts(ids: readonly string[], options: LinkCountOptions): Promise<Map<string, number>> {
    const { direction, types, kind } = options;
    const rows = await this.db.read<{ id: string; total: number }>('entities/linkCounts', { ids, choice: { direction, types, kind } }, this.stats);
    return new Map(rows.map((r) => [r.id, r.total]));
  }

  /** One page (limit rows) of a kind after a keyset, in key or name order, each row with what `prefetch` asks. */
  async page(
    kind: string,
    filter: EntityFilter,
    order: 'KEY' | 'NAME',
    after: { key: string; name?: string } | null,
    limit: number,
    prefetch: Prefetch = NOTHING_PREFETCHED,
    props: Projection = null,
  ): Promise<PrefetchedRow[]> {
    const statement = order === 'KEY' ? 'entities/pageByKey' : 'entities/pageByName';
    const params = { kind, ...filterParams(filter), afterKey: after?.key ?? '', afterName: after?.name ?? '', limit: neo4j.int(limit) };
    return this.readPrefetched(statement, params, prefetch, props);
  }

  /** The page (limit rows) before a keyset, nearest first: the caller reverses it. No keyset: the last rows. */
  async pageBackward(
    kind: string,
    filter: EntityFilter,
    order: 'KEY' | 'NAME',
    before: { key: string; name?: string } | null,
    limit: number,
    prefetch: Prefetch = NOTHING_PREFETCHED,
    props: Projection = null,
  ): Promise<PrefetchedRow[]> {
    const statement = order === 'KEY' ? 'entities/pageByKeyBackward' : 'entities/pageByNameBackward';
    // Past every key (lowercase ASCII) and every name, when reading from the end.
    const params = {
      kind,
      ...filterParams(filter),
      beforeKey: before?.key ?? '~',
      beforeName: before?.name ?? '\u{10FFFF}',
      limit: neo4j.int(limit),
    };
    return this.readPrefetched(statement, params, prefetch, props);
  }

  async count(kind: string, filter: EntityFilter): Promise<number> {
    const [row] = await this.db.read<{ total: number }>('entities/count', { kind, ...filterParams(filter) }, this.stats);
    return row?.total ?? 0;
  }

  /** How many entities of a kind, filtered, have each value of a property (as stored), most first. */
  async countByProperty(kind: string, filter: EntityFilter, property: string): Promise<{ value: string; count: number }[]> {
    return this.db.read<{ value: string; count: number }>('entities/countByProperty', { kind, ...filterParams(filter), property }, this.stats);
  }

  /** The paragraphs named by a batch of "<doc>#<locator>" citations, by citation. */
  async paragraphsByCitation(citations: readonly string[]): Promise<Map<string, EntityRow>> {
    const rows = await this.db.read<{ citation: string; node: EntityRow }>('entities/paragraphsByCitation', { citations }, this.stats);
    return new Map(rows.map((r) => [r.citation, r.node]));
  }

  /** For each "<doc>#<locator>" citation: the entities and relationships citing it (at most 200 of each). */
  async citing(citations: readonly string[]) {
    const rows = await this.db.read<{
      citation: string;
      entities: EntityRow[];
      relationships: { type: string; from: string; to: string; rel: RelationshipRow['rel']; fromNode: EntityRow; toNode: EntityRow }[];
    }>('entities/citing', { citations }, this.stats);
    return new Map(rows.map((r) => [r.citation, r]));
  }
}
