/** One property value of data/ read against its declared type: the value as stored, or why it is refused. */
import { STRING_LIST_MAX, type PropertySpec } from '../model/model.js';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export type ReadValue = { value: unknown; error?: undefined } | { error: string; value?: undefined };

export function readValue(spec: PropertySpec, value: unknown): ReadValue {
  const t = spec.type;
  switch (t.kind) {
    case 'string':
    case 'text':
      if (typeof value === 'number') return { value: String(value) };
      if (typeof value !== 'string' || value.trim() === '') return { error: 'must be a non-empty string' };
      return { value: value.trim() };
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return { error: `must be an integer, got ${JSON.stringify(value)}` };
      if ((t.min !== undefined && value < t.min) || (t.max !== undefined && value > t.max)) {
        return { error: `must be between ${t.min} and ${t.max}, got ${value}` };
      }
      return { value };
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { error: `must be true or false, got ${JSON.stringify(value)}` };
    case 'date':
      return readDate(value);
    case 'url':
      if (typeof value !== 'string' || !/^https?:\/\/\S+$/.test(value)) return { error: `must be an http(s) URL, got ${JSON.stringify(value)}` };
      return { value };
    case 'enum':
      if (typeof value !== 'string' || !t.values.includes(value))
        return { error: `must be one of ${t.values.join(', ')}, got ${JSON.stringify(value)}` };
      return { value };
    case 'stringList': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === ''))
        return { error: 'must be a list of non-empty strings' };
      const max = t.max ?? STRING_LIST_MAX;
      if (value.length > max) return { error: `holds at most ${max} names, got ${value.length}` };
      return { value: value.map((v: string) => v.trim()) };
    }
  }
}

/** A date as precise as the source gives it: 2008, 2008-07 or 2008-07-15, and a real one. */
function readDate(value: unknown): ReadValue {
  const text = typeof value === 'number' ? String(value) : value;
  const m = typeof text === 'string' ? DATE.exec(text) : null;
  if (!m) return { error: `must be a date like 2008, 2008-07 or 2008-07-15, got ${JSON.stringify(value)}` };
  const [, y, mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return { error: `has no month ${mo}` };
  if (d !== undefined) {
    const probe = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (probe.getUTCDate() !== Number(d)) return { error: `is not a real date: ${text}` };
  }
  return { value: text };
}
