// Restarts: the README's PostgreSQL commands run twice in a row (the second start serves what the first wrote),
// every service on a database of its own, and the launcher restarting a service that crashed — or giving up,
// with its last lines, on one that keeps crashing.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { APPS, SERVICES, startPlatform, superviseService } from '../../scripts/lib/platform.mjs';
import { freePort } from './support/ports.js';
import { DEMO_PASSWORD } from './support/session.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const databases: string[] = [];
const cleanups: (() => Promise<unknown>)[] = [];

async function admin<T>(work: (c: pg.Client) => Promise<T>, url = ADMIN_URL): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** `createdb -h 127.0.0.1 -U postgres <name>`; dropped after the file. */
async function createdb(prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now()}_${Math.random().toString(16).slice(2, 8)}`;
  await admin((c) => c.query(`create database "${name}"`));
  databases.push(name);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
  for (const name of databases) await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
});

type Gql = { data?: Record<string, any>; errors?: { message: string; extensions?: { code?: string } }[] };

function client(gatewayUrl: string) {
  const gql = async (query: string, variables: object = {}, token?: string): Promise<Gql> => {
    const r = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await r.json()) as Gql;
  };
  const token = async (username: string) => {
    const r = await gql('mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}', {
      u: username,
      p: DEMO_PASSWORD,
    });
    const t = r.data?.login?.accessToken as string | undefined;
    if (!t) throw new Error(`${username} could not sign in: ${JSON.stringify(r.errors)}`);
    return t;
  };
  return { gql, token };
}

/** 泉州海洋职业学院 applies for 电工 四级 (a write in agencies); returns the filing id. */
async function writeSomething(gatewayUrl: string, requestKey: string): Promise<string> {
  const { gql, token } = client(gatewayUrl);
  const haiyang = await token('haiyang.admin');
  const inst = await gql('{ institutions(search: "泉州海洋职业学院") { edges { node { creditCode } } } }');
  const code = inst.data?.institutions?.edges?.[0]?.node?.creditCode as string;
  const r = await gql(
    'mutation($c:String!,$k:String!){applyForFiling(institutionCode:$c,kind:SKILL_LEVEL_AGENCY,scope:[{occupationCode:"6-31-01-03",levels:[LEVEL_4]}],requestKey:$k,duties:{designatedUnit:"职业技能评价中心办公室",managementRules:"考务、档案、问题查处和责任追究制度",noOutsourcing:true}){id}}',
    { c: code, k: requestKey },
    haiyang,
  );
  const id = r.data?.applyForFiling?.id as string | undefined;
  if (!id) throw new Error(`applyForFiling: ${JSON.stringify(r.errors)}`);
  return id;
}

/** What the second start must serve: the filing (as 石狮市's county bureau sees it) and the catalogue. */
async function readBack(gatewayUrl: string, filingId: string) {
  const { gql, token } = client(gatewayUrl);
  const shishi = await token('shishi.hr');
  const filings = await gql('{ filings(open: true, first: 200) { edges { node { id } } } }', {}, shishi);
  const occupation = await gql('{ occupation(code: "6-31-01-03") { name } }');
  return {
    filed: (filings.data?.filings?.edges as { node: { id: string } }[] | undefined)?.some(
      (e) => e.node.id === filingId,
    ),
    occupation: occupation.data?.occupation?.name,
  };
}

const waitFor = async (check: () => Promise<boolean>, what: string, ms = 60_000) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('the README on PostgreSQL: `DATABASE_URL=… npm start`, stopped, then started again', () => {
  it('the second start migrates nothing new and serves what the first wrote', async () => {
    const url = await createdb('readme_twice');
    const data = await mkdtemp(join(tmpdir(), 'skills-readme-'));
    cleanups.push(() => rm(data, { recursive: true, force: true }));
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      DATABASE_URL: url,
      DATA_DIR: data,
    };
    for (const s of [...SERVICES, ...APPS]) env[s.portEnv] = String(await freePort());
    const gateway = `http://127.0.0.1:${env.GATEWAY_PORT}/graphql`;

    // `npm start` after its install and build steps (done by this test run's build): scripts/start.mjs --no-build
    const start = () => {
      const lines: string[] = [];
      const child = spawn(process.execPath, ['scripts/start.mjs', '--no-build'], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (c: Buffer) => lines.push(c.toString()));
      child.stderr.on('data', (c: Buffer) => lines.push(c.toString()));
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      cleanups.push(async () => child.exitCode === null && child.kill('SIGKILL'));
      return { child, exited, log: () => lines.join('') };
    };
    const answers = async () =>
      (
        await fetch(gateway, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{__typename}"}',
        })
      ).ok;

    const first = start();
    await waitFor(answers, 'the first start', 180_000).catch((e: Error) => {
      throw new Error(`${e.message}:\n${first.log().slice(-1500)}`);
    });
    const filingId = await writeSomething(gateway, 'readme-twice');
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);

    const second = start();
    await waitFor(answers, 'the second start', 180_000).catch((e: Error) => {
      throw new Error(`${e.message}:\n${second.log().slice(-1500)}`);
    });
    expect(second.log()).not.toMatch(/already exists|did not start/);
    expect(await readBack(gateway, filingId)).toEqual({ filed: true, occupation: '电工' });
    // the README's psql line
    const rows = await admin((c) => c.query('select code, name from catalogue."Occupation" limit 3'), url);
    expect(rows.rowCount).toBe(3);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 600_000);
});

