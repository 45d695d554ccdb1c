/** The per-request context: repositories and DataLoaders created fresh for every request. */
import { randomUUID } from 'node:crypto';
import { analysisLoaders } from '../analysis/loaders.js';
import { AnalysisRepository } from '../analysis/repository.js';
import type { Config } from '../config.js';
import { QueryStats, type GraphReader } from '../db/database.js';
import { entityLoaders } from '../entities/loaders.js';
import { EntityRepository } from '../entities/repository.js';
import { ExploreRepository } from '../explore/repository.js';

export interface RequestContext {
  requestId: string;
  config: Config;
  /** Round trips and database time of this request. */
  stats: QueryStats;
  entities: EntityRepository;
  explore: ExploreRepository;
  loaders: ReturnType<typeof entityLoaders> & ReturnType<typeof analysisLoaders>;
}

export function createContext(db: GraphReader, config: Config, requestId: string = randomUUID()): RequestContext {
  const stats = new QueryStats();
  const entities = new EntityRepository(db, stats);
  return {
    requestId,
    config,
    stats,
    entities,
    explore: new ExploreRepository(db, stats),
    loaders: { ...entityLoaders(entities), ...analysisLoaders(new AnalysisRepository(db, stats)) },
  };
}
