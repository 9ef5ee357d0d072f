#!/usr/bin/env node
// What each image holds, made the same way here, in the image build and in the tests (deploy/test/images.test.ts):
// every service of platform.json is `pnpm deploy --filter <package> --prod` into <out>/<name> (its dist/, prisma/,
// production node_modules; nothing of the repository), and <out>/portals is the static server with the built
// shell and portals. Run after the build: `node deploy/bundle.mjs <out> [name ...]`. Node built-ins only.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const platform = JSON.parse(readFileSync(join(ROOT, 'platform.json'), 'utf8'));

/** The images: one per subgraph, the gateway, and the portals. */
export const SERVICES = [
  ...platform.subgraphs.map((s) => ({ ...s, kind: 'subgraph' })),
  { ...platform.gateway, kind: 'gateway' },
];
export const APPS = platform.apps;

/** pnpm as the test or build was started with it (npm_execpath under pnpm run), else the one on PATH. */
function pnpmCommand() {
  const execPath = process.env.npm_execpath;
  return execPath && /pnpm/.test(execPath) && /\.c?js$/.test(execPath)
    ? [process.execPath, execPath]
    : ['pnpm'];
}

/**
 * `pnpm deploy` of one service into `target` (which must not exist or be empty), from the store the workspace's
 * install filled (--offline: no registry round trips; a missing package fails instead of downloading).
 */
export function deployService(service, target) {
  if (!existsSync(join(ROOT, service.dir, 'dist', 'server.js')))
    throw new Error(`${service.dir}/dist/server.js is missing: build first (pnpm turbo run build)`);
  const [cmd, ...pre] = pnpmCommand();
  const r = spawnSync(cmd, [...pre, '--filter', service.package, 'deploy', '--prod', '--offline', target], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  if (r.status !== 0)
    throw new Error(`pnpm deploy ${service.package} failed (exit ${r.status}):\n${r.stderr}\n${r.stdout}`);
}

/** The portals folder: the static server, platform.json and every app's dist/. */
export function bundlePortals(target) {
  for (const file of ['platform.json', 'scripts/serve-portals.mjs']) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(ROOT, file), join(target, file));
  }
  for (const file of ['platform.mjs', 'static-server.mjs'])
    cpSync(join(ROOT, 'scripts/lib', file), join(target, 'scripts/lib', file));
  for (const app of APPS) {
    const dist = join(ROOT, app.dir, 'dist');
    if (!existsSync(join(dist, 'index.html')))
      throw new Error(`${app.dir}/dist is missing: build the apps first`);
    cpSync(dist, join(target, app.dir, 'dist'), { recursive: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [out, ...names] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node deploy/bundle.mjs <out> [name ...]');
    process.exit(2);
  }
  const wanted = (name) => names.length === 0 || names.includes(name);
  for (const s of SERVICES.filter((s) => wanted(s.name))) {
    deployService(s, resolve(out, s.name));
    console.log(`${s.name}: ${resolve(out, s.name)}`);
  }
  if (wanted('portals')) {
    bundlePortals(resolve(out, 'portals'));
    console.log(`portals: ${resolve(out, 'portals')}`);
  }
}
