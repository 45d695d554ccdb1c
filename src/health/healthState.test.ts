import { describe, expect, it } from 'vitest';
import { HEARTBEAT_INTERVAL_MS, HealthState, STALLED_AFTER_MS } from './healthState.js';

const ms = (n: number) => BigInt(Math.round(n * 1e6));

describe('the health decision over shared state', () => {
  it('is healthy while the main thread beats, unhealthy with the reason once it has been silent too long', () => {
    const state = new HealthState();
    const beatAt = process.hrtime.bigint();
    state.beat(beatAt);
    expect(state.health(beatAt + ms(HEARTBEAT_INTERVAL_MS))).toEqual({ status: 200, body: { status: 'ok' } });
    expect(state.health(beatAt + ms(STALLED_AFTER_MS)).status).toBe(200);
    expect(state.health(beatAt + ms(STALLED_AFTER_MS + 1))).toEqual({
      status: 503,
      body: { status: 'unhealthy', reason: 'the main event loop has not run for 5.0 s (limit 5 s)' },
    });
  });

  it('reports the failure the main thread shares, whole, and forgets it when cleared', () => {
    const state = new HealthState();
    const reason = 'the local Neo4j died and 5 restarts failed (last: port 7687 taken — ça arrive); NEO4J_LOCAL_MAX_RESTARTS=5';
    state.setFailure(reason);
    expect(state.health()).toEqual({ status: 503, body: { status: 'unhealthy', reason } });
    state.setFailure(undefined);
    expect(state.health().status).toBe(200);
    state.setFailure('é'.repeat(2000)); // 4000 bytes: cut to what the buffer holds, still valid text
    expect(state.failure()!.length).toBeGreaterThan(400);
    expect(state.failure()!.replace(/[é\uFFFD]/g, '')).toBe('');
  });

  it('is ready when the last probe reached Neo4j and the process is healthy', () => {
    const state = new HealthState();
    expect(state.readiness()).toEqual({ status: 503, body: { status: 'not ready', neo4j: 'unreachable' } }); // before any probe
    state.setReady(true);
    expect(state.readiness()).toEqual({ status: 200, body: { status: 'ready', neo4j: 'up' } });
    const beatAt = process.hrtime.bigint();
    state.beat(beatAt);
    expect(state.readiness(beatAt + ms(STALLED_AFTER_MS + 1))).toMatchObject({
      status: 503,
      body: { status: 'not ready', neo4j: 'up', reason: expect.stringMatching(/main event loop/) },
    });
    state.setReady(false);
    expect(state.readiness()).toEqual({ status: 503, body: { status: 'not ready', neo4j: 'unreachable' } });
  });

  it('reads the same state through another view of the buffer (what the worker holds)', () => {
    const state = new HealthState();
    const view = new HealthState(state.buffer);
    state.setReady(true);
    state.setFailure('gave up');
    expect(view.readiness().body).toMatchObject({ status: 'not ready', reason: 'gave up' });
    state.setFailure(undefined);
    expect(view.readiness()).toEqual({ status: 200, body: { status: 'ready', neo4j: 'up' } });
  });
});
