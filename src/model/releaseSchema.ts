/**
 * `npm run schema:release`: records the SDL served now as the one clients have (docs/schema/released.graphql),
 * after a breaking change was listed in CHANGELOG.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { PROJECT_ROOT } from '../config.js';
import { typeDefs } from '../schema.js';

const file = path.join(PROJECT_ROOT, 'docs/schema/released.graphql');
fs.writeFileSync(file, printSchema(lexicographicSortSchema(buildSchema(typeDefs))));
process.stdout.write(`wrote ${path.relative(PROJECT_ROOT, file)}\n`);
