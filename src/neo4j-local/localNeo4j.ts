/**
 * The local embedded Neo4j: resolves Neo4j 5.26 from Maven Central once into a cache folder, then runs
 * neo4j-local/Launcher.java as a child JVM with Bolt on 127.0.0.1. The JVM watches its standard input,
 * which closes when this process exits or dies, so it never outlives us.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { PROJECT_ROOT, type LocalNeo4jSettings } from '../config.js';

const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'neo4j-local');
const POM = path.join(LAUNCHER_DIR, 'pom.xml');
const LAUNCHER = path.join(LAUNCHER_DIR, 'Launcher.java');
const READY_TIMEOUT_MS = 180_000;
const ALTERNATIVES = 'Alternatives: set NEO4J_URI (and NEO4J_USER/NEO4J_PASSWORD) to a running Neo4j 5, or use Docker: `docker compose up`.';

export type LocalNeo4jErrorCode =
  | 'JAVA_MISSING'
  | 'JAVA_TOO_OLD'
  | 'MAVEN_MISSING'
  | 'RESOLVE_FAILED'
  | 'PORT_IN_USE'
  | 'START_FAILED'
  | 'START_TIMEOUT';

export class LocalNeo4jError extends Error {
  constructor(
    readonly code: LocalNeo4jErrorCode,
    message: string,
  ) {
    super(`Local Neo4j: ${message}\n${ALTERNATIVES}`);
    this.name = 'LocalNeo4jError';
  }
}

export interface LocalNeo4j {
  boltUrl: string;
  pid: number;
  dataDir: string;
  /** Settles when the JVM exits, for whatever reason. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

type Log = (line: string) => void;
const defaultLog: Log = (line) => process.stderr.write(`[neo4j-local] ${line}\n`);

export function neo4jVersion(): string {
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(fs.readFileSync(POM, 'utf8'));
  if (!match) throw new Error(`${POM} does not declare <neo4j.version>`);
  return match[1]!;
}

/** Folder holding the Neo4j jars for the pinned version, resolved with Maven on first use. */
export async function resolveNeo4jJars(settings: LocalNeo4jSettings, log: Log = defaultLog): Promise<string> {
  const version = neo4jVersion();
  const lib = path.join(settings.cacheDir, version, 'lib');
  if (fs.existsSync(path.join(lib, '.complete'))) return lib;

  const probe = spawnSync(settings.mvn, ['-v'], { encoding: 'utf8' });
  if (probe.error) {
    throw new LocalNeo4jError(
      'MAVEN_MISSING',
      `Maven was not found (tried "${settings.mvn}"): it is needed once to download Neo4j ${version} from Maven Central. Install Maven 3.8+ or set NEO4J_LOCAL_MVN.`,
    );
  }
  const staging = `${lib}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  log(`resolving Neo4j ${version} from Maven Central into ${lib} (first run only)`);

  const started = Date.now();
  let files = 0;
  let bytes = 0;
  let lastReport = 0;
  const tail: string[] = [];
  const mvn = spawn(settings.mvn, ['-B', '-f', POM, 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`, '-DincludeScope=runtime'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onLine = (line: string) => {
    tail.push(line);
    if (tail.length > 30) tail.shift();
    const downloaded = /Downloaded from \S+: \S+ \(([\d.]+) (B|kB|MB|GB)/.exec(line);
    if (downloaded) {
      files += 1;
      bytes += Number(downloaded[1]) * ({ B: 1, kB: 1e3, MB: 1e6, GB: 1e9 } as const)[downloaded[2] as 'B'];
      if (Date.now() - lastReport > 2000) {
        lastReport = Date.now();
        log(`downloading: ${files} files, ${(bytes / 1e6).toFixed(1)} MB so far`);
      }
    }
  };
  readline.createInterface({ input: mvn.stdout! }).on('line', onLine);
  readline.createInterface({ input: mvn.stderr! }).on('line', onLine);
  const code = await new Promise<number | null>((resolve) => mvn.on('close', resolve));
  if (code !== 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new LocalNeo4jError(
      'RESOLVE_FAILED',
      `Maven could not resolve org.neo4j:neo4j:${version} (exit ${code}). Last output:\n${tail.join('\n')}`,
    );
  }
  fs.writeFileSync(path.join(staging, '.complete'), `${new Date().toISOString()}\n`);
  if (fs.existsSync(lib)) fs.rmSync(staging, { recursive: true, force: true });
  else fs.renameSync(staging, lib);
  const jars = fs.readdirSync(lib).filter((f) => f.endsWith('.jar')).length;
  log(`resolved ${jars} jars in ${((Date.now() - started) / 1000).toFixed(1)} s (${files} files downloaded)`);
  return lib;
}

function checkJava(java: string): void {
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new LocalNeo4jError(
      'JAVA_MISSING',
      `Java was not found (tried "${java}"): Neo4j 5.26 needs Java 17 or later. Install it, or set NEO4J_LOCAL_JAVA or JAVA_HOME.`,
    );
  }
  const version = /version "(\d+)/.exec(`${probe.stderr}${probe.stdout}`);
  if (version && Number(version[1]) < 17) {
    throw new LocalNeo4jError('JAVA_TOO_OLD', `"${java}" is Java ${version[1]}; Neo4j 5.26 needs Java 17 or later.`);
  }
}

