// What operators watch (docs/operations.md): Prometheus metrics on /metrics of every service — requests by route
// and status, their latency, the database pool — and a trace id on each request's log line, taken from the W3C
// `traceparent` header (or made here when a request has none) and passed on by the gateway, so one request can be
// followed from the gateway into every subgraph it asked.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type pg from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export { Counter, Gauge, Histogram };

/** One registry per process: a process is one service (tests that start several share it, labelled). */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const httpRequests = new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests answered, by service, route, method and status code',
  labelNames: ['service', 'route', 'method', 'status'] as const,
  registers: [metricsRegistry],
});

const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by service and route',
  labelNames: ['service', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

const ROUTES = new Set(['/graphql', '/health', '/ready', '/metrics']);

/** Counts and times one request once its answer is sent. */
export function observeRequest(
  service: string,
  req: IncomingMessage,
  pathname: string,
  status: number,
  ms: number,
) {
  const route = ROUTES.has(pathname) ? pathname : 'other';
  httpRequests.inc({ service, route, method: req.method ?? 'GET', status: String(status) });
  httpDuration.observe({ service, route }, ms / 1000);
}

const pools = new Map<pg.Pool, string>();
const poolGauge = (name: string, help: string, read: (p: pg.Pool) => number) =>
  new Gauge({
    name,
    help,
    labelNames: ['service'] as const,
    registers: [metricsRegistry],
    collect() {
      this.reset();
      for (const [pool, service] of pools) {
        if (pool.ended) pools.delete(pool);
        else this.inc({ service }, read(pool));
      }
    },
  });
poolGauge('db_pool_connections', 'Open database connections of the pool', (p) => p.totalCount);
poolGauge('db_pool_idle_connections', 'Idle database connections of the pool', (p) => p.idleCount);
poolGauge('db_pool_waiting_requests', 'Queries waiting for a database connection', (p) => p.waitingCount);

/** Reports a pool's connections on /metrics until it ends. */
export function observePool(pool: pg.Pool, service: string) {
  pools.set(pool, service);
}

export interface TraceContext {
  /** 32 hex digits, shared by every service the request reaches */
  traceId: string;
  /** this hop's span id (16 hex digits) */
  spanId: string;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

const traces = new WeakMap<IncomingMessage, TraceContext>();

/** The trace the HTTP layer found or made for a request (the gateway passes it on to subgraphs). */
export const requestTrace = (req: IncomingMessage): TraceContext | undefined => traces.get(req);

/** Reads the request's trace once, for its log line and whoever asks requestTrace. */
export function traceRequest(req: IncomingMessage): TraceContext {
  const trace = traceOf(req.headers);
  traces.set(req, trace);
  return trace;
}

/** The request's trace (its `traceparent`, W3C Trace Context) with a span of our own; a new trace if none. */
export function traceOf(headers: IncomingMessage['headers']): TraceContext {
  const m = TRACEPARENT.exec(
    String(headers.traceparent ?? '')
      .trim()
      .toLowerCase(),
  );
  const valid = m && !/^0+$/.test(m[1]!) && !/^0+$/.test(m[2]!);
  return {
    traceId: valid ? m[1]! : randomBytes(16).toString('hex'),
    spanId: randomBytes(8).toString('hex'),
  };
}

/** The `traceparent` to send with a call made while handling `trace` (a child span of ours). */
export const childTraceparent = (trace: TraceContext) =>
  `00-${trace.traceId}-${randomBytes(8).toString('hex')}-01`;
