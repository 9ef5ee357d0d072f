// A tiny static file server for the built shell and portals (each app's dist/), Node built-ins only:
// SPA fallback to index.html, CORS on every response (the shell on another origin imports a portal's
// remoteEntry.js and chunks as ES modules), no-cache for entry points, long cache for hashed assets, and
// in-memory routes for generated files such as the run-time manifest /remotes.json.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Files that must always be revalidated: they name the current hashed chunks. */
const ENTRY_POINTS = new Set(['/index.html', '/remoteEntry.js', '/mf-manifest.json']);

/**
 * @param {{ root: string, port: number, host?: string, routes?: Record<string, () => { type?: string, body: string }> }} opts
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startStaticServer({ root, port, host = '127.0.0.1', routes = {} }) {
  const base = resolve(root);
  const index = join(base, 'index.html');
  await stat(index).catch(() => {
    throw new Error(`${index} is missing — build the app first (pnpm exec turbo run build)`);
  });

  const server = createServer(async (req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('x-content-type-options', 'nosniff');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, HEAD, OPTIONS',
        'access-control-max-age': '600',
      });
      return res.end();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD, OPTIONS' });
      return res.end();
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400);
      return res.end();
    }
    const route = routes[pathname];
    if (route) {
      const { type = 'application/json; charset=utf-8', body } = route();
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    const file = normalize(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403);
      return res.end();
    }
    let target = file;
    let info = await stat(target).catch(() => null);
    if (info?.isDirectory()) {
      target = join(target, 'index.html');
      info = await stat(target).catch(() => null);
    }
    if (!info?.isFile()) {
      // A missing asset is a 404; any other path is a client-side route: serve the app.
      if (extname(pathname)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        return res.end('not found');
      }
      target = index;
      info = await stat(target);
    }
    const rel =
      '/' +
      target
        .slice(base.length + 1)
        .split(sep)
        .join('/');
    res.writeHead(200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control':
        ENTRY_POINTS.has(rel) || !rel.startsWith('/assets/')
          ? 'no-cache'
          : 'public, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(target).pipe(res);
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const actual = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
