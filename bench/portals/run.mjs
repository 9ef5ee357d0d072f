#!/usr/bin/env node
// bench/portals — what a first and a second visit to each portal cost in real Chromium, beside the shell's 登录
// page as the baseline, all measured in one run on this machine (loopback only, bounded in time).
//   node bench/portals/run.mjs [--runs 3] [--label text]
// Needs the build (pnpm turbo run build) and /usr/bin/chromium (or CHROMIUM_PATH). Starts the whole platform on
// free ports with a fresh data directory (demo data), then per page: `--runs` cold visits, each in a new browser
// with a new empty profile, each followed by one warm visit (the same tab goes to about:blank and back: HTTP
// cache and session kept, the page's JavaScript started again). Per visit:
//   - JS transferred: bytes on the wire (compressed if the server compressed) of every script response, from
//     Chromium's network events (Network.loadingFinished encodedDataLength), and their decoded size;
//   - heading: ms from navigation start to the first animation frame in which the page's h1 is in the layout;
//   - data: ms to the first frame that shows the page's data (a per-page check).
// Figures are medians over the runs. Prints a markdown table and writes bench/results/portals-<timestamp>.{json,md}.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { APPS, SERVICES, startPlatform } from '../../scripts/lib/platform.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..', '..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    /** a word for the results file and table title (e.g. "before", "after") */
    label: { type: 'string', default: '' },
  },
});
const RUNS = Math.max(1, Number(args.runs));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEMO_PASSWORD = 'Demo#2026';
const REFRESH_TOKEN_KEY = 'skills.refreshToken';
const VISIT_TIMEOUT_MS = 60_000;
const log = (m) => console.log(`[bench] ${m}`);

/**
 * The pages measured: the baseline first. `data` is what shows that the page's data has arrived: a regular
 * expression over the text of <main>, or a CSS selector.
 */
const PAGES = [
  {
    name: '登录页（基线）',
    key: 'login',
    path: '/login',
    heading: '登录',
    data: { selector: 'input[type=password]' },
  },
  {
    name: '公众服务 · 评价机构名录',
    key: 'public',
    path: '/public/agencies',
    heading: '评价机构名录',
    data: { text: '共 \\d+ 家评价机构' },
  },
  {
    name: '考生服务 · 首页',
    key: 'candidate',
    path: '/candidate',
    user: 'candidate.demo',
    heading: '专项职业能力考核项目',
    data: { text: '共 \\d+ 个项目' },
  },
  {
    name: '监管部门 · 机构名录',
    key: 'bureau',
    path: '/bureau/agencies',
    user: 'quanzhou.hr',
    heading: '机构名录',
    data: { text: '评价机构（[1-9]\\d* 家）' },
  },
  {
    name: '院校 · 本校评价机构',
    key: 'institution',
    path: '/institution',
    user: 'liming.admin',
    heading: '本校评价机构',
    data: { selector: 'main section[aria-labelledby^="agency-"]' },
  },
];

