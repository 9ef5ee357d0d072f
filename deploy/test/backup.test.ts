// Back up and restore as docs/operations.md says: pg_dump of each service's schema from a database the services
// have filled, pg_restore into a fresh database, and the services started there without migrating
// (MIGRATE_ON_START=false: the migration history came back too) answer the same as before.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANONYMOUS, CLAIMS_HEADER, freePort, signClaims } from '@skills/service-kit';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '@skills/service-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../bundle.mjs';
import { startNode, stopAll, waitFor200, type Started } from './processes.js';

const kinds = await testDatabaseKinds();
const SECRET = randomBytes(24).toString('hex');

/** What each service is asked before and after (anonymous, public reads of its own data). */
const QUESTIONS: Record<string, string> = {
  catalogue: '{ occupations(first: 100) { totalCount edges { node { code name } } } }',
  agencies:
    '{ publicAgencies(first: 100) { totalCount edges { node { id name } } } institutions(first: 100) { totalCount edges { node { creditCode name } } } }',
};

async function ask(url: string, query: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CLAIMS_HEADER]: await signClaims(ANONYMOUS, SECRET) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: Record<string, { totalCount: number }>; errors?: unknown };
}

describe.skipIf(!kinds.includes('postgres'))('back up and restore (pg_dump per service schema)', () => {
  const started: Started[] = [];
  const databases: TestDatabase[] = [];
  const dumps = mkdtempSync(join(tmpdir(), 'skills-dumps-'));
  afterAll(async () => {
    await stopAll(started);
    for (const d of databases) await d.drop();
    rmSync(dumps, { recursive: true, force: true });
  });

  async function serve(service: string, databaseUrl: string, env: Record<string, string> = {}) {
    const port = await freePort();
    const s = startNode(join(ROOT, 'services', service), ['dist/server.js'], {
      DATABASE_URL: databaseUrl,
      CLAIMS_SECRET: SECRET,
      PORT: String(port),
      ...env,
    });
    started.push(s);
    await waitFor200(s, `http://127.0.0.1:${port}/ready`);
    return { url: `http://127.0.0.1:${port}/graphql`, stop: () => stopAll([s]) };
  }

  it('a restored database serves the same data', async () => {
    const seeded = await createTestDatabase('postgres', 'backup_from');
    databases.push(seeded);
    const before: Record<string, unknown> = {};
    for (const [service, query] of Object.entries(QUESTIONS)) {
      const svc = await serve(service, seeded.url, { DEMO_DATA: 'true' });
      before[service] = await ask(svc.url, query);
      await svc.stop();
    }
    expect((before.catalogue as any).data.occupations.totalCount).toBeGreaterThan(0);
    expect((before.agencies as any).data.publicAgencies.totalCount).toBeGreaterThan(0);

    // the backup: one custom-format dump per service schema
    for (const service of Object.keys(QUESTIONS))
      execFileSync('pg_dump', [
        '--format=custom',
        `--schema=${service}`,
        '--no-owner',
        '--file',
        join(dumps, `${service}.dump`),
        seeded.url,
      ]);

    const restored = await createTestDatabase('postgres', 'backup_to');
    databases.push(restored);
    for (const service of Object.keys(QUESTIONS))
      execFileSync('pg_restore', [
        '--no-owner',
        '--exit-on-error',
        '--dbname',
        restored.url,
        join(dumps, `${service}.dump`),
      ]);

    for (const [service, query] of Object.entries(QUESTIONS)) {
      const svc = await serve(service, restored.url, { MIGRATE_ON_START: 'false' });
      expect(await ask(svc.url, query), service).toEqual(before[service]);
      await svc.stop();
    }
  }, 180_000);
});
