/**
 * One entry of a data file read against its label's declaration: its id, its properties (known, typed,
 * required present, periods in order), its provenance and the links it declares (read later, once every
 * id is known).
 */
import type { LabelSpec, Model, PropertySpec } from '../model/model.js';
import { isMap, readProvenance, type ReadProvenance, type Report } from './provenance.js';
import { readValue } from './values.js';

export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ENTRY_KEYS = new Set(['id', 'sources', 'basis', 'rationale', 'links']);

export interface ReadEntry extends ReadProvenance {
  id: string;
  props: Record<string, unknown>;
  /** The raw links, each with its field (links[i]). */
  links: { field: string; raw: Record<string, unknown> }[];
}

/** The entry, or undefined when it has no usable id (reported). `entry` names it in reports. */
export function readEntry(model: Model, spec: LabelSpec, raw: unknown, report: Report): ReadEntry | undefined {
  if (!isMap(raw)) {
    report('-', 'each entry must be a mapping');
    return undefined;
  }
  const id = raw.id;
  if (typeof id !== 'string' || !ID.test(id)) {
    report('id', `must be lowercase kebab-case like aichi-target-12, got ${JSON.stringify(id)}`);
    return undefined;
  }
  const allProps: Record<string, PropertySpec> = { ...model.common, ...spec.properties };
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (ENTRY_KEYS.has(key)) continue;
    const propSpec = allProps[key];
    if (!propSpec) {
      report(key, `unknown field for ${spec.label} (allowed: ${Object.keys(allProps).join(', ')})`);
      continue;
    }
    const read = readValue(propSpec, value);
    if (read.error !== undefined) report(key, read.error);
    else props[key] = read.value;
  }
  for (const [key, propSpec] of Object.entries(allProps)) {
    if (propSpec.required && raw[key] === undefined) report(key, 'missing (required)');
  }
  checkOrder(props, 'startYear', 'endYear', (m) => report('endYear', m));
  checkOrder(props, 'startDate', 'endDate', (m) => report('endDate', m));
  const links: ReadEntry['links'] = [];
  if (raw.links !== undefined) {
    if (!Array.isArray(raw.links)) report('links', 'must be a list');
    else
      raw.links.forEach((link: unknown, i: number) => {
        if (isMap(link)) links.push({ field: `links[${i}]`, raw: link });
        else report(`links[${i}]`, 'must be a mapping {type, to, sources}');
      });
  }
  return { id, props, links, ...readProvenance(raw, report) };
}

function checkOrder(props: Record<string, unknown>, first: string, last: string, report: (message: string) => void) {
  const a = props[first];
  const b = props[last];
  if (a !== undefined && b !== undefined && String(a) > String(b)) report(`${last} (${b}) is before ${first} (${a})`);
}
