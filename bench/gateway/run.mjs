#!/usr/bin/env node
// bench/gateway — our gateway against a peer (Hive Gateway) on the same supergraph and the same subgraphs,
// and against the subgraph called directly, all measured in one run on this machine (loopback only, bounded).
//   node bench/gateway/run.mjs [--duration 8] [--connections 20] [--agencies 1000]
// Needs the build (pnpm turbo run build) and PostgreSQL at TEST_POSTGRES_URL (default 127.0.0.1:5432).
// Prints a table and writes bench/results/gateway-<timestamp>.{json,md}.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '20' },
    agencies: { type: 'string', default: '1000' },
  },
});
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const SECRET = randomBytes(32).toString('base64url');
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const children = [];
const log = (m) => console.log(`[bench] ${m}`);

async function freePort() {
  const net = await import('node:net');
  return new Promise((ok) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => ok(p));
    });
  });
}

async function waitFor(url, child, ms = 180_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} not ready`);
}

function run(cmd, argv, opts) {
  const child = spawn(cmd, argv, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  children.push(child);
  return child;
}

async function startService(pkg, env) {
  const port = await freePort();
  const dir = dirname(require.resolve(`${pkg}/package.json`));
  const child = run(process.execPath, ['dist/server.js'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), CLAIMS_SECRET: SECRET, LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
  });
  await waitFor(`http://127.0.0.1:${port}/ready`, child);
  return `http://127.0.0.1:${port}/graphql`;
}

async function post(url, body, headers = {}) {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return r.json();
}

function measure(url, body, headers) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: 'POST',
        connections: CONNECTIONS,
        duration: DURATION,
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
  });
}

