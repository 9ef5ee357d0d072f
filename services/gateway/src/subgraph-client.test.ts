import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphClient, isShareable, subgraphFetcher } from './subgraph-client.js';

let server: Server;
let url: string;
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () =>
      setTimeout(
        () => res.end(JSON.stringify({ echo: body, claims: req.headers['x-skills-claims'] ?? null })),
        50,
      ),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server.close();
  await client.close();
});

const client = createSubgraphClient('x-skills-claims');
const fetcher = subgraphFetcher(client) as unknown as (u: string, i: object) => Promise<Response>;
const call = (query: string, claims?: string) =>
  fetcher(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(claims ? { 'x-skills-claims': claims } : {}) },
    body: JSON.stringify({ query }),
  }).then((r) => r.json());

describe('subgraph client', () => {
  it('shares one request among identical concurrent queries of the same caller', async () => {
    hits = 0;
    const results = (await Promise.all(Array.from({ length: 10 }, () => call('{ a }', 'alice')))) as Array<{
      claims: string;
    }>;
    expect(hits).toBe(1);
    expect(results.every((r) => r.claims === 'alice')).toBe(true);
  });
  it('never shares between callers, different queries, or mutations', async () => {
    hits = 0;
    await Promise.all([call('{ a }', 'alice'), call('{ a }', 'bob'), call('{ b }', 'alice')]);
    expect(hits).toBe(3);
    hits = 0;
    await Promise.all([call('mutation { m }', 'alice'), call('mutation { m }', 'alice')]);
    expect(hits).toBe(2);
    hits = 0; // audited reads of personal data: each view is its own request
    await Promise.all([
      call('{ me { idNumberUnmasked(reason: "x") } }', 'alice'),
      call('{ me { idNumberUnmasked(reason: "x") } }', 'alice'),
    ]);
    expect(hits).toBe(2);
  });
  it('does not keep answers after the request is done', async () => {
    hits = 0;
    await call('{ a }', 'alice');
    await call('{ a }', 'alice');
    expect(hits).toBe(2);
  });
  it('reads shareability from the JSON text: mutations and unmasked reads are never shared', () => {
    const body = (query: string, variables = {}) => JSON.stringify({ query, variables });
    expect(isShareable(body('{ occupation(code: "x") { name } }'))).toBe(true);
    expect(isShareable(body('mutation { login }'))).toBe(false);
    expect(isShareable(body('\n  mutation Apply($i: X) { apply(i: $i) { id } }'))).toBe(false);
    expect(isShareable(body('subscription { s }'))).toBe(false);
    expect(isShareable(body('{ me { idNumberUnmasked(reason: "r") } }'))).toBe(false);
    // a variable cannot make a mutation look like a query
    expect(isShareable(JSON.stringify({ variables: { query: '{ a }' }, query: 'mutation { m }' }))).toBe(
      false,
    );
  });
});
