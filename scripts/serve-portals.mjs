#!/usr/bin/env node
// The portals image's process (deploy/Dockerfile, target portals): the built shell and portals, each app's dist/
// on its own port (platform.json; <APP>_PORT overrides), with the run-time manifest /remotes.json made from the
// environment — PUBLIC_GATEWAY_URL (the gateway as browsers reach it) and PORTAL_<NAME>_URL (each portal's public
// base URL) — and /health for probes. Node built-ins only.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APPS, buildManifest } from './lib/platform.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const env = process.env;
const host = env.HOST ?? '127.0.0.1';
const portOf = (app) => Number(env[app.portEnv] ?? app.port);
const appUrls = Object.fromEntries(APPS.map((a) => [a.name, `http://127.0.0.1:${portOf(a)}`]));
const manifest = JSON.stringify(
  buildManifest({ gatewayUrl: env.PUBLIC_GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql', appUrls, env }),
);
const routes = {
  '/remotes.json': () => ({ body: manifest }),
  '/health': () => ({ body: '{"status":"ok"}' }),
};

const servers = [];
for (const app of APPS) {
  const root = join(ROOT, app.dir, 'dist');
  servers.push(await startStaticServer({ root, port: portOf(app), host, routes }));
}
console.log(JSON.stringify({ msg: 'portals ready', urls: servers.map((s) => s.url) }));

// Static files have no requests worth draining for long: close the listeners and go.
const stop = async () => {
  await Promise.all(servers.map((s) => s.close()));
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
