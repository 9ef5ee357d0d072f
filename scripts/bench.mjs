#!/usr/bin/env node
// npm run bench:gateway — installs and builds what is missing, then runs the benchmark (bench/<name>/run.mjs).
import { ensurePnpm, installAndBuild, run, step } from './lib/toolchain.mjs';

const name = process.argv[2] ?? 'gateway';
const pnpm = ensurePnpm();
installAndBuild(pnpm);
step(`benchmark: ${name}`);
run(process.execPath, [`bench/${name}/run.mjs`, ...process.argv.slice(3)]);
