// The images, checked without Docker: each service's bundle — what its image holds, made by deploy/bundle.mjs with
// `pnpm deploy --prod` into a folder outside the repository — started as the image starts it (`node
// dist/server.js`, MIGRATE_ON_START=false, only a pod's environment) against a fresh PostgreSQL database. A
// subgraph must refuse the empty schema, its migration Job (`node dist/migrate.js`) must migrate it, and then
// /ready answers 200; the gateway in front of them answers a query; the portals bundle serves every app.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@skills/service-kit';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '@skills/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPS, bundlePortals, deployService, ROOT, SERVICES } from '../bundle.mjs';
import { startNode, stopAll, waitFor200, type Started } from './processes.js';

const dockerfile = readFileSync(join(ROOT, 'deploy/Dockerfile'), 'utf8');
const kinds = await testDatabaseKinds();
const subgraphs = SERVICES.filter((s) => s.kind === 'subgraph');
const gateway = SERVICES.find((s) => s.kind === 'gateway')!;
const envName = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

describe('the Dockerfile', () => {
  it('has a target for every service of platform.json and the portals, each copying its bundle', () => {
    for (const name of [...SERVICES.map((s) => s.name), 'portals']) {
      expect(dockerfile, `deploy/Dockerfile: add "FROM runtime AS ${name}"`).toMatch(
        new RegExp(`^FROM runtime AS ${name}$`, 'm'),
      );
      expect(dockerfile).toMatch(new RegExp(`^COPY --from=build /out/${name} /app$`, 'm'));
    }
  });
  it('runs as a user other than root, with a health check, and installs the pinned pnpm', () => {
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    const pinned = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { packageManager: string }
    ).packageManager;
    expect(dockerfile).toContain(`npm install --global --no-audit --no-fund ${pinned}`);
  });
  it('every package of platform.json is built before these tests (a devDependency here)', () => {
    const own = JSON.parse(readFileSync(join(ROOT, 'deploy/package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    for (const p of [...SERVICES, ...APPS])
      expect(own.devDependencies[p.package], `add "${p.package}": "workspace:*" to deploy/package.json`).toBe(
        'workspace:*',
      );
  });
});

describe('the bundles', () => {
  const out = mkdtempSync(join(tmpdir(), 'skills-images-'));
  const bundle = (name: string) => join(out, name);
  const started: Started[] = [];
  let database: TestDatabase | undefined;

  beforeAll(() => {
    // one `pnpm deploy` per service for the whole file (hard links from the store: a few seconds each)
    const t0 = Date.now();
    for (const s of SERVICES) deployService(s, bundle(s.name));
    bundlePortals(bundle('portals'));
    console.log(`${SERVICES.length} services deployed and the portals bundled in ${Date.now() - t0} ms`);
  });
  afterAll(async () => {
    await stopAll(started);
    await database?.drop();
    // ~80,000 hard links take half a minute to unlink on a busy disk: let that happen after the tests
    spawn('rm', ['-rf', out], { detached: true, stdio: 'ignore' }).unref();
  });

  it('hold the built service and its production dependencies, nothing of the repository', () => {
    for (const s of SERVICES) {
      const dir = bundle(s.name);
      expect(existsSync(join(dir, 'dist/server.js')), `${s.name}: dist/server.js`).toBe(true);
      expect(existsSync(join(dir, 'src')), `${s.name}: no sources`).toBe(false);
      const installed = readdirSync(join(dir, 'node_modules/.pnpm'));
      for (const dev of ['vitest@', 'typescript@', 'eslint@'])
        expect(
          installed.filter((p) => p.startsWith(dev)),
          `${s.name}: no ${dev}`,
        ).toEqual([]);
      if (s.kind === 'subgraph') {
        expect(existsSync(join(dir, 'dist/migrate.js')), `${s.name}: dist/migrate.js`).toBe(true);
        expect(existsSync(join(dir, 'prisma/migrations')), `${s.name}: prisma/migrations`).toBe(true);
      }
    }
  });

  describe.skipIf(!kinds.includes('postgres'))('started as their images start them, on PostgreSQL', () => {
    const secret = randomBytes(24).toString('hex');
    const urls: Record<string, string> = {};

    it('each subgraph refuses the un-migrated schema, its migration Job migrates it, then it is ready', async () => {
      database = await createTestDatabase('postgres', 'images');
      for (const s of subgraphs) {
        const t0 = Date.now();
        const env = { DATABASE_URL: database.url, CLAIMS_SECRET: secret, MIGRATE_ON_START: 'false' };
        const refused = startNode(bundle(s.name), ['dist/server.js'], { ...env, PORT: '0' });
        expect(await refused.exited, `${s.name} must not start on an empty schema`).not.toBe(0);
        expect(refused.output()).toContain(`${s.name}: the database schema "${s.name}" lacks`);

        const job = startNode(bundle(s.name), ['dist/migrate.js'], {
          DATABASE_URL: database.url,
          LOG_LEVEL: 'info',
        });
        expect(await job.exited, job.output()).toBe(0);
        expect(job.output()).toContain('migrations applied');

        const port = await freePort();
        const server = startNode(bundle(s.name), ['dist/server.js'], { ...env, PORT: String(port) });
        started.push(server);
        await waitFor200(server, `http://127.0.0.1:${port}/ready`);
        urls[s.name] = `http://127.0.0.1:${port}/graphql`;
        console.log(`${s.name}: refused, migrated and ready in ${Date.now() - t0} ms`);
      }
    }, 240_000);

    it('the gateway in front of them is ready and answers from a subgraph', async () => {
      expect(Object.keys(urls)).toEqual(subgraphs.map((s) => s.name));
      const port = await freePort();
      const env: Record<string, string> = { CLAIMS_SECRET: secret, PORT: String(port) };
      for (const s of subgraphs) env[`${envName(s.name)}_URL`] = urls[s.name]!;
      env.IDENTITY_URL = urls.identity!;
      const server = startNode(bundle(gateway.name), ['dist/server.js'], env);
      started.push(server);
      await waitFor200(server, `http://127.0.0.1:${port}/ready`);
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ occupation(code: "6-31-01-03") { code } }' }),
      });
      expect(await res.json()).toEqual({ data: { occupation: { code: '6-31-01-03' } } });
    });
  });

  it('the portals bundle serves every app and the manifest from its environment', async () => {
    const env: Record<string, string> = { PUBLIC_GATEWAY_URL: 'https://api.skills.example/graphql' };
    const ports: Record<string, number> = {};
    for (const a of APPS) {
      ports[a.name] = await freePort();
      env[a.portEnv ?? `PORTAL_${envName(a.name)}_PORT`] = String(ports[a.name]);
    }
    const server = startNode(bundle('portals'), ['scripts/serve-portals.mjs'], env);
    started.push(server);
    const shell = `http://127.0.0.1:${ports.shell}`;
    await waitFor200(server, `${shell}/health`);
    for (const a of APPS) {
      const page = await fetch(`http://127.0.0.1:${ports[a.name]}/`);
      expect(page.status, a.name).toBe(200);
      expect(await page.text()).toContain('<script');
    }
    const manifest = (await (await fetch(`${shell}/remotes.json`)).json()) as { gatewayUrl: string };
    expect(manifest.gatewayUrl).toBe('https://api.skills.example/graphql');
  });
});
