// Periodic jobs with many replicas: three agencies processes (the built dist/server.js, as three pods run it) on one
// PostgreSQL database, the expiry sweep every second. Each interval one of them sweeps — the sweep log (their
// "periodic job ran" lines) and the lease row's run count agree, and there are no more runs than intervals.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '@skills/service-kit';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '@skills/service-kit/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../bundle.mjs';
import { startNode, stopAll, waitFor200, type Started } from './processes.js';

const kinds = await testDatabaseKinds();

describe.skipIf(!kinds.includes('postgres'))('three agencies replicas on one PostgreSQL database', () => {
  const started: Started[] = [];
  let database: TestDatabase | undefined;
  afterAll(async () => {
    await stopAll(started);
    await database?.drop();
  });

  it('sweep once per interval between them', async () => {
    database = await createTestDatabase('postgres', 'replicas');
    const env = {
      DATABASE_URL: database.url,
      CLAIMS_SECRET: randomBytes(24).toString('hex'),
      EXPIRY_SWEEP_SECONDS: '1',
      LOG_LEVEL: 'info',
    };
    // the first migrates (as the migration Job would), then the others start beside it
    const cwd = join(ROOT, 'services/agencies');
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const replica = startNode(cwd, ['dist/server.js'], { ...env, PORT: String(port) });
      started.push(replica);
      await waitFor200(replica, `http://127.0.0.1:${port}/ready`);
    }
    const t0 = Date.now();
    const sweeps = () =>
      started.map(
        (s) =>
          s
            .output()
            .split('\n')
            .filter((l) => l.includes('"msg":"periodic job ran"')).length,
      );
    const before = sweeps().reduce((a, b) => a + b, 0);
    await new Promise((r) => setTimeout(r, 4_500));
    // stop them (a sweep under way finishes and logs first), then count
    await stopAll(started);
    const perReplica = sweeps();
    const during = perReplica.reduce((a, b) => a + b, 0) - before;
    const elapsed = Date.now() - t0;

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ runs: string }>(
      `select runs from agencies.periodic_job where name = 'expire-lapsed-filings'`,
    );
    await client.end();
    const total = perReplica.reduce((a, b) => a + b, 0);
    expect(Number(rows[0]?.runs)).toBe(total); // every run logged once, by the one replica that ran it
    expect(during).toBeGreaterThanOrEqual(3); // about one a second…
    expect(during).toBeLessThanOrEqual(Math.ceil(elapsed / 1000) + 1); // …never one per replica
    console.log(`sweeps in ${elapsed} ms: ${during}; by replica since start: ${perReplica.join(', ')}`);
  }, 120_000);
});