/** Runs in the page before its own scripts: records when the heading and the data first appear in a frame. */
function installProbe(spec) {
  const marks = { heading: undefined, data: undefined };
  Object.defineProperty(window, '__benchMarks', { value: marks });
  const pattern = spec.data.text ? new RegExp(spec.data.text) : null;
  const check = () => {
    const main = document.querySelector('main') ?? document.body;
    if (main) {
      if (marks.heading === undefined) {
        const h1 = [...document.querySelectorAll('h1')].find(
          (h) => h.textContent?.trim() === spec.heading && h.getClientRects().length > 0,
        );
        if (h1) marks.heading = performance.now();
      }
      if (marks.data === undefined) {
        const shown = pattern
          ? pattern.test(main.innerText ?? '')
          : Boolean(document.querySelector(spec.data.selector));
        if (shown) marks.data = performance.now();
      }
    }
    if (marks.heading === undefined || marks.data === undefined) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** Counts script bytes through the DevTools protocol from the moment it is attached. */
async function watchScripts(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  const requests = new Map();
  /** memory- or disk-cache hits (the event comes before the response's) */
  const cached = new Set();
  let lastEvent = Date.now();
  cdp.on('Network.responseReceived', (e) => {
    lastEvent = Date.now();
    requests.set(e.requestId, {
      type: e.type,
      url: e.response.url,
      status: e.response.status,
      encoding: e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? '',
      fromCache: cached.has(e.requestId) || Boolean(e.response.fromDiskCache || e.response.fromPrefetchCache),
      decoded: 0,
      transferred: 0,
    });
  });
  cdp.on('Network.requestServedFromCache', (e) => cached.add(e.requestId));
  cdp.on('Network.dataReceived', (e) => {
    lastEvent = Date.now();
    const r = requests.get(e.requestId);
    if (r) r.decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    lastEvent = Date.now();
    const r = requests.get(e.requestId);
    if (r && !r.fromCache) r.transferred = e.encodedDataLength;
  });
  return {
    quietFor: (ms) => Date.now() - lastEvent >= ms,
    reset: () => {
      requests.clear();
      cached.clear();
    },
    scripts: () => [...requests.values()].filter((r) => r.type === 'Script'),
    detach: () => cdp.detach().catch(() => undefined),
  };
}

async function login(gatewayUrl, username) {
  const res = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u:String!,$p:String!){login(username:$u,password:$p){refreshToken}}',
      variables: { u: username, p: DEMO_PASSWORD },
    }),
  });
  const body = await res.json();
  const token = body.data?.login?.refreshToken;
  if (!token) throw new Error(`${username} could not sign in: ${JSON.stringify(body.errors)}`);
  return token;
}

