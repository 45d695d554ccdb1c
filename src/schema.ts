/** The SDL: every schema/*.graphql file, in name order, joined (also served at /schema.graphql). */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './config.js';

const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');

export const typeDefs: string = fs
  .readdirSync(SCHEMA_DIR)
  .filter((f) => f.endsWith('.graphql'))
  .sort()
  .map((f) => fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8'))
  .join('\n');
