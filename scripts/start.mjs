#!/usr/bin/env node
// npm start — installs what is missing, builds, and runs the whole platform on embedded PostgreSQL (PGlite,
// data under .data/) or on PostgreSQL when DATABASE_URL is set. First run migrates and loads demo data.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPlatform } from './lib/platform.mjs';
import { ensurePnpm, installAndBuild, ROOT, step } from './lib/toolchain.mjs';

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`Node.js 20 or newer is required (this is ${process.version}).`);
  process.exit(1);
}

const pnpm = ensurePnpm();
if (!process.argv.includes('--no-build')) installAndBuild(pnpm);

// A local operator token for catalogue administration, kept out of git under .data/.
const dataDir = join(ROOT, '.data');
mkdirSync(dataDir, { recursive: true });
const tokenFile = join(dataDir, 'operator-token');
if (!existsSync(tokenFile)) writeFileSync(tokenFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
const operatorToken = readFileSync(tokenFile, 'utf8').trim();

step(process.env.DATABASE_URL ? 'starting services on PostgreSQL (DATABASE_URL)' : 'starting services on embedded PostgreSQL (PGlite, .data/)');
let platform;
try {
  platform = await startPlatform({ env: { OPERATOR_TOKEN: operatorToken, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' } });
} catch (e) {
  console.error(`\n✖ the platform did not start: ${e.message}`);
  process.exit(1);
}

console.log(`
\x1b[32m职业技能评价平台 is running\x1b[0m
  GraphQL gateway      ${platform.urls.gateway}
  catalogue subgraph   ${platform.urls.catalogue}

  try:  curl -s ${platform.urls.gateway} -H 'content-type: application/json' \\
          -d '{"query":"{ occupation(code:\\"6-31-01-03\\"){ code name } }"}'

  catalogue admin (demo only — the operator token in .data/operator-token, never share it):
        curl -s ${platform.urls.gateway} -H 'content-type: application/json' -H "authorization: Bearer $(cat .data/operator-token)" ...

Press Ctrl-C to stop.`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping…');
  await platform.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
for (const c of platform.children) {
  c.on('exit', (code) => {
    if (!stopping) {
      console.error(`a service exited unexpectedly (code ${code}); stopping the platform`);
      void shutdown().then(() => process.exit(1));
    }
  });
}
