#!/usr/bin/env node
// bench/subgraph — each subgraph's hot operations called directly (with the gateway's signed claims), beside a bare
// node:http + pg server doing the same SQL (bench/subgraph/bare.mjs), in one run on this machine (loopback only,
// bounded). Interleaved rounds (the order of targets rotates each round), medians reported.
//   node bench/subgraph/run.mjs [--duration 5] [--connections 20] [--rounds 3] [--agencies 1000] [--ops occupation,me]
//                               [--compare /path/to/other/checkout] [--no-gateway] [--lean] [--label after]
// --compare: also starts that checkout's built subgraphs (on a database of their own) and measures them in the same
// rounds — a before/after of one change in one run. --gateway: also our gateway (no response cache) in front of
// this checkout's subgraphs, for the operations a client sends as they are (occupation, me). --lean: also the
// catalogue's schema executed by graphql-js behind bare node:http (bench/subgraph/lean.mjs): what Apollo costs.
// Needs the build (pnpm turbo run build) and PostgreSQL at TEST_POSTGRES_URL (default 127.0.0.1:5432).
// Prints a table and writes bench/results/subgraph-<timestamp>[-label].{json,md}.
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { SERVICES } from '../../scripts/lib/platform.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '3' },
    agencies: { type: 'string', default: '1000' },
    /** only operations whose name contains one of these (comma-separated) */
    ops: { type: 'string' },
    /** seconds of unmeasured load on each target before the first round */
    warmup: { type: 'string', default: '2' },
    compare: { type: 'string' },
    gateway: { type: 'boolean', default: true },
    /** also the catalogue's schema on graphql-js behind bare node:http, no Apollo (bench/subgraph/lean.mjs) */
    lean: { type: 'boolean', default: false },
    label: { type: 'string' },
    /** entities per _entities batch (the gateway sends one batch per subgraph per plan step) */
    batch: { type: 'string', default: '20' },
  },
});
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const ROUNDS = Number(args.rounds);
const AGENCIES = Number(args.agencies);
const BATCH = Number(args.batch);
const SECRET = randomBytes(32).toString('base64url');
const USERS = ['quanzhou.hr', 'province.hr', 'jinjiang.hr', 'nanan.hr', 'shishi.hr', 'quanzhou.edu', 'haiyang.admin', 'liming.admin'];
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const TICK_US = 1e6 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());
const children = [];
const databases = [];
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

/** CPU time (user + system) the process has used so far, in µs (/proc/<pid>/stat utime and stime). */
function cpuUs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * TICK_US; // fields 14 and 15, counted after "(comm) "
}

/** Starts a built service of the checkout whose packages `req` resolves; returns its URL and process. */
async function startService(req, pkg, env) {
  const port = await freePort();
  const dir = dirname(req.resolve(`${pkg}/package.json`));
  const child = run(process.execPath, ['dist/server.js'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), CLAIMS_SECRET: SECRET, LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
  });
  await waitFor(`http://127.0.0.1:${port}/ready`, child);
  return { url: `http://127.0.0.1:${port}/graphql`, child };
}