describe('a database per service (CATALOGUE_DATABASE_URL, AGENCIES_DATABASE_URL, IDENTITY_DATABASE_URL)', () => {
  it('each service migrates its own database, and a restart serves the data of the first start', async () => {
    const env: Record<string, string> = {};
    for (const s of SERVICES.filter((s) => s.name !== 'gateway')) {
      env[`${s.name.toUpperCase()}_DATABASE_URL`] = await createdb(`per_service_${s.name}`);
    }
    const ports: Record<string, number> = {};
    for (const s of SERVICES) ports[s.name] = await freePort();
    const up = () => startPlatform({ apps: false, ports, log: 'ignore', env: { ...env, LOG_LEVEL: 'warn' } });
    let platform = await up();
    cleanups.push(() => platform.stop());
    const filingId = await writeSomething(platform.urls.gateway!, 'per-service');
    await platform.stop();
    platform = await up();
    expect(await readBack(platform.urls.gateway!, filingId)).toEqual({ filed: true, occupation: '电工' });
    for (const s of ['catalogue', 'agencies', 'identity']) {
      const tables = await admin(
        (c) =>
          c.query(
            `select table_schema from information_schema.tables where table_name = '_prisma_migrations'`,
          ),
        env[`${s.toUpperCase()}_DATABASE_URL`],
      );
      expect(tables.rows, s).toEqual([{ table_schema: s }]);
    }
    await platform.stop();
  }, 600_000);
});

describe('the launcher keeps the platform up (npm start: restart with a backoff)', () => {
  it('a service that dies is restarted on its port, and the gateway serves it again', async () => {
    const ports: Record<string, number> = {};
    for (const s of SERVICES) ports[s.name] = await freePort();
    const data = await mkdtemp(join(tmpdir(), 'skills-restart-'));
    const platform = await startPlatform({
      apps: false,
      ports,
      log: 'ignore',
      restart: true,
      env: { DATA_DIR: data, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    });
    cleanups.push(async () => {
      await platform.stop();
      await rm(data, { recursive: true, force: true });
    });
    const { gql } = client(platform.urls.gateway!);
    const catalogue = platform.service('catalogue')!;
    const before = catalogue.child.pid;
    catalogue.child.kill('SIGKILL');
    await waitFor(async () => catalogue.restarts === 1 && catalogue.child.pid !== before, 'a restart');
    await waitFor(
      async () =>
        (await gql('{ occupation(code: "6-31-01-03") { name } }')).data?.occupation?.name === '电工',
      'the catalogue through the gateway again',
    );
  }, 300_000);

  it('a service that keeps crashing is given up with its last lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'skills-crasher-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await writeFile(
      join(dir, 'crash.mjs'),
      'console.error("数据库连接失败: ECONNREFUSED"); process.exit(3);\n',
    );
    const said: string[] = [];
    const gaveUp = new Promise<[string, string]>((resolve) => {
      const s = superviseService(
        { name: 'crasher', dir: relative(ROOT, dir), entry: 'crash.mjs' },
        {
          env: process.env,
          port: 1,
          log: 'ignore',
          restart: true,
          backoffMs: 20,
          onGiveUp: (name, lines) => resolve([name, lines]),
          say: (line) => said.push(line),
        },
      );
      s.spawn();
    });
    const [name, lines] = await gaveUp;
    expect(name).toBe('crasher');
    expect(lines).toContain('数据库连接失败: ECONNREFUSED');
    expect(said.filter((l) => l.includes('restarting in'))).toHaveLength(5);
    expect(said.at(-1)).toMatch(/crasher exited \(code 3\) 6 times within a minute; giving up/);
  });
});