/** One visit: navigate, wait for heading and data, then for the network to be quiet (late chunks count). */
async function visit(page, watch, url) {
  watch.reset();
  await page.goto(url, { waitUntil: 'commit', timeout: VISIT_TIMEOUT_MS });
  await page.waitForFunction(
    () => {
      const m = window.__benchMarks;
      return m && m.heading !== undefined && m.data !== undefined;
    },
    undefined,
    { timeout: VISIT_TIMEOUT_MS, polling: 100 },
  );
  const until = Date.now() + 10_000;
  while (!watch.quietFor(750) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  const marks = await page.evaluate(() => ({ ...window.__benchMarks }));
  const scripts = watch.scripts();
  return {
    headingMs: Math.round(marks.heading),
    dataMs: Math.round(marks.data),
    jsTransferred: scripts.reduce((s, r) => s + r.transferred, 0),
    jsDecoded: scripts.reduce((s, r) => s + r.decoded, 0),
    jsRequests: scripts.length,
    jsFromNetwork: scripts.filter((r) => !r.fromCache && r.status !== 304).length,
    compressed: scripts.filter((r) => r.encoding).length,
  };
}

async function measure(spec, shellUrl, gatewayUrl) {
  const profile = mkdtempSync(join(tmpdir(), 'skills-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    if (spec.user) {
      // signed in as after a sign-in in this browser: the refresh token where the shell restores a session
      // from (this tab's sessionStorage, or the browser-wide localStorage of a shared session)
      const token = await login(gatewayUrl, spec.user);
      await context.addInitScript(
        ({ key, token }) => {
          for (const store of [sessionStorage, localStorage])
            if (!store.getItem(key)) store.setItem(key, token);
        },
        { key: REFRESH_TOKEN_KEY, token },
      );
    }
    await context.addInitScript(installProbe, { heading: spec.heading, data: spec.data });
    const page = context.pages()[0] ?? (await context.newPage());
    const watch = await watchScripts(context, page);
    const url = new URL(spec.path, shellUrl).href;
    const cold = await visit(page, watch, url);
    await page.goto('about:blank');
    const warm = await visit(page, watch, url);
    await watch.detach();
    return { cold, warm };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : Math.round((s[m - 1] + s[m]) / 2);
};

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

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'skills-bench-portals-'));
  const names = [...SERVICES, ...APPS].map((s) => s.name);
  const ports = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await freePort()])));
  log('starting the platform on free ports …');
  const platform = await startPlatform({
    ports,
    log: 'ignore',
    env: { DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  const rows = [];
  try {
    const shellUrl = platform.urls.shell;
    const gatewayUrl = platform.manifest.gatewayUrl;
    // one unmeasured visit first, so the services' own first-request costs are in no row
    await measure(PAGES[1], shellUrl, gatewayUrl);
    for (const spec of PAGES) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(await measure(spec, shellUrl, gatewayUrl));
        log(
          `${spec.key} run ${i + 1}: cold ${JSON.stringify(runs.at(-1).cold)} warm ${JSON.stringify(runs.at(-1).warm)}`,
        );
      }
      const pick = (visitKind, field) => median(runs.map((r) => r[visitKind][field]));
      const row = { page: spec.name, key: spec.key, path: spec.path, user: spec.user ?? null, runs };
      for (const v of ['cold', 'warm'])
        row[v] = Object.fromEntries(
          [
            'jsTransferred',
            'jsDecoded',
            'jsRequests',
            'jsFromNetwork',
            'compressed',
            'headingMs',
            'dataMs',
          ].map((f) => [f, pick(v, f)]),
        );
      rows.push(row);
    }
  } finally {
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  let chromiumVersion = '';
  try {
    chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    /* unknown */
  }
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    /* not a checkout */
  }
  const machine = {
    at: new Date().toISOString(),
    label: args.label,
    commit,
    node: process.version,
    os: `${process.platform} ${release()}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    chromium: chromiumVersion,
    runs: RUNS,
  };
  const base = rows[0];
  const kib = (b) => `${(b / 1024).toFixed(0)} KiB`;
  const ratio = (x, b) => (b ? ` (×${(x / b).toFixed(1)})` : '');
  const table = (v) => [
    `| page | JS transferred | JS decoded | scripts (from network) | heading visible | data shown |`,
    `| --- | ---: | ---: | ---: | ---: | ---: |`,
    ...rows.map((r) => {
      const m = r[v];
      const b = base[v];
      return `| ${r.page} \`${r.path}\`${r.user ? ` (${r.user})` : ''} | ${kib(m.jsTransferred)}${r === base || b.jsTransferred < 1024 ? '' : ratio(m.jsTransferred, b.jsTransferred)} | ${kib(m.jsDecoded)} | ${m.jsRequests} (${m.jsFromNetwork}) | ${m.headingMs} ms${r === base ? '' : ratio(m.headingMs, b.headingMs)} | ${m.dataMs} ms |`;
    }),
  ];
  const md = [
    `# Portals benchmark ${machine.at}${machine.label ? ` — ${machine.label}` : ''}`,
    '',
    `Commit ${machine.commit}; Node ${machine.node}, ${machine.os}, ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB; ${machine.chromium} headless, 1280 × 900, loopback; median of ${RUNS} runs. Signed-in pages restore the session from a refresh token (one refresh round trip), as after a sign-in.`,
    '',
    '## Cold (new profile, empty cache)',
    '',
    ...table('cold'),
    '',
    '## Warm (second visit in the same tab: HTTP cache kept)',
    '',
    ...table('warm'),
    '',
    'Heading visible and data shown: ms from navigation start to the first frame showing them. (×N): against the 登录 page baseline.',
  ].join('\n');
  console.log(`\n${md}\n`);
  const resultsDir = join(here, '..', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = machine.at.replace(/[:.]/g, '-') + (machine.label ? `-${machine.label}` : '');
  writeFileSync(join(resultsDir, `portals-${stamp}.json`), JSON.stringify({ machine, rows }, null, 2));
  writeFileSync(join(resultsDir, `portals-${stamp}.md`), md + '\n');
  log(`results written to bench/results/portals-${stamp}.{json,md}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
