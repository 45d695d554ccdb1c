/**
 * docs/model.md, written from src/model/model.ts (`npm run docs:model`), so the page always matches
 * what the validator and the loader do; a test fails when it is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../config.js';
import { COMMON_PROPERTIES, LABELS, RELATIONSHIPS, type PropertySpec } from './model.js';

export const MODEL_DOC = path.join(PROJECT_ROOT, 'docs/model.md');

const typeOf = (p: PropertySpec) => {
  const t = p.type;
  if (t.kind === 'enum') return `one of ${t.values.map((v) => `\`${v}\``).join(', ')}`;
  if (t.kind === 'integer') return `integer${t.min !== undefined ? ` ${t.min}..${t.max}` : ''}`;
  return t.kind === 'stringList' ? 'list of strings' : t.kind;
};
const cell = (text: string) => text.replace(/\|/g, '\\|');
const props = (properties: Record<string, PropertySpec>) =>
  Object.entries(properties)
    .map(([name, p]) => `\`${name}\`${p.required ? ' (required)' : ''}: ${typeOf(p)}. ${cell(p.description)}`)
    .join('<br>') || '—';

export function modelDoc(): string {
  const lines = [
    '# The graph model',
    '',
    '<!-- Generated from src/model/model.ts by `npm run docs:model`. Do not edit by hand. -->',
    '',
    'Every node has the label `Entity` plus one label below, and these properties: `id` (readable key, unique',
    'across all labels), `kind` (its label), `name`, `description`, `nameFr`, and its provenance: `citations`',
    '(list of `"<document>#<locator>"`), `tags` (`V` verified or `P` partly verified, one per citation), `quotes`',
    '(the verbatim evidence, one per citation, `""` where none), `basis`',
    '(`sourced` or `curated`) and, for curated facts, `rationale`. Every relationship has `id`',
    '(`from--TYPE--to`) and the same provenance properties. See [data-format.md](data-format.md).',
    '',
    '```mermaid',
    'graph LR',
    ...RELATIONSHIPS.flatMap((r) => r.endpoints.map(([from, to]) => `  ${from} -->|${r.type}| ${to}`)),
    '```',
    '',
    '## Labels',
    '',
    '| Label | Data file | What it is | Properties |',
    '| --- | --- | --- | --- |',
    `| *(every label)* | | | ${props(COMMON_PROPERTIES)} |`,
    ...LABELS.map((l) => `| \`${l.label}\` | \`data/${l.file}\` | ${cell(l.description)} | ${props(l.properties)} |`),
    '',
    '## Relationship types',
    '',
    '| Type | Joins (from → to) | Meaning | Properties |',
    '| --- | --- | --- | --- |',
    ...RELATIONSHIPS.map(
      (r) => `| \`${r.type}\` | ${r.endpoints.map(([f, t]) => `${f} → ${t}`).join('<br>')} | ${cell(r.description)} | ${props(r.properties)} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  fs.writeFileSync(MODEL_DOC, modelDoc());
  process.stdout.write(`wrote ${path.relative(PROJECT_ROOT, MODEL_DOC)}\n`);
}
