/**
 * The one place that talks to the Neo4j driver. Reads run in read transactions (a write inside one is
 * refused by Neo4j); every call is one round trip, counted per request so tests can bound them.
 */
import { traceStatement } from '../observability/tracing.js';
import neo4j, { type Driver, type QueryResult, type RecordShape } from 'neo4j-driver';
import { observeRoundTrip, readsInFlight } from '../observability/metrics.js';
import { cypher } from './cypher.js';

export interface DatabaseSettings {
  uri: string;
  user?: string;
  password?: string;
  database: string;
  queryTimeoutMs: number;
}

export type Params = Record<string, unknown>;

/** Raised when Neo4j cannot be reached; the API answers SERVICE_UNAVAILABLE (HTTP 503). */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The graph database is unavailable', { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * How long past QUERY_TIMEOUT_MS the client waits for Neo4j's own timeout before giving up by itself: a
 * frozen Neo4j (paused, swapping, stuck in GC) never sends its timeout, so the driver would wait forever.
 */
export const CLIENT_DEADLINE_MARGIN_MS = 250;

/** Raised when a read runs past QUERY_TIMEOUT_MS; the API answers QUERY_TIMEOUT (HTTP 503). */
export class QueryTimeoutError extends Error {
  constructor(cause: unknown) {
    super('The query took longer than the configured QUERY_TIMEOUT_MS', { cause });
    this.name = 'QueryTimeoutError';
  }
}

/** The code a driver or server error carries (Neo.ClientError..., ServiceUnavailable), if any. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

export function isTimeout(error: unknown): boolean {
  const code = errorCode(error);
  return code?.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ?? false;
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

export function isUnavailable(error: unknown): boolean {
  const code = errorCode(error);
  // A full pool (every connection busy on a slow or frozen Neo4j) is unavailability, not a bug.
  if (error instanceof Error && error.message.startsWith('Connection acquisition timed out')) return true;
  return code !== undefined && (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.ClientError.Cluster'));
}

/** Raised when Neo4j sent nothing back before the client-side deadline (QUERY_TIMEOUT_MS + margin). */
class ClientDeadlineError extends Error {
  constructor(ms: number) {
    super(`Neo4j did not answer within ${ms} ms`);
    this.name = 'ClientDeadlineError';
  }
}

/** Counts round trips and database time for one request (or one test). */
export class QueryStats {
  roundTrips = 0;
  dbMillis = 0;
  readonly statements: string[] = [];
}

/**
 * What the API gets: reads only. The API has no way to write; its reads run in read transactions, so
 * even a write statement sent through this path is refused by Neo4j.
 */
export interface GraphReader {
  /** `signal` aborts the read (its Neo4j work is cancelled) with the signal's reason. */
  read<T extends RecordShape = RecordShape>(name: string, params?: Params, stats?: QueryStats, signal?: AbortSignal): Promise<T[]>;
  readStream<T extends RecordShape = RecordShape>(name: string, params: Params, onRecord: (record: T) => void | Promise<void>): Promise<void>;
  /** True when Neo4j answers a trivial query within `deadlineMs`; never throws. */
  ping(deadlineMs: number): Promise<boolean>;
}

export class Database implements GraphReader {
  readonly driver: Driver;
  /**
   * Pings only (readiness, src/health/monitor.ts), with a pool of their own: when every connection of the
   * main pool is busy, a ping waiting for one would say a healthy Neo4j is down, and readiness would drop
   * exactly when the API is loaded. Created when first used.
   */
  private pingDriver: Driver | undefined;
  private closed = false;

  constructor(readonly settings: DatabaseSettings) {
    this.driver = neo4j.driver(settings.uri, this.auth(), {
      disableLosslessIntegers: true,
      // Fail fast when Neo4j is down or frozen instead of queueing requests for minutes; the read
      // deadline (QUERY_TIMEOUT_MS + margin) bounds whatever these do not.
      connectionAcquisitionTimeout: Math.min(5_000, settings.queryTimeoutMs),
      connectionTimeout: Math.min(3_000, settings.queryTimeoutMs),
      maxTransactionRetryTime: 2_000,
      maxConnectionPoolSize: 50,
      userAgent: 'convention-cooperation-graph',
    });
  }

