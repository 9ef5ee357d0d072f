#!/usr/bin/env node
// bench/gateway — our gateway against a peer (Hive Gateway) on the same supergraph and the same subgraphs,
// and against the subgraph called directly, all measured in one run on this machine (loopback only, bounded).
//   node bench/gateway/run.mjs [--duration 8] [--connections 20] [--agencies 1000] [--mode same|varied|both]
//                              [--workers N] [--ops lookup,join]
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
import { operations } from './operations.mjs';
import { SERVICES } from '../../scripts/lib/platform.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '20' },
    agencies: { type: 'string', default: '1000' },
    mode: { type: 'string', default: 'both' },
    /** processes per gateway: our GATEWAY_WORKERS and Hive's --fork (the same, to compare like with like) */
    workers: { type: 'string', default: '1' },
    /** only operations whose name contains one of these (comma-separated) */
    ops: { type: 'string' },
    /** seconds of unmeasured load on each target before a row, so that no target pays for cold subgraph and
     * database caches or an unwarmed JIT (without it, whichever target runs first is measurably slower) */
    warmup: { type: 'string', default: '1' },
    /** write CPU profiles of our gateways here (node --cpu-prof), to see where a request's time goes */
    'prof-dir': { type: 'string' },
    /** also measure two of our gateway processes (no response cache, Redis invalidation bus) behind a round-robin
     * client against one of them: what a second replica buys on this machine */
    replicas: { type: 'boolean', default: false },
  },
});
const MODES = args.mode === 'both' ? ['same', 'varied'] : [args.mode];
const WORKERS = Number(args.workers);
/** signed-in users for the authenticated operations (the first is used when a request needs one user) */
const USERS = ['quanzhou.hr', 'province.hr', 'jinjiang.hr', 'nanan.hr', 'shishi.hr', 'quanzhou.edu', 'haiyang.admin', 'liming.admin'];
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

/** identity refuses demo accounts in production: seed them under NODE_ENV=test once, then stop (they stay) */
async function seedDemoAccounts(DATABASE_URL) {
  const port = await freePort();
  const dir = dirname(require.resolve('@skills/identity/package.json'));
  const child = run(process.execPath, ['dist/server.js'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), CLAIMS_SECRET: SECRET, LOG_LEVEL: 'warn', NODE_ENV: 'test', DATABASE_URL, DEMO_ACCOUNTS: 'true' },
  });
  await waitFor(`http://127.0.0.1:${port}/ready`, child);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

async function post(url, body, headers = {}) {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return r.json();
}

