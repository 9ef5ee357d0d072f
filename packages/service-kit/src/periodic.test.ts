// A periodic job runs once per interval across replicas: schedulers of one job on one PostgreSQL schema (as the
// replicas of a service are) claim its lease row; exactly one claims each interval, whatever their timers do.
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { schedulePeriodic, type PeriodicJob } from './periodic.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './testing.js';

const kinds = await testDatabaseKinds();
const log = pino({ level: 'silent' });
const servers: TestDatabase[] = [];
afterAll(async () => {
  for (const s of servers) await s.drop();
});

describe.skipIf(!kinds.includes('postgres'))('periodic jobs on PostgreSQL', () => {
  it('replicas claiming at the same moment: one runs', async () => {
    const server = await createTestDatabase('postgres', 'periodic');
    servers.push(server);
    const database = await openDatabase({ service: 'agencies', databaseUrl: server.url, dataDir: '' });
    let runs = 0;
    const jobs: PeriodicJob[] = Array.from({ length: 10 }, (_, i) =>
      schedulePeriodic({
        name: 'sweep',
        intervalMs: 60_000,
        database,
        log,
        replica: `replica-${i}`,
        run: async () => void runs++,
      }),
    );
    // each scheduler's first look starts at once; tick() joins it
    const ran = await Promise.all(jobs.map((j) => j.tick()));
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
    // within the interval nobody runs it again
    expect((await Promise.all(jobs.map((j) => j.tick()))).filter(Boolean)).toHaveLength(0);
    await Promise.all(jobs.map((j) => j.stop()));
  });

  it('three replicas ticking every 50 ms: one run per 600 ms interval, spaced by at least the interval', async () => {
    const server = await createTestDatabase('postgres', 'periodic');
    servers.push(server);
    const database = await openDatabase({ service: 'agencies', databaseUrl: server.url, dataDir: '' });
    const runs: { at: number; by: string }[] = [];
    const started = Date.now();
    const jobs = ['a', 'b', 'c'].map((replica) =>
      schedulePeriodic({
        name: 'sweep',
        intervalMs: 600,
        checkEveryMs: 50,
        database,
        log,
        replica,
        run: async () => void runs.push({ at: Date.now(), by: replica }),
      }),
    );
    await new Promise((r) => setTimeout(r, 2_100));
    await Promise.all(jobs.map((j) => j.stop()));
    const elapsed = Date.now() - started;
    // at 0, ~600, ~1200, ~1800 ms: 4 runs (3 if the machine is slow), never two in one interval
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.length).toBeLessThanOrEqual(Math.floor(elapsed / 600) + 1);
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.at - runs[i - 1]!.at).toBeGreaterThanOrEqual(400); // 600 on the database clock, less the spread of round trips
  });
});

describe('periodic jobs on PGlite (one process per data directory)', () => {
  it('run at the first look, then once per interval', async () => {
    const server = await createTestDatabase('pglite', 'periodic');
    servers.push(server);
    let runs = 0;
    const job = schedulePeriodic({
      name: 'sweep',
      intervalMs: 60_000,
      database: { url: server.url, schema: 'public' },
      log,
      run: async () => void runs++,
    });
    expect(await job.tick()).toBe(true);
    expect(await job.tick()).toBe(false);
    expect(runs).toBe(1);
    await job.stop();
  });
});
