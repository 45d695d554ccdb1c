/**
 * Argument checks every capability shares: page sizes, bounded numbers, keys and global ids. Each refusal
 * is a BAD_USER_INPUT naming the argument.
 */
import { badUserInput } from './errors.js';
import { fromGlobalId, isKey } from './ids.js';

/** A page size (first) between 1 and MAX_PAGE_SIZE. */
export function pageSize(maxPageSize: number, argument: string, value: number | null | undefined, fallback: number): number {
  return bounded(argument, value, fallback, 1, maxPageSize);
}

/** An integer argument between min and max (fallback when omitted). */
export function bounded(argument: string, value: number | null | undefined, fallback: number, min: number, max: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) throw badUserInput(argument, `must be between ${min} and ${max}, got ${v}`);
  return v;
}

/** An ISO 8601 date-time with its offset (2026-11-25T10:00:00Z), as the instant Neo4j holds (toISOString). */
export function checkDateTime(argument: string, value: string): string {
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
  if (!ok)
    throw badUserInput(
      argument,
      `expected an ISO 8601 date-time with its offset, e.g. 2026-11-25T10:00:00Z, got ${JSON.stringify(value.slice(0, 80))}`,
    );
  return new Date(Date.parse(value)).toISOString();
}

/** A readable key argument, checked for form; null when omitted. */
export function checkKey(argument: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!isKey(value)) throw badUserInput(argument, `not a key (lowercase words joined by hyphens), got ${JSON.stringify(value.slice(0, 80))}`);
  return value;
}

/** The key behind a global id argument, checked for form and, when given, kind. */
export function keyOfGlobalId(argument: string, id: string, label?: string): string {
  const parsed = fromGlobalId(id);
  if (!parsed) throw badUserInput(argument, 'not a global id returned by this API');
  if (label !== undefined && parsed.kind !== label) throw badUserInput(argument, `is the id of a ${parsed.kind}, not of a ${label}`);
  return parsed.key;
}

/** A key or a global id, as some arguments accept either. */
export function keyOrGlobalId(argument: string, value: string, label?: string): string {
  if (isKey(value)) return value;
  return keyOfGlobalId(argument, value, label);
}
