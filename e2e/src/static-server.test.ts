// The static server that serves the shell and the portals: compressed text (the build's precompressed files, else
// compressed here), ETags and 304s, and the cache rules that let a portal be redeployed on its own.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.mjs';

let root: string;
let server: StaticServer;
const script = `export const rows = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `第${i}行`))};\n`;
const html = `<!doctype html><html lang="zh-CN"><body>${'<p>职业技能评价平台</p>'.repeat(100)}</body></html>`;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'skills-static-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), html);
  await writeFile(join(root, 'remoteEntry.js'), script);
  await writeFile(join(root, 'assets', 'chunk-abc.js'), script);
  // as the build writes it (after its source)
  await writeFile(join(root, 'assets', 'chunk-abc.js.br'), brotliCompressSync(script));
  server = await startStaticServer({ root, port: 0 });
});

afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

/** A raw GET (no automatic decompression). */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const req = request(new URL(path, server.url), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server', () => {
  it('sends the precompressed brotli file of a hashed chunk, cached for a year', async () => {
    const r = await get('/assets/chunk-abc.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers.vary).toBe('accept-encoding');
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.body.equals(brotliCompressSync(script))).toBe(true);
  });

  it('compresses what has no precompressed file, keeps entry points no-cache and answers 304 to their ETag', async () => {
    const r = await get('/remoteEntry.js', { 'accept-encoding': 'gzip' });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(gunzipSync(r.body).toString()).toBe(script);
    const again = await get('/remoteEntry.js', {
      'accept-encoding': 'gzip',
      'if-none-match': String(r.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // another encoding is another representation: no 304 for the gzip tag
    const plain = await get('/remoteEntry.js', { 'if-none-match': String(r.headers.etag) });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('serves the app (index.html, compressed) for client-side routes and 404 for a missing asset', async () => {
    const page = await get('/bureau/agencies/1', { 'accept-encoding': 'br' });
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect((await get('/assets/missing.js')).status).toBe(404);
  });
});
