/**
 * The management port (HEALTH_PORT): /healthz and /readyz answered by a worker thread
 * (src/health/managementWorker.ts) from the shared state the main thread keeps (src/health/monitor.ts).
 * The worker never keeps the process alive, and its failure never stops the API: it is logged, and the
 * main port still answers both.
 */
import { Worker } from 'node:worker_threads';
import { componentLogger } from '../observability/logger.js';
import type { HealthState } from './healthState.js';
import type { ManagementWorkerData, ManagementWorkerMessage } from './managementWorker.js';

const log = componentLogger('health');

/** Longest the worker may take to listen (it loads two small modules). */
const START_TIMEOUT_MS = 10_000;

export interface ManagementServer {
  /** Base URL: `${url}/healthz`, `${url}/readyz`. */
  url: string;
  stop(): Promise<void>;
}

/** Starts the worker; resolves once it listens, rejects when it cannot (the caller logs and serves on). */
export function startManagementServer(state: HealthState, host: string, port: number): Promise<ManagementServer> {
  const worker = spawn({ buffer: state.buffer, host, port });
  worker.unref();
  let listening = false;
  let stopping = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`the management port's worker did not listen within ${START_TIMEOUT_MS / 1000} s`));
      void worker.terminate();
    }, START_TIMEOUT_MS);
    timer.unref();
    worker.once('message', (message: ManagementWorkerMessage) => {
      clearTimeout(timer);
      listening = true;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${message.listening}`,
        stop: async () => {
          stopping = true;
          await worker.terminate();
        },
      });
    });
    worker.on('error', (error) => {
      if (!listening) {
        clearTimeout(timer);
        reject(new Error(`the management port ${host}:${port} could not listen: ${error.message}`, { cause: error }));
      } else log.error({ err: error }, 'the management port failed; /healthz and /readyz still answer on the main port');
    });
    worker.once('exit', (code) => {
      if (listening && !stopping) log.error({ code }, 'the management port stopped; /healthz and /readyz still answer on the main port');
    });
  });
}

function spawn(workerData: ManagementWorkerData): Worker {
  const entry = new URL(`./managementWorker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  if (entry.pathname.endsWith('.ts')) {
    // From the TypeScript sources (tsx, vitest): Node 20 does not apply --import hooks to a worker's entry
    // module, so the worker registers tsx itself before importing it. The compiled dist/ needs none of this.
    const tsx = import.meta.resolve('tsx/esm/api');
    const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
    return new Worker(bootstrap, { eval: true, workerData });
  }
  return new Worker(entry, { workerData });
}
