// Starts the platform's processes (subgraphs, then the gateway) from their built output and waits until each
// answers /ready or /health. Used by `npm start` and by end-to-end tests. Node built-ins only.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './toolchain.mjs';

/** Everything `npm start` runs, in start order. Ports are the defaults; env overrides them. */
export const SERVICES = [
  { name: 'catalogue', dir: 'services/catalogue', entry: 'dist/server.js', port: 4001, probe: '/ready', urlEnv: 'CATALOGUE_URL' },
  { name: 'gateway', dir: 'services/gateway', entry: 'dist/server.js', port: 4000, probe: '/health' },
];

async function waitFor(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not ready after ${timeoutMs} ms (${url})`);
}

/**
 * @param {{ env?: Record<string,string>, ports?: Record<string,number>, log?: 'inherit'|'pipe'|'ignore', timeoutMs?: number }} opts
 */
export async function startPlatform(opts = {}) {
  const children = [];
  const urls = {};
  const env = { ...process.env, ...opts.env };
  const stop = async () => {
    for (const c of [...children].reverse()) {
      if (c.exitCode === null) c.kill('SIGTERM');
    }
    await Promise.all(
      children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))),
    );
  };
  try {
    for (const s of SERVICES) {
      const port = opts.ports?.[s.name] ?? s.port;
      const child = spawn(process.execPath, [s.entry], {
        cwd: join(ROOT, s.dir),
        env: { ...env, PORT: String(port), DATA_DIR: env.DATA_DIR ?? join(ROOT, '.data') },
        stdio: ['ignore', opts.log ?? 'inherit', opts.log ?? 'inherit'],
      });
      children.push(child);
      const base = `http://127.0.0.1:${port}`;
      try {
        await waitFor(base + s.probe, child, opts.timeoutMs ?? 120_000);
      } catch (e) {
        throw new Error(`${s.name}: ${e.message}`);
      }
      urls[s.name] = `${base}/graphql`;
      if (s.urlEnv) env[s.urlEnv] = urls[s.name];
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { urls, children, stop };
}
