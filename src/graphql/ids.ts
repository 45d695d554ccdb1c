/**
 * Global ids and cursors: opaque to clients (base64url), validated on the way in. Cursors are keysets
 * (the sort value and the key of the last row), so a page stays valid after data is added.
 */
import { LABEL_NAMES } from '../model/model.js';

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const decode = (text: string) => (/^[A-Za-z0-9_-]{1,600}$/.test(text) ? Buffer.from(text, 'base64url').toString('utf8') : undefined);

export const isKey = (value: string) => value.length <= 200 && KEY.test(value);

export function toGlobalId(kind: string, key: string): string {
  return encode(`${kind}:${key}`);
}

/** The kind and key of a global id, or undefined when it is not one of ours. */
export function fromGlobalId(id: string): { kind: string; key: string } | undefined {
  const text = decode(id);
  const match = text === undefined ? null : /^([A-Za-z]+):(.+)$/.exec(text);
  if (!match || !LABEL_NAMES.includes(match[1]!) || !isKey(match[2]!)) return undefined;
  return { kind: match[1]!, key: match[2]! };
}

export type Order = 'KEY' | 'NAME';

export interface Cursor {
  order: Order;
  key: string;
  name?: string;
}

export function toCursor(cursor: Cursor): string {
  return encode(JSON.stringify({ v: 1, o: cursor.order, k: cursor.key, ...(cursor.name !== undefined ? { n: cursor.name } : {}) }));
}

/** The keyset of a cursor, or an explanation of why it is not a valid one for this order. */
export function fromCursor(text: string, order: Order): Cursor | string {
  const json = decode(text);
  let value: unknown;
  try {
    value = json === undefined ? undefined : JSON.parse(json);
  } catch {
    value = undefined;
  }
  const v = value as { v?: unknown; o?: unknown; k?: unknown; n?: unknown } | undefined;
  if (v?.v !== 1 || (v.o !== 'KEY' && v.o !== 'NAME') || typeof v.k !== 'string' || !isKey(v.k)) {
    return 'not a cursor returned by this API';
  }
  if (v.o !== order) return `this cursor belongs to orderBy ${v.o}, not ${order}`;
  if (order === 'NAME' && (typeof v.n !== 'string' || v.n.length > 1000)) return 'not a cursor returned by this API';
  return { order, key: v.k, ...(order === 'NAME' ? { name: v.n as string } : {}) };
}
