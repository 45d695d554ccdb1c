import type { TracingSettings } from './observability/tracing.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the working directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type LoadOnStart = 'auto' | 'always' | 'never';

export interface LocalNeo4jSettings {
  /** 0 = any free port. */
  port: number;
  dataDir: string;
  cacheDir: string;
  heap: string;
  pagecacheMb: number;
  java: string;
  mvn: string;
  /** Restarts in a row, after the local Neo4j dies, before /healthz reports the process unhealthy. */
  maxRestarts: number;
}

/** What one client may take from the HTTP server (src/http/protection.ts). 0 switches a limit off. */
export interface ProtectionSettings {
  rateLimitPerMinute: number;
  maxConnectionsPerClient: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /**
   * Reverse proxies (load balancers) in front of the API whose X-Forwarded-For is believed: the client
   * address of rate limits and logs is then the one they forwarded, not theirs.
   */
  trustedProxies: number;
}

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

export interface Config {
  host: string;
  port: number;
  /**
   * The management port: /healthz and /readyz answered by a worker thread (src/health/managementServer.ts)
   * on `host`, so probes never queue behind the API's work. 0 = any free port; 'off' = none (the main
   * port answers both anyway).
   */
  healthPort: number | 'off';
  production: boolean;
  /** Unset: the start command runs the local embedded Neo4j. */
  neo4jUri: string | undefined;
  neo4jUser: string | undefined;
  neo4jPassword: string | undefined;
  neo4jDatabase: string;
  local: LocalNeo4jSettings;
  loadOnStart: LoadOnStart;
  /** Level of the JSON logs (src/observability/logger.ts reads it at start; checked here). */
  logLevel: (typeof LOG_LEVELS)[number];
  /** OpenTelemetry tracing (src/observability/tracing.ts): off unless an OTLP endpoint is given. */
  tracing: TracingSettings;
  /** Folder of the curated data files. */
  dataDir: string;
  corsOrigins: string[];
  introspection: boolean;
  /** Timing breakdown on every response, not only those asking with x-timing: 1. */
  serverTiming: boolean;
  limits: {
    maxPageSize: number;
    maxDepth: number;
    maxCost: number;
    maxAliases: number;
    maxTokens: number;
    maxDirectives: number;
    bodyLimitBytes: number;
    queryTimeoutMs: number;
    /** Wall-clock budget of one operation, enforced while it executes (src/graphql/budget.ts). */
    operationTimeoutMs: number;
    /** Largest answer one operation may produce, estimated while it executes. */
    responseMaxBytes: number;
  };
  protection: ProtectionSettings;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the environment; throws a ConfigError listing every bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!/^-?\d+$/.test(raw)) {
      problems.push(`${name} must be an integer, got "${raw}"`);
      return fallback;
    }
    const value = Number(raw);
    if (value < min || value > max) {
      problems.push(`${name} must be between ${min} and ${max}, got ${value}`);
      return fallback;
    }
    return value;
  };
  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (/^(true|1|yes|on)$/i.test(raw)) return true;
    if (/^(false|0|no|off)$/i.test(raw)) return false;
    problems.push(`${name} must be true or false, got "${raw}"`);
    return fallback;
  };
  const oneOf = <T extends string>(name: string, values: readonly T[], fallback: T): T => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if ((values as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
    return fallback;
  };
  const dir = (name: string, fallback: string) => path.resolve(PROJECT_ROOT, read(name) ?? fallback);

  const neo4jUri = read('NEO4J_URI');
  if (neo4jUri !== undefined && !/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s/]+/.test(neo4jUri)) {
    problems.push(`NEO4J_URI must look like bolt://host:7687 or neo4j://host:7687, got "${neo4jUri}"`);
  }
  const neo4jUser = read('NEO4J_USER');
  const neo4jPassword = read('NEO4J_PASSWORD');
  if ((neo4jUser === undefined) !== (neo4jPassword === undefined)) {
    problems.push('NEO4J_USER and NEO4J_PASSWORD must be set together (or both left unset for no authentication)');
  }
  const database = read('NEO4J_DATABASE') ?? 'neo4j';
  if (!/^[A-Za-z][A-Za-z0-9.-]{2,62}$/.test(database)) {
    problems.push(`NEO4J_DATABASE is not a valid database name: "${database}"`);
  }
  const heap = read('NEO4J_LOCAL_HEAP') ?? '1g';
  if (!/^\d+[mMgG]$/.test(heap)) problems.push(`NEO4J_LOCAL_HEAP must look like 512m or 1g, got "${heap}"`);

  const corsOrigins = (read('CORS_ORIGINS') ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^\s/]+$/.test(origin)) {
      problems.push(`CORS_ORIGINS entries must be origins like https://portal.example.org (no path), got "${origin}"`);
    }
  }
  const production = (read('NODE_ENV') ?? 'development') === 'production';
  const otlpEndpoint = read('OTEL_EXPORTER_OTLP_ENDPOINT');
  if (otlpEndpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(otlpEndpoint)) {
    problems.push(`OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL of an OTLP collector, e.g. http://127.0.0.1:4318, got "${otlpEndpoint}"`);
  }
  const queryTimeoutMs = integer('QUERY_TIMEOUT_MS', 10_000, 100, 600_000);
  const port = integer('PORT', 4000, 0, 65535);
  const portOrOff = (name: string, fallback: number): number | 'off' => {
    const raw = read(name);
    if (raw === 'off') return 'off';
    if (raw !== undefined && !/^-?\d+$/.test(raw)) {
      problems.push(`${name} must be a port number (0 = any free port) or off, got "${raw}"`);
      return fallback;
    }
    return integer(name, fallback, 0, 65535);
  };
  const healthPort = portOrOff('HEALTH_PORT', 4001);
  if (healthPort !== 'off' && healthPort !== 0 && healthPort === port) {
    problems.push(`HEALTH_PORT must differ from PORT (both ${port}), or be off`);
  }

  const config: Config = {
    host: read('HOST') ?? '127.0.0.1',
    port,
    healthPort,
    production,
    neo4jUri,
    neo4jUser,
    neo4jPassword,
    neo4jDatabase: database,
    local: {
      port: integer('NEO4J_LOCAL_PORT', 0, 0, 65535),
      dataDir: dir('NEO4J_LOCAL_DATA', '.neo4j-data'),
      cacheDir: dir('NEO4J_LOCAL_CACHE', '.cache/neo4j'),
      heap,
      pagecacheMb: integer('NEO4J_LOCAL_PAGECACHE_MB', 128, 16, 65536),
      java: read('NEO4J_LOCAL_JAVA') ?? (read('JAVA_HOME') ? path.join(read('JAVA_HOME')!, 'bin', 'java') : 'java'),
      mvn: read('NEO4J_LOCAL_MVN') ?? 'mvn',
      maxRestarts: integer('NEO4J_LOCAL_MAX_RESTARTS', 5, 0, 1000),
    },
    loadOnStart: oneOf('LOAD_ON_START', ['auto', 'always', 'never'] as const, 'auto'),
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    tracing: { endpoint: otlpEndpoint, serviceName: read('OTEL_SERVICE_NAME') ?? 'convention-cooperation-graph' },
    dataDir: dir('DATA_DIR', 'data'),
    corsOrigins,
    introspection: boolean('GRAPHQL_INTROSPECTION', true),
    serverTiming: boolean('SERVER_TIMING', false),
    limits: {
      maxPageSize: integer('MAX_PAGE_SIZE', 100, 1, 1000),
      maxDepth: integer('GRAPHQL_MAX_DEPTH', 12, 2, 50),
      maxCost: integer('GRAPHQL_MAX_COST', 100_000, 100, 100_000_000),
      maxAliases: integer('GRAPHQL_MAX_ALIASES', 15, 1, 1000),
      maxTokens: integer('GRAPHQL_MAX_TOKENS', 2000, 100, 100_000),
      maxDirectives: integer('GRAPHQL_MAX_DIRECTIVES', 20, 1, 1000),
      bodyLimitBytes: integer('BODY_LIMIT_BYTES', 100_000, 1000, 10_000_000),
      queryTimeoutMs,
      operationTimeoutMs: integer('OPERATION_TIMEOUT_MS', queryTimeoutMs + 250, 100, 600_000),
      responseMaxBytes: integer('RESPONSE_MAX_BYTES', 2_000_000, 1000, 1_000_000_000),
    },
    protection: {
      rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000),
      maxConnectionsPerClient: integer('MAX_CONNECTIONS_PER_CLIENT', 32, 0, 100_000),
      headersTimeoutMs: integer('HEADERS_TIMEOUT_MS', 10_000, 1000, 600_000),
      requestTimeoutMs: integer('REQUEST_TIMEOUT_MS', 30_000, 1000, 600_000),
      keepAliveTimeoutMs: integer('KEEP_ALIVE_TIMEOUT_MS', 5_000, 1000, 600_000),
      trustedProxies: integer('TRUSTED_PROXIES', 0, 0, 10),
    },
  };
  if (config.protection.headersTimeoutMs > config.protection.requestTimeoutMs) {
    problems.push('HEADERS_TIMEOUT_MS must not be larger than REQUEST_TIMEOUT_MS');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
