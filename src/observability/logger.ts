/**
 * Structured logs: one JSON object per line on standard error (pino), each with its `component` and, for a
 * request, its `requestId` (the x-request-id header), so an operator can follow a request through the access
 * log, the errors and the database. LOG_LEVEL sets the level (info by default; `silent` in tests that ask).
 */
import { pino, type Logger } from 'pino';

export const logger: Logger = pino(
  {
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service: 'convention-cooperation-graph' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  pino.destination({ dest: 2, sync: true }),
);

/** A logger for one part of the program ("api", "neo4j-local", "export"). */
export const componentLogger = (component: string): Logger => logger.child({ component });

/** A line logger (the form the launcher, the supervisor and the loader take) writing to a component's log. */
export const lineLogger =
  (component: string) =>
  (line: string): void =>
    componentLogger(component).info(line);
