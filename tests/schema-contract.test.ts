/**
 * No change of the SDL breaks a client silently: against the SDL released last (docs/schema/released.graphql),
 * graphql-js's own comparison finds no breaking change. To make one on purpose: list it in CHANGELOG.md
 * and write the new SDL to that file (`npm run schema:release`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.js';
import { typeDefs } from '../src/schema.js';

const released = buildSchema(fs.readFileSync(path.join(PROJECT_ROOT, 'docs/schema/released.graphql'), 'utf8'));

describe('the schema contract', () => {
  it('breaks nothing of the SDL released last', () => {
    expect(findBreakingChanges(released, buildSchema(typeDefs)).map((c) => `${c.type}: ${c.description}`)).toEqual([]);
  });

  it('is checked for real: removing a field of the released SDL is a breaking change', () => {
    const field =
      '  "Any entity by its readable key (e.g. aichi-target-12, cites-sc57)."\n  entity(\n    "Readable key, as in the curated data."\n    key: String!\n  ): Entity\n';
    const without = typeDefs.replace(field, '');
    expect(without).not.toBe(typeDefs);
    expect(findBreakingChanges(released, buildSchema(without)).map((c) => c.description)).toContain('Query.entity was removed.');
  });
});
