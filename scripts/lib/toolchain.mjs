// Bootstrap used by `npm start` and `npm test` on a machine with only Node and npm: find or install pnpm
// (the version pinned in package.json), then install the workspace. Node built-ins only.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pinned = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).packageManager.split('@')[1];
const localPnpm = join(ROOT, '.tools', 'node_modules', '.bin', 'pnpm');

function works(cmd) {
  const r = spawnSync(cmd, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export function step(msg) {
  console.log(`\n\x1b[36m▶ ${msg}\x1b[0m`);
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts });
  if (r.status !== 0) {
    console.error(`\n✖ ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

// turbo (and package scripts that call pnpm) look the package manager up on PATH: put the chosen pnpm's folder
// first, for this process and everything it spawns. No outbound telemetry from the build tools either.
function useFromNowOn(pnpm) {
  if (pnpm !== 'pnpm') process.env.PATH = `${dirname(pnpm)}${delimiter}${process.env.PATH ?? ''}`;
  process.env.TURBO_TELEMETRY_DISABLED ??= '1';
  process.env.DO_NOT_TRACK ??= '1';
  return pnpm;
}

/**
 * Returns a pnpm command — the one on PATH if it is the pinned version, else a local install under .tools/ — and
 * makes it the `pnpm` found on PATH by every process started from here on.
 */
export function ensurePnpm() {
  if (works('pnpm') === pinned) return useFromNowOn('pnpm');
  if (existsSync(localPnpm) && works(localPnpm) === pinned) return useFromNowOn(localPnpm);
  step(`installing pnpm ${pinned} into .tools/ (npm)`);
  run('npm', [
    'install',
    '--no-save',
    '--no-audit',
    '--no-fund',
    '--prefix',
    join(ROOT, '.tools'),
    `pnpm@${pinned}`,
  ]);
  if (!works(localPnpm)) {
    console.error('✖ could not install pnpm');
    process.exit(1);
  }
  return useFromNowOn(localPnpm);
}

export function installAndBuild(pnpm) {
  step('installing dependencies (pnpm install)');
  run(pnpm, ['install', '--frozen-lockfile']);
  step('building (turbo run build)');
  run(pnpm, ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
}
