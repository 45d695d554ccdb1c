/**
 * Pages of lists that are computed or ordered by something no index serves (the links of an entity,
 * synergy rows, paths): the whole ordered list is cut by position. A cursor holds the position and the
 * identity of the item there, and is checked against the list as it is now: if a load changed the list
 * under it, the client is told to start again (STALE_CURSOR) instead of silently skipping or repeating
 * items. Both ways, like the lists of the model (first/after, last/before).
 */
import { pageSize } from './args.js';
import { badUserInput, staleCursor } from './errors.js';

export interface PositionPageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A page as the connection resolvers read it (the same shape as a page of a model list). */
export interface PositionPage<T> {
  rows: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  cursorOf: (row: T) => string;
  count: () => Promise<number>;
}

export interface PositionSource<T> {
  /** The first `limit` items of the list, in its order. */
  fetch(limit: number): Promise<T[]>;
  /** How many items the whole list holds. */
  count(): Promise<number>;
  /** What identifies an item of the list (stable across loads while the item is there). */
  identity(row: T): string;
}

/** Deepest position a cursor may point at: past it, a filter on a top-level list serves better. */
export const MAX_POSITION = 10_000;

const encode = (position: number, identity: string) => Buffer.from(JSON.stringify({ p: position, i: identity }), 'utf8').toString('base64url');

function decode(argument: string, text: string): { position: number; identity: string } {
  let value: { p?: unknown; i?: unknown } | undefined;
  try {
    value = /^[A-Za-z0-9_-]{1,800}$/.test(text) ? JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) : undefined;
  } catch {
    value = undefined;
  }
  if (!value || !Number.isInteger(value.p) || typeof value.i !== 'string') throw badUserInput(argument, 'not a cursor returned by this list');
  const position = value.p as number;
  if (position < 0 || position >= MAX_POSITION)
    throw badUserInput(argument, `positions past ${MAX_POSITION} are not served; narrow the list instead`);
  return { position, identity: value.i };
}

/** One page of a list by position, forwards (first, after) or backwards (last, before). */
export async function positionPage<T>(
  args: PositionPageArgs,
  maxPageSize: number,
  defaultSize: number,
  source: PositionSource<T>,
): Promise<PositionPage<T>> {
  const backward = args.last != null || args.before != null;
  if (backward && (args.after != null || args.first != null)) {
    throw badUserInput(args.after != null ? 'after' : 'first', 'page one way: first and after forwards, or last and before backwards');
  }
  const positions = new Map<T, number>();
  const page = (all: T[], start: number, end: number, hasPreviousPage: boolean, hasNextPage: boolean): PositionPage<T> => {
    const rows = all.slice(start, end);
    for (const [i, row] of rows.entries()) positions.set(row, start + i);
    return { rows, hasNextPage, hasPreviousPage, cursorOf: (row) => encode(positions.get(row)!, source.identity(row)), count: () => source.count() };
  };
  /** The item a cursor names must still be where it was. */
  const check = (argument: string, all: T[], cursor: { position: number; identity: string }) => {
    const there = all[cursor.position];
    if (there === undefined || source.identity(there) !== cursor.identity) throw staleCursor(argument);
  };

  if (!backward) {
    const size = pageSize(maxPageSize, 'first', args.first, defaultSize);
    const after = args.after != null ? decode('after', args.after) : undefined;
    const start = after ? after.position + 1 : 0;
    const all = await source.fetch(start + size + 1);
    if (after) check('after', all, after);
    return page(all, start, start + size, start > 0, all.length > start + size);
  }
  const size = pageSize(maxPageSize, 'last', args.last, defaultSize);
  const before = args.before != null ? decode('before', args.before) : undefined;
  const end = before ? before.position : Math.min(await source.count(), MAX_POSITION);
  const all = await source.fetch(end + 1);
  if (before) check('before', all, before);
  const start = Math.max(0, end - size);
  return page(all, start, Math.min(end, all.length), start > 0, all.length > end);
}

/** The fields of a connection over any page of this shape (a model list's, or one by position). */
export function connectionFields<T>() {
  type Page = Pick<PositionPage<T>, 'rows' | 'hasNextPage' | 'hasPreviousPage' | 'cursorOf' | 'count'>;
  return {
    edges: (page: Page) => page.rows.map((row) => ({ cursor: page.cursorOf(row), node: row })),
    nodes: (page: Page) => page.rows,
    pageInfo: (page: Page) => ({
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.rows.length > 0 ? page.cursorOf(page.rows[0]!) : null,
      endCursor: page.rows.length > 0 ? page.cursorOf(page.rows[page.rows.length - 1]!) : null,
    }),
    totalCount: (page: Page) => page.count(),
  };
}
