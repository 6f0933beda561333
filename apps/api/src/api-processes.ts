import cluster, { Worker } from 'node:cluster';
import { startupLog } from './startup-log';

/** What an API process tells the primary: it has loaded its code; it answers on the port. */
export type WorkerMessage = { type: 'parvis:waiting' } | { type: 'parvis:ready' };
/** What the primary tells an API process: the database is ready, start the API on it. */
export type PrimaryMessage = { type: 'parvis:start'; databaseUrl: string; seedDemo: boolean };

/** How long the API processes have to close (their requests, live connections) before being killed. */
const STOP_TIMEOUT_MS = 10_000;
/** After a crash, the next API process starts after this delay, doubled at each crash in a row... */
const RESTART_DELAY_MS = 1_000;
/** ...up to this much, */
const MAX_RESTART_DELAY_MS = 30_000;
/** ...and a process that ran this long before dying starts the count again. */
const STABLE_AFTER_MS = 60_000;

const log = startupLog('Parvis');

interface Running {
  worker: Worker;
  forkedAt: number;
}

/**
 * The API processes of `npm start`, seen from the primary (Node's cluster: they share the port,
 * the primary hands each incoming connection to one of them in turn). The first is forked at
 * once so that it loads its code while the database starts; it starts the API (and writes the
 * demo when the database is empty) as soon as the primary hands it the database; the others
 * are forked once it answers, so that on a small machine they do not slow the first one down.
 * One that dies is replaced, after a delay that grows while they keep dying (never a crash
 * loop). Everything they share lives in PostgreSQL (sessions, the job queue, the live-event
 * channel), so any of them can answer any request.
 */
export class ApiProcesses {
  private readonly running = new Set<Running>();
  /** API processes that loaded their code and wait for the database. */
  private readonly waiting = new Set<Worker>();
  private database: { url: string; seedDemo: boolean } | null = null;
  private everReady = false;
  private stopping = false;
  private crashesInARow = 0;
  private readonly restarts = new Set<NodeJS.Timeout>();
  private started: { resolve: () => void; reject: (error: Error) => void } | null = null;

  /**
   * `exec`: the script an API process runs (main.js, which runs worker.ts in a cluster worker);
   * `semiSpaceMb`: V8's young generation of each (config `semiSpaceMb`; 0: V8's default).
   */
  constructor(
    readonly count: number,
    exec: string,
    semiSpaceMb = 0,
  ) {
    cluster.setupPrimary({ exec, execArgv: apiProcessArgs(process.execArgv, semiSpaceMb) });
    this.fork();
  }

  /**
   * Hands the (migrated) database to the API processes. Resolves once the first answers on the
   * port; rejects when it stops before that (its error is in the output), after stopping the rest.
   */
  start(databaseUrl: string, options: { seedDemo: boolean }): Promise<void> {
    this.database = { url: databaseUrl, seedDemo: options.seedDemo };
    const started = new Promise<void>((resolve, reject) => (this.started = { resolve, reject }));
    for (const { worker } of this.running) if (this.waiting.has(worker)) this.hand(worker);
    return started;
  }

  /** Stops every API process (SIGTERM, SIGKILL after STOP_TIMEOUT_MS); resolves once all exited. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.restarts) clearTimeout(timer);
    this.restarts.clear();
    await Promise.all(
      [...this.running].map(
        ({ worker }) =>
          new Promise<void>((resolve) => {
            if (worker.process.exitCode !== null || worker.process.signalCode !== null) return resolve();
            const kill = setTimeout(() => worker.process.kill('SIGKILL'), STOP_TIMEOUT_MS);
            worker.process.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            worker.process.kill('SIGTERM');
          }),
      ),
    );
  }

  private fork(): void {
    const worker = cluster.fork();
    const entry: Running = { worker, forkedAt: Date.now() };
    this.running.add(entry);
    worker.on('message', (message: WorkerMessage) => {
      if (message?.type === 'parvis:waiting') {
        this.waiting.add(worker);
        if (this.database) this.hand(worker);
      } else if (message?.type === 'parvis:ready') {
        this.ready();
      }
    });
    worker.on('exit', (code, signal) => {
      this.running.delete(entry);
      this.waiting.delete(worker);
      if (this.stopping) return;
      this.exited(entry, signal ?? `exit code ${code}`);
    });
  }

  private hand(worker: Worker): void {
    this.waiting.delete(worker);
    const database = this.database!;
    // Only the first API process of this start writes the demo: the others find it written.
    const message: PrimaryMessage = {
      type: 'parvis:start',
      databaseUrl: database.url,
      seedDemo: database.seedDemo && !this.everReady,
    };
    worker.send(message);
  }

  private ready(): void {
    if (this.everReady) return;
    this.everReady = true;
    for (let i = 1; i < this.count; i++) this.fork();
    this.started?.resolve();
  }

  private exited(entry: Running, how: string): void {
    if (!this.everReady) {
      // The first API process could not start (a port in use, a database it cannot use): the
      // next would fail the same way. It printed why; stop the rest and fail the start (unless
      // it was a Ctrl-C, which this process handles too, a moment later: see below).
      setTimeout(() => {
        if (this.stopping) return;
        void this.stop().then(() =>
          this.started?.reject(new Error(`The API process stopped while starting (${how}); see above.`)),
        );
      }, 500);
      return;
    }
    if (Date.now() - entry.forkedAt >= STABLE_AFTER_MS) this.crashesInARow = 0;
    const delay = Math.min(MAX_RESTART_DELAY_MS, RESTART_DELAY_MS * 2 ** this.crashesInARow);
    this.crashesInARow++;
    // Decided after the delay: a Ctrl-C reaches the API processes and this one together, and
    // one of them may exit before this process has handled its own signal.
    const timer = setTimeout(() => {
      this.restarts.delete(timer);
      if (this.stopping) return;
      log(`API process ${entry.worker.process.pid} stopped (${how}); starting another.`);
      this.fork();
    }, delay);
    this.restarts.add(timer);
  }
}

/**
 * The Node options of an API process: this process's, with V8's semi-space size unless they set
 * one already (`node --max-semi-space-size=… main.js` wins). Each request allocates many
 * short-lived objects (rows, GraphQL results, the JSON answer); with V8's default nursery they
 * fill it several times a second under load, and each scavenge copies and promotes the live part.
 */
export function apiProcessArgs(execArgv: readonly string[], semiSpaceMb: number): string[] {
  const args = [...execArgv];
  if (semiSpaceMb > 0 && !args.some((arg) => /^--max[-_]semi[-_]space[-_]size\b/.test(arg)))
    args.push(`--max-semi-space-size=${semiSpaceMb}`);
  return args;
}
