/**
 * No change of the SDL breaks a client silently: against the SDL released last (docs/schema/released.graphql),
 * graphql-js's own comparison finds no breaking change. To make one on purpose: list it in CHANGELOG.md
 * and write the new SDL to that file (`npm run schema:release`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, findBreakingChanges, GraphQLEnumType, GraphQLScalarType, isSpecifiedScalarType } from 'graphql';
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

  const served = buildSchema(typeDefs);
  const ours = Object.values(served.getTypeMap()).filter((t) => !t.name.startsWith('__'));

  it('describes every value of every enum, so a generated client documents what each means', () => {
    const enums = ours.filter((t): t is GraphQLEnumType => t instanceof GraphQLEnumType);
    expect(enums.length).toBeGreaterThan(10);
    const bare = enums.flatMap((e) =>
      e
        .getValues()
        .filter((v) => !v.description?.trim())
        .map((v) => `${e.name}.${v.name}`),
    );
    expect(bare).toEqual([]);
  });

  it('says where each custom scalar is specified', () => {
    const custom = ours.filter((t): t is GraphQLScalarType => t instanceof GraphQLScalarType && !isSpecifiedScalarType(t));
    expect(custom.map((t) => t.name).sort()).toEqual(['Date', 'DateTime']);
    expect(custom.filter((t) => !t.specifiedByURL?.startsWith('https://')).map((t) => t.name)).toEqual([]);
  });
});