  private auth() {
    return this.settings.user !== undefined ? neo4j.auth.basic(this.settings.user, this.settings.password ?? '') : undefined;
  }

  /** Runs cypher/<name>.cypher in a read transaction and returns its records as plain objects. */
  async read<T extends RecordShape = RecordShape>(name: string, params: Params = {}, stats?: QueryStats, signal?: AbortSignal): Promise<T[]> {
    const result = await this.run<T>('READ', name, params, stats, signal);
    return result.records.map((r) => r.toObject());
  }

  /** Runs cypher/<name>.cypher in a write transaction (loading only; the API never calls it). */
  async write<T extends RecordShape = RecordShape>(name: string, params: Params = {}, stats?: QueryStats): Promise<T[]> {
    const result = await this.run<T>('WRITE', name, params, stats);
    return result.records.map((r) => r.toObject());
  }

  private run<T extends RecordShape>(
    mode: 'READ' | 'WRITE',
    name: string,
    params: Params,
    stats?: QueryStats,
    signal?: AbortSignal,
  ): Promise<QueryResult<T>> {
    return traceStatement(name, () => this.runTraced<T>(mode, name, params, stats, signal));
  }

  private async runTraced<T extends RecordShape>(
    mode: 'READ' | 'WRITE',
    name: string,
    params: Params,
    stats?: QueryStats,
    signal?: AbortSignal,
  ): Promise<QueryResult<T>> {
    const started = performance.now();
    if (mode === 'READ') readsInFlight.inc();
    try {
      signal?.throwIfAborted();
      const session = this.driver.session({
        database: this.settings.database,
        defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      });
      let settled = false;
      try {
        const config = { timeout: this.settings.queryTimeoutMs };
        // Reads are auto-commit transactions in a READ session: one network round trip instead of
        // BEGIN / RUN / COMMIT, and Neo4j still refuses any write in them.
        if (mode === 'WRITE') return await session.executeWrite((tx) => tx.run<T>(cypher(name), params), config);
        const result = await withDeadline(
          withoutCallSiteStack(() => session.run<T>(cypher(name), params, config)),
          this.settings.queryTimeoutMs + CLIENT_DEADLINE_MARGIN_MS,
          signal,
        );
        settled = true;
        return result;
      } finally {
        // A read given up on (deadline, abort) is cancelled without waiting: a frozen Neo4j would hold
        // the close as long as the read.
        if (mode === 'READ' && !settled) void session.close().catch(() => undefined);
        else await session.close();
      }
    } catch (error) {
      if (signal?.aborted && error === signal.reason) throw error;
      if (error instanceof ClientDeadlineError || isUnavailable(error)) throw new DatabaseUnavailableError(error);
      if (isTimeout(error)) throw new QueryTimeoutError(error);
      throw error;
    } finally {
      if (mode === 'READ') readsInFlight.dec();
      const millis = performance.now() - started;
      observeRoundTrip(millis);
      if (stats) {
        stats.roundTrips += 1;
        stats.dbMillis += millis;
        stats.statements.push(name);
      }
    }
  }

