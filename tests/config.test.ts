import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration from the environment', () => {
  it('has sensible defaults: local Neo4j, loopback, port 4000', () => {
    const config = loadConfig({});
    expect(config.neo4jUri).toBeUndefined();
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(4000);
    expect(config.neo4jDatabase).toBe('neo4j');
    expect(config.local.port).toBe(0);
    expect(config.loadOnStart).toBe('auto');
    expect(config.corsOrigins).toEqual([]);
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j://db.example:7687',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'graph',
      PORT: '8080',
      HOST: '0.0.0.0',
      CORS_ORIGINS: 'https://a.example, https://b.example:8443',
      MAX_PAGE_SIZE: '50',
      LOAD_ON_START: 'never',
    });
    expect(config).toMatchObject({
      neo4jUri: 'neo4j://db.example:7687',
      neo4jUser: 'reader',
      neo4jPassword: 'secret',
      neo4jDatabase: 'graph',
      port: 8080,
      host: '0.0.0.0',
      corsOrigins: ['https://a.example', 'https://b.example:8443'],
      loadOnStart: 'never',
    });
    expect(config.limits.maxPageSize).toBe(50);
  });

  it('names each bad variable, all at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      NEO4J_URI: 'http://localhost:7474',
      LOAD_ON_START: 'sometimes',
      MAX_PAGE_SIZE: '0',
      LOG_LEVEL: 'loud',
    });
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/PORT must be an integer, got "eighty"/);
    expect(problems.join('\n')).toMatch(/NEO4J_URI must look like bolt:\/\//);
    expect(problems.join('\n')).toMatch(/LOAD_ON_START must be one of auto, always, never/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent/);
    expect(problems.join('\n')).toMatch(/MAX_PAGE_SIZE must be between 1 and 1000/);
  });

  it('refuses a user without a password, a port out of range, a bad CORS origin', () => {
    expect(problemsOf({ NEO4J_USER: 'neo4j' })[0]).toMatch(/NEO4J_USER and NEO4J_PASSWORD must be set together/);
    expect(problemsOf({ PORT: '70000' })[0]).toMatch(/PORT must be between 0 and 65535, got 70000/);
    expect(problemsOf({ CORS_ORIGINS: 'https://ok.example,not a url' })[0]).toMatch(/CORS_ORIGINS .* got "not a url"/);
    expect(problemsOf({ NEO4J_LOCAL_HEAP: 'lots' })[0]).toMatch(/NEO4J_LOCAL_HEAP/);
  });
});

describe('the management port (HEALTH_PORT)', () => {
  it('is 4001 by default, a free port with 0, none with off', () => {
    expect(loadConfig({}).healthPort).toBe(4001);
    expect(loadConfig({ HEALTH_PORT: '9000' }).healthPort).toBe(9000);
    expect(loadConfig({ HEALTH_PORT: '0', PORT: '0' }).healthPort).toBe(0);
    expect(loadConfig({ HEALTH_PORT: 'off' }).healthPort).toBe('off');
  });

  it('refuses a value that is neither a port nor off, one out of range, and the API port', () => {
    expect(problemsOf({ HEALTH_PORT: 'none' })).toEqual(['HEALTH_PORT must be a port number (0 = any free port) or off, got "none"']);
    expect(problemsOf({ HEALTH_PORT: '65536' })).toEqual(['HEALTH_PORT must be between 0 and 65535, got 65536']);
    expect(problemsOf({ HEALTH_PORT: '8080', PORT: '8080' })).toEqual(['HEALTH_PORT must differ from PORT (both 8080), or be off']);
  });
});

describe('reliability settings', () => {
  it('have defaults for a public deployment and are validated', () => {
    const config = loadConfig({});
    expect(config.limits).toMatchObject({ queryTimeoutMs: 10_000, operationTimeoutMs: 10_250, responseMaxBytes: 2_000_000 });
    expect(config.protection).toEqual({
      rateLimitPerMinute: 600,
      maxConnectionsPerClient: 32,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      trustedProxies: 0,
    });
    expect(config.local.maxRestarts).toBe(5);
    expect(config.healthPort).toBe(4001);
    expect(loadConfig({ QUERY_TIMEOUT_MS: '2000' }).limits.operationTimeoutMs).toBe(2250);
    const problems = problemsOf({ RATE_LIMIT_PER_MINUTE: '-1', HEADERS_TIMEOUT_MS: '40000', REQUEST_TIMEOUT_MS: '20000', RESPONSE_MAX_BYTES: 'big' });
    expect(problems).toContain('RATE_LIMIT_PER_MINUTE must be between 0 and 1000000, got -1');
    expect(problems).toContain('HEADERS_TIMEOUT_MS must not be larger than REQUEST_TIMEOUT_MS');
    expect(problems).toContain('RESPONSE_MAX_BYTES must be an integer, got "big"');
  });
});
