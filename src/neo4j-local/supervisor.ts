/**
 * Keeps the local Neo4j running: when its JVM dies, the death is logged and it is started again on the
 * same data folder and Bolt port, after a growing pause (1 s, 2 s, 4 s ... 30 s). The driver reconnects by
 * itself, so the API serves again without a restart. After `maxRestarts` failed starts in a row the
 * supervisor gives up and says why: /healthz then answers 503 so an orchestrator restarts the process.
 */
import { startLocalNeo4j, type LocalNeo4j, type StartOptions } from './localNeo4j.js';
import type { LocalNeo4jSettings } from '../config.js';

type Log = (line: string) => void;

const FIRST_PAUSE_MS = 1000;
const LONGEST_PAUSE_MS = 30_000;

export interface SupervisedNeo4j {
  boltUrl: string;
  /** Why the supervisor gave up, once it has; undefined while the local Neo4j is kept alive. */
  readonly failure: string | undefined;
  /** The JVM now running (it changes after a restart). */
  readonly pid: number;
  stop(): Promise<void>;
}

export async function superviseLocalNeo4j(settings: LocalNeo4jSettings, log: Log, options: StartOptions = {}): Promise<SupervisedNeo4j> {
  let current: LocalNeo4j = await startLocalNeo4j(settings, options);
  // The same port on every restart: the driver's URL does not change.
  const port = Number(new URL(current.boltUrl.replace(/^bolt:/, 'http:')).port);
  const sameSettings = { ...settings, port };
  let failure: string | undefined;
  let stopping = false;

  const watch = (neo4j: LocalNeo4j) => {
    void neo4j.exited.then(async ({ code, signal }) => {
      if (stopping) return;
      log(`Neo4j (pid ${neo4j.pid}) died (exit code ${code}, signal ${signal}); restarting it on port ${port}`);
      let attempts = 0;
      let lastError = '';
      while (!stopping && attempts < settings.maxRestarts) {
        const pause = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** attempts);
        attempts += 1;
        await new Promise((resolve) => setTimeout(resolve, pause));
        if (stopping) return;
        const started = performance.now();
        try {
          current = await startLocalNeo4j(sameSettings, options);
          log(`Neo4j restarted (pid ${current.pid}, attempt ${attempts}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
          watch(current);
          return;
        } catch (error) {
          lastError = error instanceof Error ? error.message.split('\n')[0]! : String(error);
          log(`restart attempt ${attempts} of ${settings.maxRestarts} failed: ${lastError}`);
        }
      }
      if (stopping) return;
      failure = `the local Neo4j died and ${attempts} restarts failed (last: ${lastError || 'no restart allowed'}); NEO4J_LOCAL_MAX_RESTARTS=${settings.maxRestarts}`;
      log(`giving up: ${failure}. /healthz now answers 503 so the process gets restarted`);
    });
  };
  watch(current);

  return {
    boltUrl: current.boltUrl,
    get failure() {
      return failure;
    },
    get pid() {
      return current.pid;
    },
    stop: async () => {
      stopping = true;
      await current.stop();
    },
  };
}
