/**
 * A throw-away PostgreSQL cluster for the tests: Debian's initdb and pg_ctl in a temp directory,
 * trust authentication, listening on a free loopback port only. PostgreSQL refuses to run as root,
 * so under root the cluster belongs to the `postgres` user. test/postgres-setup.ts starts one per
 * test run; each test file (or test) takes a fresh database in it with freshDatabase.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

/** The name under which the global setup provides the cluster's URL (to its `postgres` database). */
export const CLUSTER_URL = 'postgresClusterUrl';

declare module 'vitest' {
  export interface ProvidedContext {
    [CLUSTER_URL]: string;
  }
}

const INSTALL_HINT = 'PostgreSQL server binaries (initdb, pg_ctl) were not found. Install Debian\'s postgresql: `apt-get update && apt-get install -y postgresql` (.ci/run does this).';

/** The folder holding initdb and pg_ctl: Debian's newest /usr/lib/postgresql/<v>/bin, else the PATH. */
export function findPostgresBin(): string {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')) && existsSync(join(debian, v, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return join(debian, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  throw new Error(INSTALL_HINT);
}

/** A port nobody listens on right now, on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A running cluster: its URL and how to stop it. */
export interface PostgresCluster {
  /** URL of its `postgres` database, as the superuser. */
  url: string;
  stop(): void;
}

/**
 * Starts a cluster in a fresh temp directory (as the `postgres` user under root, which
 * PostgreSQL refuses to run as).
 * @throws Error saying to install Debian's postgresql when initdb or pg_ctl is missing
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  const base = mkdtempSync(join(tmpdir(), 'rubric-studio-pg-'));
  const dataDir = join(base, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chownSync(base, uid, gid);
  }
  const run = (program: string, args: string[]): void => {
    const command = join(bin, program);
    // runuser keeps the arguments as they are (no shell quoting), unlike su -c.
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe', cwd: base });
    else execFileSync(command, args, { stdio: 'pipe', cwd: base });
  };
  const port = await freePort();
  try {
    run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    // fsync off: a test cluster never needs to survive a crash, and it makes each commit much faster.
    const options = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    run('pg_ctl', ['-D', dataDir, '-o', options, '-l', join(base, 'postgres.log'), '-w', '-t', '60', 'start']);
  } catch (err) {
    rmSync(base, { recursive: true, force: true });
    const output = (err as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`Could not start a PostgreSQL test cluster in ${base}: ${(err as Error).message}\n${output}`);
  }
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(`Running as root, but there is no \`postgres\` user to run the test cluster as. ${INSTALL_HINT}`);
  }
}

let databases = 0;

/** A new, empty database in the run's cluster; returns its URL. */
export async function freshDatabase(): Promise<string> {
  const cluster = new URL(inject(CLUSTER_URL));
  databases += 1;
  const name = `rubric_${process.pid}_${databases}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: cluster.href });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  cluster.pathname = `/${name}`;
  return cluster.href;
}
