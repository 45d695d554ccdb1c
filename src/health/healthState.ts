/**
 * What /healthz and /readyz answer, decided in one place from state shared between threads: the main
 * thread writes it (src/health/monitor.ts: a heartbeat every 100 ms, the supervisor's failure, the last
 * readiness probe), and both the main port and the management port's worker (src/health/managementWorker.ts)
 * read it. Nothing here may import more than Node itself: the worker loads this module too.
 *
 * Layout of the SharedArrayBuffer (8-byte aligned):
 *   bytes 0-7    BigInt64  last heartbeat, process.hrtime.bigint() nanoseconds (one monotonic clock for all threads)
 *   bytes 8-11   Int32     readiness: 1 when the last probe reached Neo4j, 0 otherwise (and before the first)
 *   bytes 12-15  Int32     failure sequence: odd while the main thread rewrites the failure, even when stable
 *   bytes 16-19  Int32     failure length in bytes (0 = no failure)
 *   bytes 20-    UTF-8     failure reason, at most MAX_REASON_BYTES
 */

/** How often the main thread beats (src/health/monitor.ts). */
export const HEARTBEAT_INTERVAL_MS = 100;

/**
 * How long the main event loop may go without beating before the process is reported unhealthy. Long enough
 * that what a healthy API does (a GC pause, validating or serialising a large operation: hundreds of ms
 * under the attack of `npm run attack`) never trips it, so an orchestrator does not restart a process
 * that is merely busy; short enough that a loop really stuck (an endless synchronous loop, a deadlock in
 * native code) fails the very next probe, 10-15 s apart in our Docker and compose healthchecks.
 */
export const STALLED_AFTER_MS = 5000;

const MAX_REASON_BYTES = 1024;
const READY = 2; // Int32 indexes
const SEQUENCE = 3;
const LENGTH = 4;
const REASON_OFFSET = 20;
const BYTES = REASON_OFFSET + MAX_REASON_BYTES;

export interface HealthAnswer {
  status: 200 | 503;
  body: { status: 'ok' } | { status: 'unhealthy'; reason: string };
}

export interface ReadinessAnswer {
  status: 200 | 503;
  body: { status: 'ready'; neo4j: 'up' } | { status: 'not ready'; neo4j: 'up' | 'unreachable'; reason?: string };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class HealthState {
  private readonly beats: BigInt64Array;
  private readonly ints: Int32Array;
  private readonly bytes: Uint8Array;

  /** A new state (main thread), or a view of one made elsewhere (`buffer` from `state.buffer`: the worker). */
  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(BYTES)) {
    this.beats = new BigInt64Array(buffer, 0, 1);
    this.ints = new Int32Array(buffer, 0, REASON_OFFSET / 4);
    this.bytes = new Uint8Array(buffer, REASON_OFFSET, MAX_REASON_BYTES);
    if (Atomics.load(this.beats, 0) === 0n) this.beat();
  }

  /** The main event loop is running (main thread only). */
  beat(now: bigint = process.hrtime.bigint()): void {
    Atomics.store(this.beats, 0, now);
  }

  /** What the last readiness probe found (main thread only). */
  setReady(ready: boolean): void {
    Atomics.store(this.ints, READY, ready ? 1 : 0);
  }

  /** Why the process should be restarted, or undefined (main thread only; a reader never sees half a reason). */
  setFailure(reason: string | undefined): void {
    if (reason === this.failure()) return;
    let encoded = encoder.encode(reason ?? '');
    if (encoded.length > MAX_REASON_BYTES) encoded = encoded.subarray(0, MAX_REASON_BYTES);
    Atomics.add(this.ints, SEQUENCE, 1); // odd: being written
    this.bytes.set(encoded);
    Atomics.store(this.ints, LENGTH, encoded.length);
    Atomics.add(this.ints, SEQUENCE, 1); // even: stable
  }

  failure(): string | undefined {
    for (;;) {
      const before = Atomics.load(this.ints, SEQUENCE);
      if (before % 2 === 1) continue; // the main thread is between its two increments: a few instructions
      const length = Atomics.load(this.ints, LENGTH);
      // TextDecoder refuses views of shared memory: copy first.
      const reason = length === 0 ? undefined : decoder.decode(this.bytes.slice(0, length));
      if (Atomics.load(this.ints, SEQUENCE) === before) return reason;
    }
  }

  /** Milliseconds since the main thread last beat. */
  silentMs(now: bigint = process.hrtime.bigint()): number {
    return Number(now - Atomics.load(this.beats, 0)) / 1e6;
  }

  /** /healthz: 503 with the reason when the supervisor gave up or the main event loop stopped beating. */
  health(now: bigint = process.hrtime.bigint()): HealthAnswer {
    const failure = this.failure();
    if (failure !== undefined) return { status: 503, body: { status: 'unhealthy', reason: failure } };
    const silent = this.silentMs(now);
    if (silent > STALLED_AFTER_MS) {
      return {
        status: 503,
        body: {
          status: 'unhealthy',
          reason: `the main event loop has not run for ${(silent / 1000).toFixed(1)} s (limit ${STALLED_AFTER_MS / 1000} s)`,
        },
      };
    }
    return { status: 200, body: { status: 'ok' } };
  }

  /** /readyz: ready when the last probe reached Neo4j and the process is healthy (a stuck loop serves nobody). */
  readiness(now: bigint = process.hrtime.bigint()): ReadinessAnswer {
    const neo4j = Atomics.load(this.ints, READY) === 1 ? 'up' : 'unreachable';
    const health = this.health(now);
    if (health.body.status === 'unhealthy') return { status: 503, body: { status: 'not ready', neo4j, reason: health.body.reason } };
    return neo4j === 'up' ? { status: 200, body: { status: 'ready', neo4j } } : { status: 503, body: { status: 'not ready', neo4j } };
  }
}