async function createDatabase(suffix) {
  const name = `bench_subgraph_${Date.now()}${suffix}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  databases.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * catalogue, identity and agencies of one checkout on a fresh database. Identity refuses demo accounts in
 * production, so it seeds them once under NODE_ENV=test, and then runs in production without them (they stay).
 */
async function startSubgraphs(root, suffix) {
  const req = createRequire(join(root, 'bench', 'package.json'));
  const DATABASE_URL = await createDatabase(suffix);
  const catalogue = await startService(req, '@skills/catalogue', { DATABASE_URL });
  const seeding = await startService(req, '@skills/identity', { DATABASE_URL, DEMO_ACCOUNTS: 'true', NODE_ENV: 'test' });
  seeding.child.kill('SIGTERM');
  await new Promise((r) => seeding.child.once('exit', r));
  const [identity, agencies] = await Promise.all([
    startService(req, '@skills/identity', { DATABASE_URL }),
    startService(req, '@skills/agencies', { DATABASE_URL, DEMO_DATA: 'true', DEMO_BULK_AGENCIES: String(AGENCIES), CATALOGUE_GRAPH_URL: catalogue.url }),
  ]);
  return { DATABASE_URL, req, catalogue, identity, agencies };
}

/** Drives `url` for `seconds`; `nth(i)` gives the body and headers of the i-th request. CPU of `pid` measured. */
function measure(url, nth, pid, seconds = DURATION) {
  let i = 0;
  const cpu0 = pid ? cpuUs(pid) : 0;
  return new Promise((ok, fail) => {
    autocannon(
      { url, connections: CONNECTIONS, duration: seconds, requests: [{ method: 'POST', setupRequest: (r) => ({ ...r, method: 'POST', ...nth(i++) }) }] },
      (err, r) => {
        if (err) return fail(err);
        const n = r.requests.total;
        ok({
          rps: r.requests.average,
          p50: r.latency.p50,
          p99: r.latency.p99,
          errors: r.errors + r.non2xx,
          cpuUsPerReq: pid && n ? (cpuUs(pid) - cpu0) / n : null,
        });
      },
    );
  });
}

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function cleanup() {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect().catch(() => {});
  for (const d of databases) await c.query(`drop database if exists "${d}" with (force)`).catch(() => {});
  await c.end().catch(() => {});
}
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

const ENTITIES_OCC = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Occupation { code name } } }';
const ENTITIES_AGENCY = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Agency { name filingNumber } } }';

/** The operations: each one document with variables, as the gateway sends them to the subgraph. */
function operations({ codes }) {
  const batch = (i, make) => Array.from({ length: BATCH }, (_, k) => make(i * BATCH + k));
  return [
    {
      name: 'catalogue occupation(code)',
      subgraph: 'catalogue',
      bare: 'occupation',
      query: 'query Occupation($code: String!) { occupation(code: $code) { code name levels standard } }',
      vary: (i) => ({ code: codes[i % codes.length] }),
      gateway: true,
    },
    {
      name: `catalogue _entities × ${BATCH} Occupation`,
      subgraph: 'catalogue',
      bare: 'occupationEntities',
      query: ENTITIES_OCC,
      vary: (i) => ({ representations: batch(i, (k) => ({ __typename: 'Occupation', code: codes[k % codes.length] })) }),
    },
    {
      name: 'agencies agency(id)',
      subgraph: 'agencies',
      bare: 'agency',
      // what the gateway sends for the bench's two-subgraph join
      query: 'query Agency($id: ID!) { agency(id: $id) { name filingNumber scope { levels occupation { __typename code } } } }',
      vary: (i) => ({ id: `bulk-${(i % AGENCIES) + 1}` }),
    },
    {
      name: `agencies _entities × ${BATCH} Agency`,
      subgraph: 'agencies',
      bare: 'agencyEntities',
      query: ENTITIES_AGENCY,
      vary: (i) => ({ representations: batch(i, (k) => ({ __typename: 'Agency', id: `bulk-${(k % AGENCIES) + 1}` })) }),
    },
    {
      name: 'identity me (signed in, 8 users)',
      subgraph: 'identity',
      bare: 'me',
      query: 'query Me { me { username roles { role regionName } } }',
      vary: () => ({}),
      user: true,
      gateway: true,
    },
  ].filter((op) => !args.ops || args.ops.split(',').some((f) => op.name.includes(f)));
}

try {
  const root = resolve(here, '..', '..');
  log(`starting subgraphs (NODE_ENV=production) on a fresh PostgreSQL database with ${AGENCIES} agencies …`);
  const mine = await startSubgraphs(root, '');
  const theirs = args.compare ? await startSubgraphs(resolve(args.compare), '_compare') : null;
  const barePort = await freePort();
  const bare = run(process.execPath, [join(here, 'bare.mjs')], { env: { ...process.env, PORT: String(barePort), DATABASE_URL: mine.DATABASE_URL, NODE_ENV: 'production' } });
  await waitFor(`http://127.0.0.1:${barePort}/ready`, bare);

  let lean = null;
  if (args.lean) {
    const port = await freePort();
    const child = run(process.execPath, [join(here, 'lean.mjs')], {
      env: {
        ...process.env,
        PORT: String(port),
        NODE_ENV: 'production',
        DATABASE_URL: mine.DATABASE_URL,
        CLAIMS_SECRET: SECRET,
        SERVICE_DIR: dirname(mine.req.resolve('@skills/catalogue/package.json')),
      },
    });
    await waitFor(`http://127.0.0.1:${port}/ready`, child);
    lean = { url: `http://127.0.0.1:${port}/graphql`, child };
  }

  // our gateway without its response cache, in front of this checkout's subgraphs (assessment too: the
  // supergraph has it)
  let gateway = null;
  if (args.gateway) {
    const assessment = await startService(mine.req, '@skills/assessment', { DATABASE_URL: mine.DATABASE_URL, AGENCIES_GRAPH_URL: mine.agencies.url });
    const urls = { catalogue: mine.catalogue.url, identity: mine.identity.url, agencies: mine.agencies.url, assessment: assessment.url };
    const missing = SERVICES.filter((s) => s.urlEnv && !urls[s.name]).map((s) => s.name);
    if (missing.length) throw new Error(`bench/subgraph does not start ${missing.join(', ')} (platform.json lists it)`);
    const gatewayDir = dirname(mine.req.resolve('@skills/gateway/package.json'));
    const supergraph = readFileSync(join(gatewayDir, 'dist/supergraph.graphql'), 'utf8').replace(
      /@join__graph\(name: "(\w+)", url: "[^"]*"\)/g,
      (_m, name) => `@join__graph(name: "${name}", url: "${urls[name]}")`,
    );
    const supergraphPath = join(mkdtempSync(join(tmpdir(), 'bench-sg-')), 'supergraph.graphql');
    writeFileSync(supergraphPath, supergraph);
    const port = await freePort();
    const child = run(process.execPath, ['dist/server.js'], {
      cwd: gatewayDir,
      env: {
        ...process.env,
        PORT: String(port),
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        CLAIMS_SECRET: SECRET,
        SUPERGRAPH_PATH: supergraphPath,
        RESPONSE_CACHE_TTL_SECONDS: '0',
        ...Object.fromEntries(SERVICES.filter((s) => s.urlEnv).map((s) => [s.urlEnv, urls[s.name]])),
      },
    });
    await waitFor(`http://127.0.0.1:${port}/health`, child);
    gateway = { url: `http://127.0.0.1:${port}/graphql`, child };
  }

  // Callers: the anonymous claims the gateway sends, and each demo user's claims (their grants read from
  // identity's tables, as the gateway's `me` would give them); gateway rows sign in through the gateway.
  const { ANONYMOUS, signClaims } = await import(mine.req.resolve('@skills/service-kit'));
  const anonymous = await signClaims(ANONYMOUS, SECRET, 3600);
  const db = new pg.Client({ connectionString: mine.DATABASE_URL });
  await db.connect();
  const users = [];
  for (const username of USERS) {
    const {
      rows: [a],
    } = await db.query('select id from identity."Account" where username = $1', [username]);
    const { rows: grants } = await db.query('select role, "regionCode", "orgCode" from identity."RoleGrant" where "accountId" = $1', [a.id]);
    const claims = await signClaims({ kind: 'user', id: a.id, grants }, SECRET, 3600);
    let token = null;
    if (gateway) {
      const r = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation($u: String!) { login(username: $u, password: "Demo#2026") { accessToken } }', variables: { u: username } }),
      }).then((x) => x.json());
      if (r.errors) throw new Error(`login ${username}: ${JSON.stringify(r.errors)}`);
      token = r.data.login.accessToken;
    }
    users.push({ username, claims, token });
  }
  const codes = (await db.query('select code from catalogue."Occupation" order by code')).rows.map((r) => r.code);
  await db.end();
  const ops = operations({ codes });

  /** The targets of an operation: this checkout's subgraph, the compared checkout's, the bare server, the gateway. */
  const targetsOf = (op) => [
    { kind: 'subgraph', url: mine[op.subgraph].url, pid: mine[op.subgraph].child.pid },
    ...(theirs ? [{ kind: 'compare', url: theirs[op.subgraph].url, pid: theirs[op.subgraph].child.pid }] : []),
    { kind: 'bare', url: `http://127.0.0.1:${barePort}/${op.bare}`, pid: bare.pid },
    ...(gateway && op.gateway ? [{ kind: 'gateway', url: gateway.url, pid: gateway.child.pid }] : []),
    ...(lean && op.subgraph === 'catalogue' ? [{ kind: 'lean', url: lean.url, pid: lean.child.pid }] : []),
  ];
  const requestOf = (op, kind, i) => {
    const user = op.user ? users[i % users.length] : null;
    const headers = { 'content-type': 'application/json' };
    if (kind === 'gateway') {
      if (user) headers.authorization = `Bearer ${user.token}`;
    } else headers['x-skills-claims'] = user ? user.claims : anonymous;
    return { body: JSON.stringify({ query: op.query, variables: op.vary(i) }), headers };
  };

  // the same data from every target, for a sample of requests (the bare server has no `levels` of the gateway's
  // shape, so the comparison is of the data each returns for the same request)
  const normal = (d) => JSON.stringify(d, (_k, v) => (Array.isArray(v) && v[0]?.role ? [...v].sort((a, b) => a.role.localeCompare(b.role) || String(a.regionName).localeCompare(String(b.regionName))) : v));
  for (const op of ops) {
    for (const i of [0, 1, 5, 7]) {
      const answers = {};
      for (const t of targetsOf(op)) {
        const { body, headers } = requestOf(op, t.kind, i);
        answers[t.kind] = await (await fetch(t.url, { method: 'POST', headers, body })).json();
      }
      const ref = normal(answers.subgraph.data);
      for (const [kind, a] of Object.entries(answers)) {
        const data = kind === 'gateway' && a.data ? JSON.parse(JSON.stringify(a.data).replaceAll('"__typename":"Occupation",', '')) : a.data;
        const mineData = kind === 'gateway' ? JSON.parse(ref.replaceAll('"__typename":"Occupation",', '')) : JSON.parse(ref);
        if (a.errors || !a.data || normal(data) !== normal(mineData))
          throw new Error(`${op.name} (request ${i}): ${kind} disagrees or fails: ${JSON.stringify(a).slice(0, 400)}\nsubgraph: ${ref.slice(0, 400)}`);
      }
    }
  }
  log('every target returns the same data for a sample of requests');

  if (Number(args.warmup) > 0)
    for (const op of ops)
      for (const t of targetsOf(op)) await measure(t.url, (i) => requestOf(op, t.kind, i + 1_000_000), null, Number(args.warmup));

  const samples = {}; // op name → kind → [figures per round]
  for (let round = 0; round < ROUNDS; round++) {
    for (const op of ops) {
      const targets = targetsOf(op);
      // rotate the order each round, so no target always runs first or right after a heavy one
      const order = targets.map((_t, k) => targets[(k + round) % targets.length]);
      for (const t of order) {
        log(`round ${round + 1}/${ROUNDS} · ${op.name}: ${t.kind} …`);
        const f = await measure(t.url, (i) => requestOf(op, t.kind, i + round * 100_000), t.pid);
        ((samples[op.name] ??= {})[t.kind] ??= []).push(f);
      }
    }
  }

  const summary = (fs) =>
    fs && {
      rps: Math.round(median(fs.map((f) => f.rps))),
      p50: median(fs.map((f) => f.p50)),
      p99: median(fs.map((f) => f.p99)),
      cpuUsPerReq: Math.round(median(fs.map((f) => f.cpuUsPerReq))),
      errors: fs.reduce((n, f) => n + f.errors, 0),
      rounds: fs.map((f) => Math.round(f.rps)),
    };
  const ratio = (a, b) => (a && b ? +(a.rps / b.rps).toFixed(2) : null);
  const rows = ops.map((op) => {
    const s = Object.fromEntries(Object.entries(samples[op.name]).map(([k, v]) => [k, summary(v)]));
    return {
      operation: op.name,
      ...s,
      subgraphOverBare: ratio(s.subgraph, s.bare),
      compareOverBare: ratio(s.compare, s.bare),
      subgraphOverCompare: ratio(s.subgraph, s.compare),
      gatewayOverSubgraph: ratio(s.gateway, s.subgraph),
      leanOverSubgraph: ratio(s.lean, s.subgraph),
    };
  });
  const machine = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: (await import('node:os')).loadavg().map((l) => +l.toFixed(2)),
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    rounds: ROUNDS,
    agencies: AGENCIES,
    batch: BATCH,
    compare: args.compare ?? null,
    label: args.label ?? null,
    at: new Date().toISOString(),
  };
  const cell = (f) => (f ? `${f.rps} req/s · p50 ${f.p50} · p99 ${f.p99} ms · ${f.cpuUsPerReq} µs CPU/req${f.errors ? ` · ${f.errors} errors` : ''}` : '—');
  const md = [
    `# Subgraph benchmark ${machine.at}${machine.label ? ` (${machine.label})` : ''}`,
    '',
    `Node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, load average at the end ${machine.loadAverage.join(' ')}; autocannon -c ${CONNECTIONS} -d ${DURATION}, ${ROUNDS} interleaved rounds (medians); PostgreSQL on loopback; ${AGENCIES} synthetic agencies; NODE_ENV=production.`,
    '',
    `| operation | subgraph (this checkout) |${theirs ? ' compared checkout |' : ''} bare node:http + pg | gateway, no response cache |${lean ? ' graphql-js, no Apollo |' : ''} subgraph/bare |${theirs ? ' compared/bare | this/compared |' : ''} gateway/subgraph |${lean ? ' no Apollo/subgraph |' : ''}`,
    `| --- | --- |${theirs ? ' --- |' : ''} --- | --- |${lean ? ' --- |' : ''} --- |${theirs ? ' --- | --- |' : ''} --- |${lean ? ' --- |' : ''}`,
    ...rows.map(
      (r) =>
        `| ${r.operation} | ${cell(r.subgraph)} |${theirs ? ` ${cell(r.compare)} |` : ''} ${cell(r.bare)} | ${cell(r.gateway)} |${lean ? ` ${cell(r.lean)} |` : ''} ${r.subgraphOverBare ?? '—'} |${theirs ? ` ${r.compareOverBare ?? '—'} | ${r.subgraphOverCompare ?? '—'} |` : ''} ${r.gatewayOverSubgraph ?? '—'} |${lean ? ` ${r.leanOverSubgraph ?? '—'} |` : ''}`,
    ),
    '',
    '- CPU/req: user + system CPU of the server process (/proc/<pid>/stat) over the measured seconds, divided by the',
    '  requests it answered; for the gateway, the gateway process only (its subgraph is counted in its own column).',
    '- subgraphs are called with the gateway\'s signed claims (anonymous, or a demo user\'s for `me`); the bare server',
    '  reads the user from the claims without verifying them; the gateway gets each user\'s bearer token.',
    `- req/s per round: ${rows.map((r) => `${r.operation}: ${Object.entries(r).filter(([, v]) => v?.rounds).map(([k, v]) => `${k} ${v.rounds.join('/')}`).join(', ')}`).join('; ')}`,
  ].join('\n');
  console.log(`\n${md}\n`);
  const resultsDir = join(here, '..', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = machine.at.replace(/[:.]/g, '-') + (machine.label ? `-${machine.label.replace(/[^\w-]/g, '_')}` : '');
  writeFileSync(join(resultsDir, `subgraph-${stamp}.json`), JSON.stringify({ machine, rows }, null, 2));
  writeFileSync(join(resultsDir, `subgraph-${stamp}.md`), md + '\n');
  log(`results written to bench/results/subgraph-${stamp}.{json,md}`);
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await cleanup();
}
