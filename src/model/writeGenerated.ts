/**
 * `npm run codegen`, first step: writes what codegen reads, the whole SDL as the API serves it (the model's
 * entity types and the capabilities' schema/*.graphql, src/generated/schema.graphql) and the row of every
 * label (src/generated/rows.ts). A test fails when either is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../config.js';
import { typeDefs } from '../schema.js';
import { MODEL } from './model.js';
import { rowsSource } from './rows.js';

/** Each generated file and its content for the declared model. */
export const GENERATED_FROM_MODEL: Record<string, () => string> = {
  'src/generated/schema.graphql': () => typeDefs,
  'src/generated/rows.ts': () => rowsSource(MODEL),
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [file, content] of Object.entries(GENERATED_FROM_MODEL)) {
    fs.writeFileSync(path.join(PROJECT_ROOT, file), content());
    process.stdout.write(`wrote ${file}\n`);
  }
}
