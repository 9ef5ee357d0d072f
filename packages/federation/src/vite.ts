// The one module-federation configuration every app's vite.config.ts imports. Shared singletons are declared
// here and only here, so the shell and every portal agree on them.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { federation } from '@module-federation/vite';
import type { Plugin, PluginOption, UserConfig } from 'vite';
import type { RuntimeManifest } from './manifest.js';
import { EXPOSED_APP, MANIFEST_PATH } from './names.js';

type SharedConfig = Record<string, { singleton: true; requiredVersion?: string }>;

/**
 * Loaded once per page, from whichever container provides them first (the shell, when a portal runs inside it):
 * React and the router (one React tree), antd (one theme and locale context), the Apollo client and our two
 * shared packages (one GraphQL client and cache, one UI kit).
 */
export const SHARED_SINGLETONS: SharedConfig = {
  react: { singleton: true, requiredVersion: '^19.0.0' },
  'react-dom': { singleton: true, requiredVersion: '^19.0.0' },
  'react-router': { singleton: true, requiredVersion: '^7.0.0' },
  antd: { singleton: true, requiredVersion: '^6.0.0' },
  '@apollo/client': { singleton: true, requiredVersion: '^4.0.0' },
  '@skills/graphql-client': { singleton: true },
  '@skills/ui-kit': { singleton: true },
};

/** The shell: a host whose remotes are all registered at run time from /remotes.json. */
export function hostFederation(name: string): PluginOption {
  return [federation({ name, remotes: {}, shared: SHARED_SINGLETONS, dts: false }), precompress()];
}

/** A portal: a remote exposing its routes as `./App` from `remoteEntry.js` (an ES module). */
export function remoteFederation(name: string, appModule: string): PluginOption {
  return [
    federation({
      name,
      filename: 'remoteEntry.js',
      exposes: { [EXPOSED_APP]: appModule },
      shared: SHARED_SINGLETONS,
      dts: false,
    }),
    precompress(),
  ];
}

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt']);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)])),
  );
  return nested.flat();
}

/**
 * Writes `<file>.br` (brotli 11) and `<file>.gz` (gzip 9) beside every text file of the build, once per build,
 * so the static server (scripts/lib/static-server.mjs) or any CDN sends them without compressing per request.
 * Runs after every other plugin has written its files (module federation writes remoteEntry.js late).
 */
export function precompress(minBytes = 1024): Plugin {
  let outDir = 'dist';
  return {
    name: 'skills:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const files = (await filesUnder(outDir)).filter((f) => COMPRESSIBLE.has(extname(f)));
        await Promise.all(
          files.map(async (file) => {
            if ((await stat(file)).size < minBytes) return;
            const source = await readFile(file);
            const [br, gz] = await Promise.all([
              promisify(brotliCompress)(source, {
                params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: source.length },
              }),
              promisify(gzip)(source, { level: 9 }),
            ]);
            await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
          }),
        );
      },
    },
  };
}

/**
 * Build options common to every app. `base: './'` makes every chunk URL relative to the module that imports it,
 * so a portal's chunks load from the portal's own origin when the shell imports its remoteEntry.js (index.html
 * carries `<base href="/">` so deep links in standalone mode still find /assets/).
 */
export const appBuildConfig = {
  base: './',
  build: { target: 'esnext', outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4096 },
} satisfies UserConfig;

/** The portals on their default development ports (`pnpm --filter <app> dev`); `npm start` builds its own list. */
const DEV_PORTALS = [
  { name: 'portal_public', title: '公众服务', path: '/public', port: 5174 },
  { name: 'portal_bureau', title: '监管部门', path: '/bureau', port: 5175 },
  { name: 'portal_institution', title: '院校与评价机构', path: '/institution', port: 5176 },
  { name: 'portal_candidate', title: '考生服务', path: '/candidate', port: 5177 },
];

/** The manifest the dev server answers with: gateway from GATEWAY_URL (default :4000), portals on 5174-5177. */
export function devManifest(env: Record<string, string | undefined> = process.env): RuntimeManifest {
  return {
    gatewayUrl: env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql',
    remotes: DEV_PORTALS.map((p) => ({
      name: p.name,
      title: p.title,
      path: p.path,
      entry: `http://127.0.0.1:${p.port}/remoteEntry.js`,
    })),
  };
}

/** `vite` (dev) only: serves /remotes.json, which the static server generates in production. */
export function devRuntimeManifest(): Plugin {
  return {
    name: 'skills:dev-runtime-manifest',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(MANIFEST_PATH, (_req, res) => {
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.setHeader('access-control-allow-origin', '*');
        res.end(JSON.stringify(devManifest()));
      });
    },
  };
}