  /**
   * Streams the records of cypher/<name>.cypher in a read transaction, one at a time, so an export of
   * the whole graph never sits in memory; `onRecord` may return a promise to apply backpressure.
   */
  async readStream<T extends RecordShape = RecordShape>(name: string, params: Params, onRecord: (record: T) => void | Promise<void>): Promise<void> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.READ });
    const deadline = this.settings.queryTimeoutMs + CLIENT_DEADLINE_MARGIN_MS;
    let stalled = false;
    try {
      // An auto-commit read, record by record: each wait for the next record has the read deadline, so a
      // Neo4j frozen half-way through ends the stream instead of holding it (and its client) forever.
      const records = withoutCallSiteStack(() => session.run<T>(cypher(name), params, { timeout: this.settings.queryTimeoutMs }))[
        Symbol.asyncIterator
      ]();
      let finished = false;
      try {
        for (;;) {
          const next = await withDeadline(records.next(), deadline).catch((error) => {
            stalled = error instanceof ClientDeadlineError;
            throw error;
          });
          if (next.done) break;
          await onRecord(next.value.toObject());
        }
        finished = true;
      } finally {
        // Given up (a client gone, an error): the rest of the records are not wanted. A stalled Neo4j
        // would not answer that either: the session is dropped below instead.
        if (!finished && !stalled) await withDeadline(Promise.resolve(records.return?.()), deadline).catch(() => undefined);
      }
    } catch (error) {
      if (stalled || isUnavailable(error)) throw new DatabaseUnavailableError(error);
      throw error;
    } finally {
      // A frozen Neo4j would hold the close as long as the read.
      if (stalled) void session.close().catch(() => undefined);
      else await session.close();
    }
  }

  /**
   * Runs several statements in ONE write transaction: either all of them take effect or none does, so a
   * load killed half-way leaves the previous graph as it was. Not retried: loading is not idempotent mid-way.
   */
  async inWriteTransaction<R>(work: (run: (name: string, params?: Params) => Promise<RecordShape[]>) => Promise<R>): Promise<R> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.WRITE });
    const tx = session.beginTransaction();
    try {
      const result = await work(async (name, params = {}) => {
        const res = await tx.run(cypher(name), params);
        return res.records.map((r) => r.toObject());
      });
      await tx.commit();
      return result;
    } catch (error) {
      if (tx.isOpen()) await tx.rollback().catch(() => undefined);
      if (isUnavailable(error)) throw new DatabaseUnavailableError(error);
      throw error;
    } finally {
      await session.close();
    }
  }

  /**
   * True when Neo4j answers a trivial query within `deadlineMs` (client side: a frozen Neo4j never answers
   * at all); never throws. Not counted as a round trip nor traced: probes run every half second.
   */
  async ping(deadlineMs: number): Promise<boolean> {
    if (this.closed) return false;
    this.pingDriver ??= neo4j.driver(this.settings.uri, this.auth(), {
      disableLosslessIntegers: true,
      // Two connections: one may still hang on a frozen Neo4j while the next probe tries the other.
      maxConnectionPoolSize: 2,
      connectionAcquisitionTimeout: 5_000,
      connectionTimeout: 3_000,
      userAgent: 'convention-cooperation-graph (readiness)',
    });
    const session = this.pingDriver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.READ });
    let answered = false;
    try {
      await withDeadline(session.run(cypher('health/ping'), {}, { timeout: deadlineMs }), deadlineMs);
      answered = true;
      return true;
    } catch {
      return false;
    } finally {
      // Given up on: closed without waiting, a frozen Neo4j would hold the close as long as the query.
      if (answered) await session.close().catch(() => undefined);
      else void session.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([this.driver.close(), this.pingDriver?.close()]);
  }
}

/**
 * Starts a driver call without the call-site stack the driver captures and formats for every result, only
 * to decorate an error that rarely comes: with source maps on (npm start), formatting it took a quarter of
 * an id lookup's CPU. A Neo4j error still carries its message and code, and our logs name the statement.
 */
function withoutCallSiteStack<R>(start: () => R): R {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Settles like `work`, or rejects once `ms` have passed (ClientDeadlineError) or `signal` aborts (its reason). */
function withDeadline<T>(work: Promise<T>, ms: number, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => finish(() => reject(signal!.reason));
    const timer = setTimeout(() => finish(() => reject(new ClientDeadlineError(ms))), ms);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => finish(() => resolve(value)),
      (error) => finish(() => reject(error)),
    );
  });
}
