// What operators watch, from built processes: one request through the gateway carries its W3C trace id into the
// subgraph it asks (both log it), and /metrics of each is valid Prometheus text with the request counts, latency
// histograms, the database pool and the gateway's subgraph fetch times.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '@skills/service-kit';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '@skills/service-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../bundle.mjs';
import { startNode, stopAll, waitFor200, type Started } from './processes.js';
import { parsePrometheus } from './prometheus.js';

const kinds = await testDatabaseKinds();

describe.skipIf(!kinds.includes('postgres'))('traces and metrics', () => {
  const started: Started[] = [];
  let database: TestDatabase | undefined;
  afterAll(async () => {
    await stopAll(started);
    await database?.drop();
  });

  it('one trace id in the gateway’s and the subgraph’s logs; /metrics parses on both', async () => {
    database = await createTestDatabase('postgres', 'observability');
    const secret = randomBytes(24).toString('hex');
    const cataloguePort = await freePort();
    const catalogue = startNode(join(ROOT, 'services/catalogue'), ['dist/server.js'], {
      DATABASE_URL: database.url,
      CLAIMS_SECRET: secret,
      PORT: String(cataloguePort),
      LOG_LEVEL: 'info',
    });
    started.push(catalogue);
    await waitFor200(catalogue, `http://127.0.0.1:${cataloguePort}/ready`);
    const gatewayPort = await freePort();
    const gateway = startNode(join(ROOT, 'services/gateway'), ['dist/server.js'], {
      CLAIMS_SECRET: secret,
      PORT: String(gatewayPort),
      CATALOGUE_URL: `http://127.0.0.1:${cataloguePort}/graphql`,
      RESPONSE_CACHE_TTL_SECONDS: '0',
      LOG_LEVEL: 'info',
    });
    started.push(gateway);
    await waitFor200(gateway, `http://127.0.0.1:${gatewayPort}/ready`);

    const traceId = randomBytes(16).toString('hex');
    const res = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      },
      body: JSON.stringify({ query: '{ occupation(code: "6-31-01-03") { code } }' }),
    });
    expect(await res.json()).toEqual({ data: { occupation: { code: '6-31-01-03' } } });
    const logged = (s: Started) =>
      s
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { msg: string; traceId?: string; service: string })
        .filter((l) => l.msg === 'request' && l.traceId === traceId);
    await expect.poll(() => logged(gateway).length).toBe(1);
    await expect.poll(() => logged(catalogue).length).toBe(1);
    expect(logged(catalogue)[0]!.service).toBe('catalogue');

    const families = async (port: number) => {
      const r = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(r.headers.get('content-type')).toContain('text/plain');
      return parsePrometheus(await r.text());
    };
    const sub = await families(cataloguePort);
    const requests = sub.get('http_requests_total')!;
    expect(requests.type).toBe('counter');
    expect(requests.samples).toContainEqual({
      name: 'http_requests_total',
      value: 1,
      labels: { service: 'catalogue', route: '/graphql', method: 'POST', status: '200' },
    });
    expect(sub.get('http_request_duration_seconds')!.type).toBe('histogram');
    expect(sub.get('db_pool_connections')!.samples[0]!.value).toBeGreaterThan(0);
    const gw = await families(gatewayPort);
    const fetches = gw.get('gateway_subgraph_fetch_duration_seconds')!;
    expect(fetches.type).toBe('histogram');
    expect(fetches.samples).toContainEqual({
      name: 'gateway_subgraph_fetch_duration_seconds_count',
      value: 1,
      labels: { subgraph: 'catalogue', status: '200' },
    });
    // and the reader is strict: a malformed line is refused
    expect(() => parsePrometheus('# TYPE a counter\na{service="x} 1\n')).toThrow('bad labels');
    expect(() => parsePrometheus('b 1\n')).toThrow('undeclared family');
  }, 120_000);
});
