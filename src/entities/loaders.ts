/** Per-request DataLoaders over the entity repository. */
import DataLoader from 'dataloader';
import { groupedLoader } from '../db/batch.js';
import type { EntityRepository } from './repository.js';
import type { EntityRow, LinkRow } from './rows.js';

export interface LinkOptions {
  direction: 'OUT' | 'IN' | 'BOTH';
  types: string[] | null;
  /** Only entities of this kind (label) at the other end. */
  kind: string | null;
  limit: number;
}

export function entityLoaders(repository: EntityRepository) {
  return {
    entity: new DataLoader<string, EntityRow | null>(async (ids) => {
      const found = await repository.byIds(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    links: groupedLoader<LinkOptions, LinkRow[]>(
      (ids, o) => repository.links(ids, o.direction, o.types === null ? null : [...o.types].sort(), o.kind, o.limit),
      () => [],
    ),
    citing: new DataLoader(async (citations: readonly string[]) => {
      const found = await repository.citing(citations);
      return citations.map((c) => found.get(c) ?? { citation: c, entities: [], relationships: [] });
    }),
  };
}

export type EntityLoaders = ReturnType<typeof entityLoaders>;
