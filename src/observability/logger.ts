/**
 * Structured logs: one JSON object per line on standard error (pino), each with its `component` and, for a
 * request, its `requestId` (the x-request-id header), so an operator can follow a request through the access
 * log, the errors and the database. LOG_LEVEL sets the level (info by default; `silent` in tests that ask).
 */
import { pino, type Logger } from 'pino';
import { LOG_LEVELS } from '../config.js';

// A bad LOG_LEVEL is reported by the configuration (and the start stops); until then, info.
const given = process.env.LOG_LEVEL;
const level = LOG_LEVELS.find((l) => l === given) ?? 'info';

export const logger: Logger = pino(
  {
    level,
    base: { service: 'convention-cooperation-graph' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  // Asynchronous: a slow reader of standard error (a pipe left undrained) must never block the event loop.
  pino.destination({ dest: 2, sync: false, minLength: 0 }),
);

/** A logger for one part of the program ("api", "neo4j-local", "export"). */
export const componentLogger = (component: string): Logger => logger.child({ component });

/** A line logger (the form the launcher, the supervisor and the loader take) writing to a component's log. */
export const lineLogger =
  (component: string) =>
  (line: string): void =>
    componentLogger(component).info(line);
