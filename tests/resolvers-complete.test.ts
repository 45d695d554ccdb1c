/**
 * Every field of the schema has a resolver or is a property of the row its parent really is, so no
 * field silently answers null. (The entity resolvers are built from the model, beyond codegen's reach.)
 */
import { buildSchema, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { COMMON_PROPERTIES, LABELS, RELATIONSHIPS } from '../src/model/model.js';
import { resolvers } from '../src/resolvers.js';
import { typeDefs } from '../src/schema.js';

const entityProps = new Map(LABELS.map((l) => [l.label, new Set([...Object.keys(COMMON_PROPERTIES), ...Object.keys(l.properties)])]));
const relationshipProps = new Set(RELATIONSHIPS.flatMap((r) => Object.keys(r.properties)));

/** Fields answered by the default resolver from the row the mapper names (see codegen.ts). */
const ROW_FIELDS: Record<string, string[]> = {
  About: ['apiVersion'],
  PageInfo: ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'],
  EntityLink: ['node', 'relationship', 'direction'],
  Relationship: ['type'],
  Citation: ['quote'],
  Statements: ['entities', 'relationships'],
  StatedRelationship: ['from', 'to', 'relationship'],
  TargetContribution: ['steps', 'plan', 'programme', 'species'],
  Path: ['length', 'nodes', 'relationships'],
  Subgraph: ['nodes', 'relationships', 'truncated'],
  TargetSynergy: ['target', 'cms', 'cites', 'cmsCount', 'citesCount', 'coverage'],
  SpeciesSynergy: ['taxon', 'cms', 'cites', 'cmsCount', 'citesCount', 'coverage'],
  SearchHit: ['node', 'score'],
  GroupCount: ['value', 'count'],
  RelationshipProperties: [...relationshipProps],
};

describe('resolvers', () => {
  const schema = buildSchema(typeDefs);
  const unresolved: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const own = (resolvers as Record<string, Record<string, unknown>>)[type.name] ?? {};
    for (const field of Object.keys(type.getFields())) {
      if (own[field]) continue;
      if (entityProps.get(type.name)?.has(field)) continue;
      if (/(Edge)$/.test(type.name) && ['cursor', 'node'].includes(field)) continue;
      if (/(Link)$/.test(type.name) && ['node', 'relationship'].includes(field)) continue;
      if (ROW_FIELDS[type.name]?.includes(field)) continue;
      unresolved.push(`${type.name}.${field}`);
    }
  }

  it('resolve every field of every object type', () => {
    expect(unresolved).toEqual([]);
  });

  it('cover every label of the model with a type of the same name', () => {
    for (const label of LABELS) expect(schema.getType(label.label), label.label).toBeTruthy();
  });
});