export interface StartOptions {
  log?: Log;
  /** Overrides settings.dataDir (tests use a temporary folder). */
  dataDir?: string;
}

/**
 * The serial collector keeps a small heap small (the default 1g, tests); a large heap is for large loads,
 * whose one transaction holds everything it writes: there the serial collector's full pauses took a
 * third of the ×1000 load, and the parallel collector, sized up front, does the same work on both cores.
 */
export function garbageCollector(heap: string): string[] {
  const gigabytes = Number.parseInt(heap, 10) / (/[mM]$/.test(heap) ? 1024 : 1);
  return gigabytes > 1 ? ['-XX:+UseParallelGC', `-Xms${heap}`] : ['-XX:+UseSerialGC'];
}

/** Starts the embedded Neo4j and resolves once it answers on Bolt. */
export async function startLocalNeo4j(settings: LocalNeo4jSettings, options: StartOptions = {}): Promise<LocalNeo4j> {
  const log = options.log ?? defaultLog;
  checkJava(settings.java);
  const lib = await resolveNeo4jJars(settings, log);
  const dataDir = options.dataDir ?? settings.dataDir;
  fs.mkdirSync(dataDir, { recursive: true });

  const child = spawn(
    settings.java,
    [
      `-Xmx${settings.heap}`,
      ...garbageCollector(settings.heap),
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '--add-opens=java.base/java.lang=ALL-UNNAMED',
      '-cp',
      path.join(lib, '*'),
      LAUNCHER,
      '--home',
      dataDir,
      '--port',
      String(settings.port),
      '--pagecache-mb',
      String(settings.pagecacheMb),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  // Belt and braces for a normal exit: the closed stdin pipe already stops the JVM.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  log(`starting Neo4j ${neo4jVersion()} (pid ${child.pid}, data in ${dataDir})`);

  const stderrTail: string[] = [];
  readline.createInterface({ input: child.stderr! }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
  });

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      process.removeListener('exit', killOnExit);
      resolve({ code, signal });
    }),
  );
  const boltUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new LocalNeo4jError('START_TIMEOUT', `Neo4j did not become ready within ${READY_TIMEOUT_MS / 1000} s.`));
    }, READY_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const ready = /^NEO4J_READY (\S+)/.exec(line);
      const error = /^NEO4J_ERROR (\S+) (.*)$/.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!);
      } else if (error) {
        const code = error[1] === 'PORT_IN_USE' ? 'PORT_IN_USE' : 'START_FAILED';
        const hint = code === 'PORT_IN_USE' ? ' Choose another NEO4J_LOCAL_PORT, or 0 for any free port.' : '';
        fail(new LocalNeo4jError(code, `${error[2]}.${hint}`));
      }
    });
    child.once('error', (e) => fail(new LocalNeo4jError('START_FAILED', `could not run "${settings.java}": ${e.message}`)));
    child.once('exit', (code, signal) =>
      fail(
        new LocalNeo4jError(
          'START_FAILED',
          `the Neo4j process exited before it was ready (code ${code}, signal ${signal}).\n${stderrTail.join('\n')}`,
        ),
      ),
    );
  });
  log(`ready at ${boltUrl}`);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin!.end(); // the launcher shuts Neo4j down cleanly when its input closes
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };
  return { boltUrl, pid: child.pid!, dataDir, exited, stop };
}