const dbName = `bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: adminUrl });
async function cleanup() {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect().catch(() => {});
  await c.query(`drop database if exists "${dbName}" with (force)`).catch(() => {});
  await c.end().catch(() => {});
}
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

try {
  await admin.connect();
  await admin.query(`create database "${dbName}"`);
  await admin.end();
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  const DATABASE_URL = dbUrl.toString();

  log(`starting subgraphs on PostgreSQL (${dbName}) with ${args.agencies} agencies …`);
  const catalogue = await startService('@skills/catalogue', { DATABASE_URL });
  const [identity, agencies] = await Promise.all([
    startService('@skills/identity', { DATABASE_URL, DEMO_ACCOUNTS: 'true', NODE_ENV: 'test' }),
    startService('@skills/agencies', { DATABASE_URL, DEMO_DATA: 'true', DEMO_BULK_AGENCIES: args.agencies, CATALOGUE_GRAPH_URL: catalogue }),
  ]);
  const subgraphUrls = { catalogue, identity, agencies };

  // The same supergraph file for both gateways, pointing at this run's subgraphs.
  const gatewayDir = dirname(require.resolve('@skills/gateway/package.json'));
  let supergraph = readFileSync(join(gatewayDir, 'dist/supergraph.graphql'), 'utf8');
  supergraph = supergraph.replace(/@join__graph\(name: "(\w+)", url: "[^"]*"\)/g, (_m, name) => `@join__graph(name: "${name}", url: "${subgraphUrls[name]}")`);
  const work = mkdtempSync(join(tmpdir(), 'bench-gw-'));
  const supergraphPath = join(work, 'supergraph.graphql');
  writeFileSync(supergraphPath, supergraph);

  log('starting our gateway and Hive Gateway …');
  const oursPort = await freePort();
  const ours = run(process.execPath, ['dist/server.js'], {
    cwd: gatewayDir,
    env: {
      ...process.env,
      PORT: String(oursPort),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      CLAIMS_SECRET: SECRET,
      SUPERGRAPH_PATH: supergraphPath,
      CATALOGUE_URL: catalogue,
      IDENTITY_URL: identity,
      AGENCIES_URL: agencies,
    },
  });
  await waitFor(`http://127.0.0.1:${oursPort}/health`, ours);
  const hivePort = await freePort();
  // Hive forwards the signed claims header as given by the client (it has no part in our auth).
  writeFileSync(
    join(work, 'gateway.config.mjs'),
    `export const gatewayConfig = { supergraph: ${JSON.stringify(supergraphPath)}, propagateHeaders: { fromClientToSubgraphs: ({ request }) => ({ 'x-skills-claims': request.headers.get('x-skills-claims') ?? undefined }) } };\n`,
  );
  const hive = run(process.execPath, [join(dirname(require.resolve('@graphql-hive/gateway/package.json')), 'dist/bin.js'), 'supergraph', '--port', String(hivePort), '--host', '127.0.0.1'], {
    cwd: work,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  await waitFor(`http://127.0.0.1:${hivePort}/healthcheck`, hive);

  const oursUrl = `http://127.0.0.1:${oursPort}/graphql`;
  const hiveUrl = `http://127.0.0.1:${hivePort}/graphql`;
  const login = await post(oursUrl, { query: 'mutation { login(username: "quanzhou.hr", password: "Demo#2026") { accessToken } }' });
  const token = login.data.login.accessToken;
  const { signClaims } = await import(require.resolve('@skills/service-kit'));
  const me = await post(oursUrl, { query: '{ me { id roles { role regionCode orgCode } } }' }, { authorization: `Bearer ${token}` });
  const claims = await signClaims({ kind: 'user', id: me.data.me.id, grants: me.data.me.roles }, SECRET, 3600);

  const ops = [
    { name: 'one-subgraph lookup', body: { query: '{ occupation(code: "6-31-01-03") { code name levels standard } }' }, direct: catalogue },
    { name: 'two-subgraph join', body: { query: '{ agency(id: "bulk-1") { name filingNumber scope { levels occupation { code name } } } }' } },
    { name: 'list of 100 joined', body: { query: '{ publicAgencies(first: 100) { edges { node { name regionCode institution { name } scope { occupation { name } } } } } }' } },
    { name: 'authenticated', body: { query: '{ me { username roles { role regionName } } }' }, auth: true, direct: identity },
  ];

  const results = [];
  for (const op of ops) {
    // correctness first: both gateways give the same data
    const a = await post(oursUrl, op.body, op.auth ? { authorization: `Bearer ${token}` } : {});
    const b = await post(hiveUrl, op.body, op.auth ? { 'x-skills-claims': claims } : {});
    if (a.errors || b.errors || JSON.stringify(a.data) !== JSON.stringify(b.data)) {
      throw new Error(`${op.name}: gateways disagree or fail\nours: ${JSON.stringify(a).slice(0, 300)}\nhive: ${JSON.stringify(b).slice(0, 300)}`);
    }
    const row = { operation: op.name };
    if (op.direct) {
      log(`${op.name}: direct subgraph …`);
      row.direct = await measure(op.direct, op.body, op.auth ? { 'x-skills-claims': claims } : {});
    }
    log(`${op.name}: our gateway …`);
    row.ours = await measure(oursUrl, op.body, op.auth ? { authorization: `Bearer ${token}` } : {});
    log(`${op.name}: Hive Gateway …`);
    row.hive = await measure(hiveUrl, op.body, op.auth ? { 'x-skills-claims': claims } : {});
    results.push(row);
  }

  const fig = (r) => (r ? { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx } : null);
  const rows = results.map((r) => {
    const d = fig(r.direct);
    const o = fig(r.ours);
    const h = fig(r.hive);
    return { operation: r.operation, direct: d, ours: o, hive: h, oursOverHive: +(o.rps / h.rps).toFixed(2), oursOverDirect: d ? +(o.rps / d.rps).toFixed(2) : null };
  });
  const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), connections: CONNECTIONS, durationSeconds: DURATION, agencies: Number(args.agencies), at: new Date().toISOString() };
  const cell = (f) => (f ? `${f.rps} req/s · p50 ${f.p50} ms · p99 ${f.p99} ms${f.errors ? ` · ${f.errors} errors` : ''}` : '—');
  const md = [
    `# Gateway benchmark ${machine.at}`,
    '',
    `Node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB; autocannon -c ${CONNECTIONS} -d ${DURATION}; PostgreSQL; ${machine.agencies} synthetic agencies.`,
    '',
    '| operation | direct subgraph | our gateway | Hive Gateway | ours/Hive | ours/direct |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.operation} | ${cell(r.direct)} | ${cell(r.ours)} | ${cell(r.hive)} | ${r.oursOverHive} | ${r.oursOverDirect ?? '—'} |`),
    '',
    'The authenticated row: our gateway verifies the bearer JWT and signs claims per request; Hive Gateway only',
    'forwards a pre-signed claims header, so it does less work there.',
  ].join('\n');
  console.log(`\n${md}\n`);
  const resultsDir = join(here, '..', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = machine.at.replace(/[:.]/g, '-');
  writeFileSync(join(resultsDir, `gateway-${stamp}.json`), JSON.stringify({ machine, rows }, null, 2));
  writeFileSync(join(resultsDir, `gateway-${stamp}.md`), md + '\n');
  log(`results written to bench/results/gateway-${stamp}.{json,md}`);
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await cleanup();
}
