#!/usr/bin/env node
// npm test — installs what is missing, builds, then runs lint, type checks and every test (unit, integration on
// PGlite and on PostgreSQL at 127.0.0.1:5432 when reachable, gateway and browser end-to-end).
// Extra arguments go to turbo, e.g. `npm test -- --filter=@skills/catalogue`.
import { spawn } from 'node:child_process';
import { ensurePnpm, installAndBuild, ROOT, step } from './lib/toolchain.mjs';

const pnpm = ensurePnpm();
installAndBuild(pnpm);
step('lint, typecheck and tests (turbo)');

const totals = { passed: 0, failed: 0, skipped: 0 };
// vitest's summary line, e.g. "Tests  2 failed | 40 passed | 1 skipped (43)"
const summary = /Tests\s+((?:\d+ (?:passed|failed|skipped|todo)(?: \| )?)+)\s+\(\d+\)/;
const child = spawn(
  pnpm,
  ['exec', 'turbo', 'run', 'lint', 'typecheck', 'test', '--concurrency=2', ...process.argv.slice(2)],
  {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, FORCE_COLOR: '0' },
  },
);
let pending = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  pending += chunk.toString();
  // strip colour codes: some runners colour their summary even with FORCE_COLOR=0
  const lines = pending.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    const m = summary.exec(line);
    if (!m) continue;
    for (const part of m[1].split('|')) {
      const [n, kind] = part.trim().split(' ');
      if (kind in totals) totals[kind] += Number(n);
    }
  }
});
child.on('exit', (code) => {
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  if (code !== 0) console.error('✖ some checks failed (see above)');
  else console.log('✔ all checks passed');
  process.exit(code ?? 1);
});
