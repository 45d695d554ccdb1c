/**
 * The SDL: what the model generates (every entity type, src/model/sdl.ts) followed by each capability's
 * schema/*.graphql, in name order. Served at /schema.graphql.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './config.js';
import { withCeilings } from './model/ceilings.js';
import { MODEL, type Model } from './model/model.js';
import { itemConnection, modelSdl } from './model/sdl.js';

const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');

/** The hand-written SDL of the capabilities (base, views, analysis, explore). */
export const capabilitySdl: string = fs
  .readdirSync(SCHEMA_DIR)
  .filter((f) => f.endsWith('.graphql'))
  .sort()
  .map((f) => withCeilings(fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8')))
  .join('\n');

/** Capability types listed a page at a time by position: their Connection and Edge are written like the model's. */
const PAGED_CAPABILITY_ITEMS = ['Path', 'TargetSynergy', 'SpeciesSynergy', 'SearchHit'];

export const typeDefsFor = (model: Model): string =>
  `${capabilitySdl}\n${PAGED_CAPABILITY_ITEMS.map(itemConnection).join('\n\n')}\n\n${modelSdl(model)}`;

export const typeDefs: string = typeDefsFor(MODEL);