/** Drives `url` for DURATION seconds; `nth(i)` gives the body and headers of the i-th request. */
function measure(url, nth, seconds = DURATION) {
  let i = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, method: 'POST', ...nth(i++) }) }],
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
  // identity runs as in production too (NODE_ENV=test measured 10–30 % slower, issue 18), with the demo
  // accounts seeded before
  await seedDemoAccounts(DATABASE_URL);
  const [identity, agencies] = await Promise.all([
    startService('@skills/identity', { DATABASE_URL }),
    startService('@skills/agencies', { DATABASE_URL, DEMO_DATA: 'true', DEMO_BULK_AGENCIES: args.agencies, CATALOGUE_GRAPH_URL: catalogue }),
  ]);
  // assessment asks agencies about agencies only when a plan is made, which this benchmark does not do
  const assessment = await startService('@skills/assessment', { DATABASE_URL, AGENCIES_GRAPH_URL: agencies });
  const subgraphUrls = { catalogue, identity, agencies, assessment };
  // the platform's one list: a subgraph added there must be started here too (with the data it needs)
  const missing = SERVICES.filter((s) => s.urlEnv && !subgraphUrls[s.name]).map((s) => s.name);
  if (missing.length) throw new Error(`bench/gateway does not start ${missing.join(', ')} (platform.json lists it)`);
  const urlEnv = Object.fromEntries(SERVICES.filter((s) => s.urlEnv).map((s) => [s.urlEnv, subgraphUrls[s.name]]));

  // The same supergraph file for both gateways, pointing at this run's subgraphs.
  const gatewayDir = dirname(require.resolve('@skills/gateway/package.json'));
  let supergraph = readFileSync(join(gatewayDir, 'dist/supergraph.graphql'), 'utf8');
  supergraph = supergraph.replace(/@join__graph\(name: "(\w+)", url: "[^"]*"\)/g, (_m, name) => `@join__graph(name: "${name}", url: "${subgraphUrls[name]}")`);
  const work = mkdtempSync(join(tmpdir(), 'bench-gw-'));
  const supergraphPath = join(work, 'supergraph.graphql');
  writeFileSync(supergraphPath, supergraph);

  log('starting our gateway (as shipped, and without its response cache) and Hive Gateway …');
  const startOurs = async (env) => {
    const port = await freePort();
    const prof = args['prof-dir'] ? ['--cpu-prof', `--cpu-prof-dir=${args['prof-dir']}`] : [];
    const child = run(process.execPath, [...prof, 'dist/server.js'], {
      cwd: gatewayDir,
      env: {
        ...process.env,
        PORT: String(port),
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        CLAIMS_SECRET: SECRET,
        SUPERGRAPH_PATH: supergraphPath,
        ...urlEnv,
        GATEWAY_WORKERS: String(WORKERS),
        // one client address sends everything here; Hive has no such limit either
        RATE_LIMIT_PER_MINUTE: '0',
        ...env,
      },
    });
    await waitFor(`http://127.0.0.1:${port}/health`, child);
    return { port, child };
  };
  const { port: oursPort } = await startOurs({});
  const oursNoCache = await startOurs({ RESPONSE_CACHE_TTL_SECONDS: '0' });
  const hivePort = await freePort();
  // Hive forwards the signed claims header as given by the client (it has no part in our auth).
  writeFileSync(
    join(work, 'gateway.config.mjs'),
    `export const gatewayConfig = { supergraph: ${JSON.stringify(supergraphPath)}, propagateHeaders: { fromClientToSubgraphs: ({ request }) => ({ 'x-skills-claims': request.headers.get('x-skills-claims') ?? undefined }) } };\n`,
  );
  const hive = run(process.execPath, [join(dirname(require.resolve('@graphql-hive/gateway/package.json')), 'dist/bin.js'), 'supergraph', '--port', String(hivePort), '--host', '127.0.0.1', '--fork', String(WORKERS)], {
    cwd: work,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  await waitFor(`http://127.0.0.1:${hivePort}/healthcheck`, hive);

  const redis = { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', RESPONSE_CACHE_TTL_SECONDS: '0' };
  const replicas = args.replicas ? [await startOurs(redis), await startOurs(redis)] : [];
  const replicaUrls = replicas.map((r) => `http://127.0.0.1:${r.port}/graphql`);
  const oursUrl = `http://127.0.0.1:${oursPort}/graphql`;
  const hiveUrl = `http://127.0.0.1:${hivePort}/graphql`;
  const targets = { ours: oursUrl, oursNoCache: `http://127.0.0.1:${oursNoCache.port}/graphql`, hive: hiveUrl };

  // Signed-in callers: our gateway gets each user's bearer token; Hive and the direct subgraph get the claims our
  // gateway would sign for that user (Hive has no part in our authentication).
  const { ANONYMOUS, signClaims } = await import(require.resolve('@skills/service-kit'));
  // subgraphs serve only signed requests: what our gateway sends for an anonymous caller
  const anonymousClaims = await signClaims(ANONYMOUS, SECRET, 3600);
  const users = [];
  for (const username of USERS) {
    const login = await post(oursUrl, { query: 'mutation($u: String!) { login(username: $u, password: "Demo#2026") { accessToken } }', variables: { u: username } });
    if (login.errors) throw new Error(`login ${username}: ${JSON.stringify(login.errors)}`);
    const token = login.data.login.accessToken;
    const me = await post(oursUrl, { query: '{ me { id roles { role regionCode orgCode } } }' }, { authorization: `Bearer ${token}` });
    users.push({ username, token, claims: await signClaims({ kind: 'user', id: me.data.me.id, grants: me.data.me.roles }, SECRET, 3600) });
  }
  const codes = await post(subgraphUrls.catalogue, { query: '{ occupations(first: 500) { edges { node { code } } } }' }, { 'x-skills-claims': anonymousClaims });
  const occupationCodes = codes.data.occupations.edges.map((e) => e.node.code);
  const supergraphText = readFileSync(supergraphPath, 'utf8');
  const ops = operations({ occupationCodes, agencies: Number(args.agencies) }).filter(
    (op) => (!args.ops || args.ops.split(',').some((f) => op.name.includes(f))) && (!op.needs || supergraphText.includes(`type Actor`)),
  );

  /** The i-th request of an operation in a mode: body and headers, for a target kind. */
  const requestOf = (op, mode, i, kind) => {
    const variables = mode === 'same' ? op.same : op.vary(i);
    const user = op.auth ? (mode === 'varied' && op.variedUsers ? users[i % users.length] : users[0]) : null;
    const headers = { 'content-type': 'application/json' };
    if (kind === 'ours' || kind === 'oursNoCache') {
      if (user) headers.authorization = `Bearer ${user.token}`;
    } else headers['x-skills-claims'] = user ? user.claims : anonymousClaims;
    return { body: JSON.stringify({ query: op.query, variables }), headers };
  };

  // First request of each operation on a fresh gateway (parse, validate, plan) against the same request again.
  const firstRequest = [];
  const coldAndWarm = async (operation, body, headers) => {
    const once = async () => {
      const t = performance.now();
      await (await fetch(targets.oursNoCache, { method: 'POST', headers, body })).text();
      return +(performance.now() - t).toFixed(1);
    };
    const coldMs = await once();
    firstRequest.push({ operation, coldMs, warmMs: Math.min(await once(), await once(), await once()) });
  };
  // Warm the process and its connection to the catalogue with an unrelated query, so what follows differs only
  // in whether the operation was planned: a registered (partner) operation, planned when the gateway started,
  // then the operations of this benchmark, which no one has asked yet.
  await fetch(targets.oursNoCache, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ majors(first: 1) { edges { node { code } } } }' }) });
  const registered = JSON.parse(readFileSync(join(gatewayDir, 'dist/persisted-operations.json'), 'utf8')).find((o) => o.name === 'OccupationByCode');
  await coldAndWarm(
    'registered OccupationByCode (planned at start)',
    JSON.stringify({ query: registered.query, operationName: registered.name, variables: { code: '6-31-01-03' } }),
    { 'content-type': 'application/json' },
  );
  for (const op of ops) {
    const { body, headers } = requestOf(op, 'same', 0, 'oursNoCache');
    await coldAndWarm(op.name, body, headers);
  }

  const results = [];
  for (const mode of MODES) {
    for (const op of ops) {
      // correctness first: every target gives the same data for a sample of this mode's requests
      for (const i of [0, 1, 2, 7]) {
        const answers = {};
        for (const [kind, url] of Object.entries({ ...targets, ...(op.direct ? { direct: subgraphUrls[op.direct] } : {}) })) {
          const { body, headers } = requestOf(op, mode, i, kind);
          answers[kind] = await (await fetch(url, { method: 'POST', headers, body })).json();
        }
        const ref = JSON.stringify(answers.ours.data);
        for (const [kind, a] of Object.entries(answers)) {
          if (a.errors || !a.data || JSON.stringify(a.data) !== ref)
            throw new Error(`${op.name} (${mode}, request ${i}): ${kind} disagrees or fails: ${JSON.stringify(a).slice(0, 300)}\nours: ${ref.slice(0, 300)}`);
        }
      }
      const row = { mode, operation: op.name };
      const plan = [...(op.direct ? [['direct', subgraphUrls[op.direct]]] : []), ...Object.entries(targets)];
      const measured = plan.filter(([kind]) => kind !== 'oursNoCache' || op.public); // only public operations are cached
      if (Number(args.warmup) > 0) {
        log(`${mode} · ${op.name}: warming every target (unmeasured) …`);
        for (const [kind, url] of measured) await measure(url, (i) => requestOf(op, mode, i + 1_000_000, kind), Number(args.warmup));
      }
      for (const [kind, url] of measured) {
        log(`${mode} · ${op.name}: ${kind} …`);
        row[kind] = await measure(url, (i) => requestOf(op, mode, i, kind));
      }
      results.push(row);
    }
  }

  const fig = (r) => (r ? { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx } : null);
  const ratio = (a, b) => (a && b ? +(a.rps / b.rps).toFixed(2) : null);
  // one replica against two behind a round-robin client (autocannon spreads its connections over the URLs)
  const replicaRows = [];
  for (const op of args.replicas ? ops : []) {
    log(`replicas · ${op.name}: one gateway, then two …`);
    const one = fig(await measure(replicaUrls[0], (i) => requestOf(op, 'varied', i, 'oursNoCache')));
    const two = fig(await measure(replicaUrls, (i) => requestOf(op, 'varied', i, 'oursNoCache')));
    replicaRows.push({ operation: op.name, one, two, twoOverOne: ratio(two, one) });
  }
  const rows = results.map((r) => {
    const f = { direct: fig(r.direct), ours: fig(r.ours), oursNoCache: fig(r.oursNoCache), hive: fig(r.hive) };
    return {
      mode: r.mode,
      operation: r.operation,
      ...f,
      oursOverHive: ratio(f.ours, f.hive),
      oursNoCacheOverHive: ratio(f.oursNoCache, f.hive),
      oursOverDirect: ratio(f.ours, f.direct),
    };
  });
  const machine = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    agencies: Number(args.agencies),
    gatewayWorkers: WORKERS,
    at: new Date().toISOString(),
  };
  const cell = (f) => (f ? `${f.rps} req/s · p50 ${f.p50} · p99 ${f.p99} ms${f.errors ? ` · ${f.errors} errors` : ''}` : '—');
  const md = [
    `# Gateway benchmark ${machine.at}`,
    '',
    `Node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB; autocannon -c ${CONNECTIONS} -d ${DURATION}; PostgreSQL; ${machine.agencies} synthetic agencies; each gateway ${WORKERS} process(es) (our GATEWAY_WORKERS, Hive --fork).`,
    '',
    '| mode | operation | direct subgraph | ours (as shipped) | ours, no response cache | Hive Gateway | ours/Hive | ours no cache/Hive | ours/direct |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.mode} | ${r.operation} | ${cell(r.direct)} | ${cell(r.ours)} | ${cell(r.oursNoCache)} | ${cell(r.hive)} | ${r.oursOverHive ?? '—'} | ${r.oursNoCacheOverHive ?? '—'} | ${r.oursOverDirect ?? '—'} |`,
    ),
    '',
    ...(replicaRows.length
      ? [
          '| replicas (varied, no response cache, Redis bus) | one gateway process | two, round-robin | two/one |',
          '| --- | --- | --- | --- |',
          ...replicaRows.map((r) => `| ${r.operation} | ${cell(r.one)} | ${cell(r.two)} | ${r.twoOverOne ?? '—'} |`),
          '',
        ]
      : []),
    '| operation | first request on a fresh gateway (parse, validate, plan) | the same request again |',
    '| --- | --- | --- |',
    ...firstRequest.map((f) => `| ${f.operation} | ${f.coldMs} ms | ${f.warmMs} ms |`),
    '',
    '- same: every request is the same operation with the same variables; varied: each request has other variables',
    '  (occupation codes, agency ids, counties, signed-in users), so one cached or shared answer cannot serve them all.',
    '- "as shipped": our gateway with its production defaults, which include the response cache for anonymous',
    '  requests to public operations; Hive Gateway runs with its defaults (no response cache).',
    '- authenticated rows: our gateway verifies the bearer JWT and signs claims per request; Hive Gateway only',
    '  forwards a pre-signed claims header, so it does less work there.',
  ].join('\n');
  console.log(`\n${md}\n`);
  const resultsDir = join(here, '..', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = machine.at.replace(/[:.]/g, '-');
  writeFileSync(join(resultsDir, `gateway-${stamp}.json`), JSON.stringify({ machine, rows, replicaRows, firstRequest }, null, 2));
  writeFileSync(join(resultsDir, `gateway-${stamp}.md`), md + '\n');
  log(`results written to bench/results/gateway-${stamp}.{json,md}`);
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await cleanup();
}
