/**
 * The management port's worker thread (started by src/health/managementServer.ts): a tiny node:http server
 * answering /healthz and /readyz from the shared state alone, so a probe never queues behind the
 * operations the main event loop is busy with, and still fails when that loop is really stuck.
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { HealthState } from './healthState.js';

export interface ManagementWorkerData {
  buffer: SharedArrayBuffer;
  host: string;
  port: number;
}

/** What the worker tells the main thread once it listens. */
export interface ManagementWorkerMessage {
  listening: number;
}

const { buffer, host, port } = workerData as ManagementWorkerData;
const state = new HealthState(buffer);

const server = http.createServer((req, res) => {
  const path = (req.url ?? '').split('?')[0];
  const answer =
    req.method !== 'GET' && req.method !== 'HEAD'
      ? { status: 405, body: { error: 'only GET and HEAD' } }
      : path === '/healthz'
        ? state.health()
        : path === '/readyz'
          ? state.readiness()
          : { status: 404, body: { error: 'the management port answers /healthz and /readyz only' } };
  const body = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
});
// Probes send a few headers and no body: a client that dawdles is cut off soon, and a flood of them cannot
// take every file descriptor of the process.
server.headersTimeout = 5000;
server.requestTimeout = 5000;
server.keepAliveTimeout = 5000;
server.maxConnections = 256;
// An error (the port taken) ends the worker with it; the main thread logs it and the API serves on.
server.on('error', (error) => {
  throw error;
});
server.listen(port, host, () => {
  const address = server.address();
  const message: ManagementWorkerMessage = { listening: typeof address === 'object' && address ? address.port : port };
  parentPort!.postMessage(message);
});
