/** Per-request DataLoaders over the entity repository. */
import DataLoader from 'dataloader';
import { groupedLoader } from '../db/batch.js';
import type { EntityRepository, Prefetch, PrefetchedRow, Projection } from './repository.js';
import type { EntityRow, LinkRow } from './rows.js';

export interface LinkOptions {
  direction: 'OUT' | 'IN' | 'BOTH';
  types: string[] | null;
  /** Only entities of this kind (label) at the other end. */
  kind: string | null;
  /** Property of the other end to order by, then key; null: by relationship type, then key. */
  orderBy: string | null;
  limit: number;
  /** What the query reads of the entities at the other end (null: every property). */
  nodeProps: Projection;
  /** What the query reads of the relationships (null: every property). */
  relProps: Projection;
}

/** Which links to count: the same choice as LinkOptions, order, limit and what is read aside. */
export type LinkCountOptions = Omit<LinkOptions, 'orderBy' | 'limit' | 'nodeProps' | 'relProps'>;

export function entityLoaders(repository: EntityRepository) {
  return {
    entity: new DataLoader<string, EntityRow | null>(async (ids) => {
      const found = await repository.byIds(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    /** Entities as a lookup asks them: some properties (or all) and the links and counts below them, batched per shape. */
    entityAsAsked: groupedLoader<{ prefetch: Prefetch; props: Projection }, PrefetchedRow | null>(
      async (ids, o) => new Map((await repository.byIdsWithPrefetch(ids, o.prefetch, o.props)).map((r) => [r.node.id, r])),
      () => null,
    ),
    links: groupedLoader<LinkOptions, LinkRow[]>(
      (ids, o) => repository.links(ids, { ...o, types: o.types === null ? null : [...o.types].sort() }),
      () => [],
    ),
    linkCounts: groupedLoader<LinkCountOptions, number>(
      (ids, o) => repository.linkCounts(ids, { ...o, types: o.types === null ? null : [...o.types].sort() }),
      () => 0,
    ),
    /** The data version and load time, read once per request however many fields ask. */
    dataVersion: new DataLoader<'graph', { dataHash: string | null; loadedAt: string | null }>(async (keys) => {
      const version = await repository.dataVersion();
      return keys.map(() => version);
    }),
    /** A paragraph by the citation that names it ("<document>#<locator>"). */
    paragraph: new DataLoader<string, EntityRow | null>(async (citations) => {
      const found = await repository.paragraphsByCitation(citations);
      return citations.map((c) => found.get(c) ?? null);
    }),
    citing: new DataLoader(async (citations: readonly string[]) => {
      const found = await repository.citing(citations);
      return citations.map((c) => found.get(c) ?? { citation: c, entities: [], relationships: [] });
    }),
  };
}

export type EntityLoaders = ReturnType<typeof entityLoaders>;
