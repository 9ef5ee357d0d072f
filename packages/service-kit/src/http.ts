// A lean node:http integration for Apollo Server (executeHTTPGraphQLRequest is Apollo's integration API), so
// every service and the gateway share one HTTP layer with /health, /ready, CORS and a body limit — without
// the extra middleware stack of express.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from './logger.js';
import { metricsRegistry, observeRequest, traceRequest } from './observability.js';

export interface HttpOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  context: (req: IncomingMessage) => Promise<TContext>;
  log: Logger;
  host: string;
  port: number;
  bodyLimit: number;
  /** Readiness check (e.g. a database ping); throwing means not ready. */
  ready?: () => Promise<void>;
  /** Allowed browser origins; empty means no CORS headers (server-to-server only). */
  corsOrigins?: readonly string[];
  /** Extra routes answered before GraphQL (e.g. the JWKS later); return true when handled. */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /**
   * Graceful stop: for `drainMs` the server says "not ready" on /ready while it still serves (a load balancer
   * takes it out of rotation), then it stops accepting and lets requests in flight finish for up to `graceMs`.
   */
  shutdown?: { drainMs: number; graceMs: number };
}

/** What the handler needs to know about the server's life: draining, and how many requests are in flight. */
interface Lifecycle {
  draining: boolean;
  closing: boolean;
  inFlight: number;
  idle?: () => void;
}

class BodyTooLarge extends Error {}

/** Reads the body up to `limit` bytes. Past the limit it keeps draining (so the client can read our 413)
 * but stores nothing more. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    let tooLarge = declared > limit;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      if (tooLarge) return;
      size += c.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(c);
    });
    req.on('end', () =>
      tooLarge ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function applyCors(req: IncomingMessage, res: ServerResponse, origins: readonly string[]) {
  const origin = req.headers.origin;
  if (!origin || !(origins.includes('*') || origins.includes(origin))) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'origin');
  res.setHeader('access-control-allow-credentials', 'true');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader(
    'access-control-allow-headers',
    'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, x-request-id',
  );
  res.setHeader('access-control-max-age', '600');
}

export function createHttpHandler<TContext extends BaseContext>(
  opts: HttpOptions<TContext>,
  life: Lifecycle = { draining: false, closing: false, inFlight: 0 },
) {
  const service = String(opts.log.bindings().service ?? 'service');
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const started = performance.now();
    const trace = traceRequest(req);
    res.once('finish', () => {
      const ms = performance.now() - started;
      observeRequest(service, req, url.pathname, res.statusCode, ms);
      // one line per GraphQL request, with the trace id the gateway and every subgraph it asked share
      if (url.pathname === '/graphql')
        opts.log.info(
          {
            traceId: trace.traceId,
            spanId: trace.spanId,
            method: req.method,
            status: res.statusCode,
            ms: Math.round(ms),
          },
          'request',
        );
    });
    life.inFlight++;
    res.once('close', () => {
      if (--life.inFlight === 0) life.idle?.();
    });
    // once stopping, every answer ends its connection, so keep-alive clients reconnect to another replica
    if (life.closing) res.setHeader('connection', 'close');
    try {
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/metrics') {
        res.writeHead(200, { 'content-type': metricsRegistry.contentType });
        return res.end(await metricsRegistry.metrics());
      }
      if (url.pathname === '/ready') {
        if (life.draining) return sendJson(res, 503, { status: 'not ready', reason: 'shutting down' });
        try {
          await opts.ready?.();
          return sendJson(res, 200, { status: 'ready' });
        } catch (e) {
          return sendJson(res, 503, { status: 'not ready', reason: (e as Error).message });
        }
      }
      if (opts.corsOrigins?.length) applyCors(req, res, opts.corsOrigins);
      if (req.method === 'OPTIONS') {
        res.writeHead(204);
        return res.end();
      }
      if (opts.routes && (await opts.routes(req, res))) return;
      if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'not found' });

      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) {
        if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      }
      let body: unknown;
      if (req.method === 'POST') {
        const raw = await readBody(req, opts.bodyLimit);
        try {
          body = raw ? JSON.parse(raw) : undefined;
        } catch {
          return sendJson(res, 400, {
            errors: [{ message: '请求体不是有效的 JSON', extensions: { code: 'BAD_REQUEST' } }],
          });
        }
      }
      const result = await opts.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: () => opts.context(req),
      });
      for (const [k, v] of result.headers) res.setHeader(k, v);
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') return res.end(result.body.string);
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        return sendJson(res, 413, {
          errors: [{ message: '请求体过大', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
        });
      }
      opts.log.error({ err: e }, 'http handler failed');
      if (!res.headersSent)
        sendJson(res, 500, {
          errors: [{ message: '系统内部错误，请稍后重试', extensions: { code: 'INTERNAL' } }],
        });
      else res.end();
    }
  };
}

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts Apollo Server behind the shared HTTP handler; resolves once listening. */
export async function listen<TContext extends BaseContext>(
  opts: HttpOptions<TContext>,
): Promise<RunningServer> {
  await opts.apollo.start();
  const life: Lifecycle = { draining: false, closing: false, inFlight: 0 };
  const server = createServer(createHttpHandler(opts, life));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, opts.host, () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://${opts.host}:${port}/graphql`,
    async close() {
      const { drainMs = 0, graceMs = 10_000 } = opts.shutdown ?? {};
      life.draining = true;
      if (drainMs > 0) {
        opts.log.info({ drainMs }, 'draining: /ready says not ready, still serving');
        await new Promise((r) => setTimeout(r, drainMs));
      }
      life.closing = true;
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeIdleConnections();
      // requests in flight finish (their connections close after the answer); past the grace, cut them
      if (life.inFlight > 0) {
        await Promise.race([
          new Promise<void>((ok) => (life.idle = ok)),
          new Promise((r) => setTimeout(r, graceMs).unref()),
        ]);
      }
      server.closeAllConnections();
      await closed;
      await opts.apollo.stop();
    },
  };
}
