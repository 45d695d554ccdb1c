/**
 * The TypeScript row of each label, written from the model into src/generated/rows.ts: what a repository
 * returns for an entity (its properties as stored), and so the parent type codegen gives its resolvers.
 */
import type { Model, PropertySpec } from './model.js';

function tsType(spec: PropertySpec): string {
  switch (spec.type.kind) {
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'stringList':
      return 'string[]';
    default:
      return 'string';
  }
}

const fields = (properties: Record<string, PropertySpec>) =>
  Object.entries(properties).map(([name, p]) => `  ${name}${p.required ? '' : '?'}: ${tsType(p)};`);

export function rowsSource(model: Model): string {
  const lines = [
    '/* Generated from src/model/model.ts by `npm run codegen` (src/model/rows.ts). Do not edit. */',
    "import type { LoadTimes, ProvenanceRow } from '../entities/rows.js';",
    '',
    '/** What every entity row holds: its key (id), its label (kind), the common properties and its provenance. */',
    'export interface EntityRow extends ProvenanceRow, LoadTimes {',
    '  id: string;',
    '  kind: string;',
    ...fields(model.common),
    '}',
  ];
  const relationshipProperties: Record<string, PropertySpec> = {};
  for (const rel of model.relationships) Object.assign(relationshipProperties, rel.properties);
  lines.push(
    '',
    '/** What a relationship row holds: its key (id), its provenance and the properties its type may carry. */',
    'export interface RelationshipPropertiesRow extends ProvenanceRow, LoadTimes {',
    '  id: string;',
    ...fields(Object.fromEntries(Object.entries(relationshipProperties).map(([n, p]) => [n, { ...p, required: false }]))),
    '}',
  );
  for (const label of model.labels) {
    lines.push('', `export interface ${label.label}Row extends EntityRow {`, ...fields(label.properties), '}');
  }
  lines.push('', '/** The row of each label. */', 'export interface RowsByLabel {', ...model.labels.map((l) => `  ${l.label}: ${l.label}Row;`), '}');
  return `${lines.join('\n')}\n`;
}
