/**
 * The main thread's side of health (src/health/healthState.ts): a heartbeat every HEARTBEAT_INTERVAL_MS,
 * which also copies the supervisor's failure into the shared state, and a readiness probe in the
 * background: one ping at a time, each with its own short deadline, so readiness is always an answer at
 * hand and never a wait on Neo4j (a frozen Neo4j used to hold /readyz for the whole read deadline).
 */
import type { GraphReader } from '../db/database.js';
import { HEARTBEAT_INTERVAL_MS, HealthState } from './healthState.js';

/** A probe is started this often (unless one is still running). */
export const READINESS_PROBE_INTERVAL_MS = 500;

/**
 * How long one probe may take before Neo4j counts as unreachable. A trivial query answers in a few ms on a
 * healthy Neo4j (its own pool: see Database.ping), so 1 s means "not answering", not "busy"; with the
 * interval, a Neo4j that freezes is reported within 1.5 s, and one that thaws within about 0.5 s.
 */
export const READINESS_PROBE_DEADLINE_MS = 1000;

/**
 * The first probe's deadline: it opens the probes' first connection (and fetches a routing table with
 * neo4j://), and decides whether the API starts ready, so it may take longer than the probes that follow.
 */
export const FIRST_PROBE_DEADLINE_MS = 5000;

export interface HealthMonitor {
  state: HealthState;
  /** Beats now (the main port calls it before answering, so it reports what the main thread knows now). */
  beat(): void;
  /** Settles once the first probe has answered or given up, so readiness is known before the API listens. */
  firstProbe: Promise<void>;
  stop(): void;
}

export function startHealthMonitor(db: GraphReader, unhealthy: () => string | undefined = () => undefined): HealthMonitor {
  const state = new HealthState();
  const beat = () => {
    state.beat();
    state.setFailure(unhealthy());
  };
  let probing: Promise<void> | undefined;
  const probe = (deadlineMs = READINESS_PROBE_DEADLINE_MS): Promise<void> =>
    (probing ??= db
      .ping(deadlineMs)
      .then(
        (up) => state.setReady(up),
        () => state.setReady(false),
      )
      .finally(() => {
        probing = undefined;
      }));
  beat();
  const heartbeat = setInterval(beat, HEARTBEAT_INTERVAL_MS);
  const prober = setInterval(() => void probe(), READINESS_PROBE_INTERVAL_MS);
  // Neither keeps the process alive: stopping the HTTP server and the driver is enough to exit.
  heartbeat.unref();
  prober.unref();
  return {
    state,
    beat,
    firstProbe: probe(FIRST_PROBE_DEADLINE_MS),
    stop: () => {
      clearInterval(heartbeat);
      clearInterval(prober);
    },
  };
}
