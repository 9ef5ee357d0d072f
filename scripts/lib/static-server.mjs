// A tiny static file server for the built shell and portals (each app's dist/), Node built-ins only:
// SPA fallback to index.html, CORS on every response (the shell on another origin imports a portal's
// remoteEntry.js and chunks as ES modules), no-cache for entry points, long cache for hashed assets, and
// in-memory routes for generated files such as the run-time manifest /remotes.json.
// Text is sent compressed: the build's precompressed `<file>.br` / `<file>.gz` (brotli 11, gzip 9) when the
// browser accepts them, else compressed once here and kept in memory. Every file has an ETag, so the no-cache
// entry points are revalidated with a 304 instead of being sent again.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

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

/** Types worth compressing (images and fonts already are). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);
/** Smaller bodies gain less than the encoding costs. */
const MIN_COMPRESS_BYTES = 1024;
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
];
const compressors = {
  // on the fly a middle quality: the first request of a large chunk must not wait seconds (the build's
  // precompressed files use the highest)
  br: (buf) =>
    promisify(brotliCompress)(buf, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }),
  gzip: (buf) => promisify(gzip)(buf, { level: 6 }),
};

/** The encodings the request accepts, in our order of preference (q=0 refuses). */
function accepted(header) {
  const offered = new Map();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name) offered.set(name, q ? Number(q.slice(2)) : 1);
  }
  return ENCODINGS.filter((e) => (offered.get(e.name) ?? offered.get('*') ?? 0) > 0);
}

/** Compressed bodies made here, by file, version and encoding; bounded so a large tree cannot fill memory. */
function compressedCache(maxBytes = 64 * 2 ** 20) {
  const entries = new Map();
  let bytes = 0;
  return async (key, make) => {
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key);
      entries.set(key, hit); // most recently used last
      return hit;
    }
    const body = await make();
    entries.set(key, body);
    bytes += body.length;
    for (const [k, v] of entries) {
      if (bytes <= maxBytes) break;
      entries.delete(k);
      bytes -= v.length;
    }
    return body;
  };
}

/**
 * @param {{ root: string, port: number, host?: string, routes?: Record<string, () => { type?: string, body: string }> }} opts
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startStaticServer({ root, port, host = '127.0.0.1', routes = {} }) {
  const base = resolve(root);
  const index = join(base, 'index.html');
  const cached = compressedCache();
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
    const ext = extname(target);
    const etagBase = `${info.size.toString(36)}-${Math.trunc(info.mtimeMs).toString(36)}`;
    const headers = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control':
        ENTRY_POINTS.has(rel) || !rel.startsWith('/assets/')
          ? 'no-cache'
          : 'public, max-age=31536000, immutable',
    };
    let encoding;
    if (COMPRESSIBLE.has(ext) && info.size >= MIN_COMPRESS_BYTES) {
      headers.vary = 'accept-encoding';
      encoding = accepted(req.headers['accept-encoding'])[0];
    }
    const etag = `"${etagBase}${encoding ? `-${encoding.name}` : ''}"`;
    headers.etag = etag;
    if (encoding) headers['content-encoding'] = encoding.name;
    const match = req.headers['if-none-match'];
    if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
      res.writeHead(304, headers);
      return res.end();
    }
    /** @type {Buffer | string} a buffer to send, or the path of a file to stream */
    let body = target;
    let size = info.size;
    if (encoding) {
      const pre = await stat(target + encoding.suffix).catch(() => null);
      // a precompressed file older than its source is stale (rebuilt without it): compress here instead
      if (pre?.isFile() && pre.mtimeMs >= info.mtimeMs) {
        body = target + encoding.suffix;
        size = pre.size;
      } else {
        body = await cached(`${target}:${etagBase}:${encoding.name}`, async () =>
          compressors[encoding.name](await readFile(target)),
        );
        size = body.length;
      }
    }
    headers['content-length'] = size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    if (typeof body === 'string') createReadStream(body).pipe(res);
    else res.end(body);
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
