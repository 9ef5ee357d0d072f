// Periodic jobs that must run once across a service's replicas (the agencies expiry sweep; certificate reporting
// next): every replica keeps a timer, and each tick tries to claim the job's lease row for this interval with one
// atomic statement — the replica that moves `ran_at` forward runs the job, the others skip. The row lives in the
// service's own schema (table `periodic_job`, made on first use); docs/adr/0011-deployment-and-replicas.md says why
// a lease row rather than an advisory lock or a job queue.
import { hostname } from 'node:os';
import pg from 'pg';
import { isPgliteUrl } from './database.js';
import type { MigrationTarget } from './migrations.js';
import type { Logger } from './logger.js';

export interface PeriodicJobOptions {
  /** unique within the service, e.g. `expire-lapsed-filings` */
  name: string;
  /** at most one run per interval across all replicas */
  intervalMs: number;
  /** the service's database (openDatabase): the lease row goes into its schema */
  database: MigrationTarget;
  run: () => Promise<unknown>;
  log: Logger;
  /** how often each replica looks (default: a tenth of the interval, at most a minute) */
  checkEveryMs?: number;
  /** names this replica in the lease row and the logs */
  replica?: string;
}

export interface PeriodicJob {
  /** one look: claims and runs the job if its interval has passed; resolves true if this replica ran it */
  tick(): Promise<boolean>;
  /** stops the timer and waits for a run in progress */
  stop(): Promise<void>;
}

const CREATE = `CREATE TABLE IF NOT EXISTS periodic_job (
  name text PRIMARY KEY,
  ran_at timestamptz NOT NULL,
  ran_by text NOT NULL,
  runs bigint NOT NULL DEFAULT 1
)`;

// Claims the lease: inserts the job's row, or moves ran_at forward if the interval has passed since the last
// claim. ON CONFLICT DO UPDATE locks the row and re-checks the WHERE against the latest committed version, so
// of replicas claiming at once exactly one gets a row back.
const CLAIM = `INSERT INTO periodic_job AS j (name, ran_at, ran_by) VALUES ($1, now(), $3)
ON CONFLICT (name) DO UPDATE SET ran_at = now(), ran_by = $3, runs = j.runs + 1
WHERE j.ran_at <= now() - make_interval(secs => $2::float8 / 1000)
RETURNING runs`;

export function schedulePeriodic(opts: PeriodicJobOptions): PeriodicJob {
  const replica = opts.replica ?? `${hostname()}:${process.pid}`;
  const every = opts.checkEveryMs ?? Math.min(Math.max(opts.intervalMs / 10, 100), 60_000);
  const log = opts.log.child({ job: opts.name });
  let tableReady = false;
  let running: Promise<boolean> | undefined;

  let localRuns = 0;
  let lastLocalRun: number | undefined;

  async function claim(): Promise<number | null> {
    // PGlite serves one process (its data directory): nothing to share, and its socket must not interleave a
    // second connection's statements with Prisma's (see database.ts)
    if (isPgliteUrl(opts.database.url)) {
      const last = lastLocalRun;
      if (last !== undefined && Date.now() - last < opts.intervalMs) return null;
      lastLocalRun = Date.now();
      return ++localRuns;
    }
    const client = new pg.Client({ connectionString: opts.database.url });
    await client.connect();
    try {
      await client.query(`SET search_path TO "${opts.database.schema}"`);
      if (!tableReady) {
        // replicas starting together: one creates the table, the others wait for it (CREATE TABLE IF NOT
        // EXISTS alone can still collide on the type's name)
        await client.query('BEGIN');
        await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('periodic_job table', 0))`);
        await client.query(CREATE);
        await client.query('COMMIT');
        tableReady = true;
      }
      const r = await client.query<{ runs: string }>(CLAIM, [opts.name, opts.intervalMs, replica]);
      return r.rows[0] ? Number(r.rows[0].runs) : null;
    } finally {
      await client.end().catch(() => {});
    }
  }

  async function look(): Promise<boolean> {
    const run = await claim();
    if (run === null) return false;
    const started = Date.now();
    try {
      await opts.run();
      log.info({ run, replica, ms: Date.now() - started }, 'periodic job ran');
    } catch (e) {
      // the lease stays taken: the next interval tries again (jobs are idempotent catch-ups)
      log.error({ err: e, run, replica }, 'periodic job failed');
    }
    return true;
  }

  const tick = () => {
    // one look at a time per replica
    running ??= look()
      .catch((e: unknown) => {
        log.error({ err: e }, 'periodic job: could not claim its lease');
        return false;
      })
      .finally(() => (running = undefined));
    return running;
  };
  const timer = setInterval(() => void tick(), every);
  timer.unref();
  void tick();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
