#!/usr/bin/env node
// npm test — installs what is missing, builds, then runs lint, type checks and every test (unit, integration on
// PGlite and on PostgreSQL at 127.0.0.1:5432 when reachable, gateway end-to-end).
import { ensurePnpm, installAndBuild, run, step } from './lib/toolchain.mjs';

const pnpm = ensurePnpm();
installAndBuild(pnpm);
step('lint, typecheck and tests (turbo)');
run(pnpm, ['exec', 'turbo', 'run', 'lint', 'typecheck', 'test', '--concurrency=2', ...process.argv.slice(2)]);
console.log('\n✔ all checks passed');
