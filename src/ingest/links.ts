/**
 * One link of an entry read against the relationship types of the model: a known type, a known target
 * of a label the type may join, typed properties, an optional key, provenance. Fields are reported
 * relative to the link (".type", ".props.date").
 */
import type { Model } from '../model/model.js';
import { ID } from './entries.js';
import { isMap, readProvenance, type ReadProvenance, type Report } from './provenance.js';
import type { NodeRecord } from './validate.js';
import { readValue } from './values.js';

const LINK_KEYS = new Set(['type', 'to', 'key', 'sources', 'basis', 'rationale', 'props']);

export interface ReadLink extends ReadProvenance {
  /** from--TYPE--to[--key]: stable across loads. */
  id: string;
  type: string;
  to: string;
  props: Record<string, unknown>;
}

export function readLink(
  model: Model,
  from: NodeRecord,
  raw: Record<string, unknown>,
  nodes: ReadonlyMap<string, NodeRecord>,
  report: Report,
): ReadLink | undefined {
  for (const key of Object.keys(raw)) {
    if (!LINK_KEYS.has(key)) report(`.${key}`, `unknown field (allowed: ${[...LINK_KEYS].join(', ')})`);
  }
  const spec = typeof raw.type === 'string' ? model.relationships.find((r) => r.type === raw.type) : undefined;
  if (!spec) {
    report('.type', `unknown relationship type ${JSON.stringify(raw.type)}`);
    return undefined;
  }
  const target = typeof raw.to === 'string' ? nodes.get(raw.to) : undefined;
  if (!target) {
    report('.to', `unknown id ${JSON.stringify(raw.to)}`);
    return undefined;
  }
  if (!spec.endpoints.some(([f, t]) => f === from.label && t === target.label)) {
    const allowed = spec.endpoints.map(([f, t]) => `${f}->${t}`).join(', ');
    report('.type', `${spec.type} cannot join ${from.label} to ${target.label} (allowed: ${allowed})`);
    return undefined;
  }
  const props: Record<string, unknown> = {};
  const refused = new Set<string>();
  if (raw.props !== undefined && !isMap(raw.props)) report('.props', 'must be a mapping');
  for (const [key, value] of Object.entries(isMap(raw.props) ? raw.props : {})) {
    const propSpec = spec.properties[key];
    if (!propSpec) {
      report(`.props.${key}`, `unknown property for ${spec.type} (allowed: ${Object.keys(spec.properties).join(', ') || 'none'})`);
      refused.add(key);
      continue;
    }
    const read = readValue(propSpec, value);
    if (read.error !== undefined) {
      report(`.props.${key}`, read.error);
      refused.add(key);
    } else props[key] = read.value;
  }
  for (const [key, propSpec] of Object.entries(spec.properties)) {
    if (propSpec.required && props[key] === undefined && !refused.has(key)) report(`.props.${key}`, 'missing (required)');
  }
  if (raw.key !== undefined && (typeof raw.key !== 'string' || !ID.test(raw.key))) {
    report('.key', 'must be kebab-case (it tells apart two links of the same type between the same ends)');
  }
  const id = `${from.id}--${spec.type}--${target.id}${typeof raw.key === 'string' ? `--${raw.key}` : ''}`;
  return { id, type: spec.type, to: target.id, props, ...readProvenance(raw, (field, message) => report(`.${field}`, message)) };
}
