#!/usr/bin/env node
// npm start — installs what is missing, builds, and runs the whole platform on embedded PostgreSQL (PGlite,
// data under .data/) or on PostgreSQL when DATABASE_URL is set. First run migrates and loads demo data.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startPlatform } from './lib/platform.mjs';
import { ensurePnpm, installAndBuild, ROOT, step } from './lib/toolchain.mjs';

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`Node.js 20 or newer is required (this is ${process.version}).`);
  process.exit(1);
}

const pnpm = ensurePnpm();
if (!process.argv.includes('--no-build')) installAndBuild(pnpm);

step(
  process.env.DATABASE_URL
    ? 'starting services on PostgreSQL (DATABASE_URL)'
    : 'starting services on embedded PostgreSQL (PGlite, .data/)',
);
let platform;
let stopping = false;
const shutdown = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping…');
  await platform?.stop();
  process.exit(code);
};
// (during start-up the services not yet handed over end themselves when this process exits: their stdin closes)
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
try {
  platform = await startPlatform({
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    // a service that crashes is restarted (with a backoff); one that keeps crashing stops the platform
    restart: true,
    onGiveUp: (name, lines) => {
      console.error(`\n✖ ${name} keeps crashing; its last lines:\n${lines}`);
      void shutdown(1);
    },
  });
} catch (e) {
  console.error(`\n✖ the platform did not start: ${e.message}`);
  process.exit(1);
}

const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import(
  pathToFileURL(join(ROOT, 'services/identity/dist/demo.js')).href
);
const urls = platform.urls;
console.log(`
\x1b[32m职业技能评价平台 is running\x1b[0m
${urls.shell ? `  平台门户 (shell)      \x1b[1m${urls.shell}\x1b[0m   ← open this\n` : ''}${(
  platform.manifest?.remotes ?? []
)
  .map((r) => `    ${r.path.padEnd(14)} ${r.title}（单独运行 ${r.entry.replace(/remoteEntry\.js$/, '')}）\n`)
  .join('')}  GraphQL gateway      ${urls.gateway}
  subgraphs            ${Object.entries(urls)
    .filter(([name]) => name !== 'gateway' && urls[name].endsWith('/graphql'))
    .map(([name, url]) => `${name} ${url}`)
    .join(', ')}

  try:  curl -s ${urls.gateway} -H 'content-type: application/json' \\
          -d '{"query":"{ occupation(code:\\"6-31-01-03\\"){ code name } }"}'

\x1b[33m  演示账号 — demo accounts, for trying the platform only; never use them with real data.\x1b[0m
  password for all: ${DEMO_PASSWORD}
${DEMO_ACCOUNTS.map((a) => `    ${a.username.padEnd(22)} ${a.displayName}`).join('\n')}

Press Ctrl-C to stop.`);
