import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { startNodeFlags } from '../bench/harness.js';
import { PROJECT_ROOT } from '../src/config.js';

// No Docker engine runs on our machines: the file is checked for what it promises, not run.
const composeText = fs.readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8');
const compose = YAML.parse(composeText, { merge: true });

describe('docker-compose.yml', () => {
  it('runs Neo4j 5.26 community with a volume, loopback ports and a healthcheck', () => {
    const neo4j = compose.services.neo4j;
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.ports).toContain('127.0.0.1:7687:7687');
    expect(neo4j.volumes).toContain('neo4j-data:/data');
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
    expect(neo4j.healthcheck.test.join(' ')).toMatch(/cypher-shell .*RETURN 1/);
    expect(neo4j.healthcheck.retries).toBeGreaterThan(0);
  });

  it('builds the API from the repository and starts it once Neo4j is healthy, wired to it', () => {
    const api = compose.services.api;
    expect(api.build).toBe('.');
    expect(fs.existsSync(path.join(PROJECT_ROOT, 'Dockerfile'))).toBe(true);
    expect(api.depends_on.neo4j.condition).toBe('service_healthy');
    expect(api.environment.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(api.environment.HOST).toBe('0.0.0.0');
    expect(api.ports).toContain(`127.0.0.1:${api.environment.PORT}:4000`);
    // Its healthcheck asks the management port, which is not published.
    expect(api.environment.HEALTH_PORT).toMatch(/^\d+$/);
    expect(api.environment.HEALTH_PORT).not.toBe(api.environment.PORT);
    expect(api.healthcheck.test.join(' ')).toContain(`http://127.0.0.1:${api.environment.HEALTH_PORT}/readyz`);
    expect(api.ports.join(' ')).not.toContain(`:${api.environment.HEALTH_PORT}`);
    // The same password reaches both services, and there is no default: compose refuses to start without it.
    expect(api.environment.NEO4J_PASSWORD).toBe(compose.services.neo4j.environment.NEO4J_AUTH.replace('neo4j/', ''));
    expect(api.environment.NEO4J_PASSWORD).toMatch(/^\$\{NEO4J_PASSWORD:\?.+\}$/);
    expect(composeText).not.toMatch(/NEO4J_PASSWORD:-/);
  });

  it('has a Dockerfile that builds compiled JavaScript and runs it on a supported Node LTS, with a healthcheck', () => {
    const dockerfile = fs.readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/COPY src /);
    for (const folder of ['schema', 'cypher', 'data']) expect(dockerfile).toMatch(new RegExp(`COPY ${folder} `));
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toMatch(/COPY --from=build \/app\/dist/);
    expect(dockerfile).toMatch(/FROM node:22/);
    expect(dockerfile).not.toMatch(/tsx/);
    // The healthcheck probes the management port (HEALTH_PORT), which a busy API does not delay.
    const healthPort = /ENV .*\bHEALTH_PORT=(\d+)/.exec(dockerfile)?.[1];
    expect(healthPort).toBeDefined();
    expect(/ENV .*\bPORT=(\d+)/.exec(dockerfile)?.[1]).not.toBe(healthPort); // \b: not the P of HEALTH_PORT
    expect(dockerfile).toMatch(new RegExp(`HEALTHCHECK .*\\n?.*http://127\\.0\\.0\\.1:${healthPort}/healthz`));
    // The image starts the API as `npm start` does, with the same Node flags.
    expect(dockerfile).toContain(`CMD ${JSON.stringify(['node', ...startNodeFlags(), 'dist/main.js']).replace(/,/g, ', ')}`);
  });

  it('runs stateless API replicas behind a load balancer in the replicas profile', () => {
    const { api, 'api-replica': replica, 'load-balancer': balancer } = compose.services;
    expect(api.profiles).toBeUndefined(); // `docker compose up` still starts the single API
    expect(replica.profiles).toEqual(['replicas']);
    expect(replica.deploy.replicas).toBeGreaterThan(1);
    expect(replica.ports).toBeUndefined(); // reached through the balancer only
    // The same settings as the API (declared once), except: only the API loads, the replicas read.
    const { LOAD_ON_START, TRUSTED_PROXIES, MAX_CONNECTIONS_PER_CLIENT, ...shared } = replica.environment;
    expect(shared).toEqual(api.environment);
    expect({ LOAD_ON_START, TRUSTED_PROXIES, MAX_CONNECTIONS_PER_CLIENT }).toEqual({
      LOAD_ON_START: 'never',
      TRUSTED_PROXIES: '1',
      MAX_CONNECTIONS_PER_CLIENT: '0',
    });
    expect(replica.depends_on.api.condition).toBe('service_healthy');
    expect(replica.healthcheck.test.join(' ')).toContain(`http://127.0.0.1:${replica.environment.HEALTH_PORT}/readyz`);

    expect(balancer.profiles).toEqual(['replicas']);
    expect(balancer.depends_on['api-replica'].condition).toBe('service_healthy');
    const [configFile] = balancer.volumes[0].split(':');
    const nginx = fs.readFileSync(path.join(PROJECT_ROOT, configFile), 'utf8');
    expect(nginx).toMatch(new RegExp(`http://api-replica:${api.environment.PORT}`));
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/); // exactly one hop, as TRUSTED_PROXIES says
    expect(nginx).toMatch(/resolver 127\.0\.0\.11/); // each replica's address, re-resolved
  });
});
