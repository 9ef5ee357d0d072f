// The response cache's rules without servers: which documents it may answer, the race between a read and a
// write, and the time to live. (The end-to-end behaviour is in response-cache.e2e.test.ts.)
import type { GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { publicQueryFields, ResponseCache, type CacheContext } from './response-cache.js';

const SDL = `
  directive @tag(name: String!) repeatable on FIELD_DEFINITION
  type Query {
    occupation(code: String!): String @tag(name: "access:public")
    me: String @tag(name: "access:authenticated")
  }
  type Mutation { login: String @tag(name: "access:public") }`;

type Listener = GraphQLRequestListener<CacheContext>;
type Rc = GraphQLRequestContext<CacheContext>;

/** One request through the plugin's hooks; `during` runs between the cache lookup and the answer. */
async function request(
  cache: ResponseCache,
  query: string,
  opts: { anonymous?: boolean; data?: unknown; touched?: string[]; during?: () => void } = {},
) {
  const document = parse(query);
  const op = document.definitions[0] as { operation: string };
  const headers = new HeaderMap();
  const rc = {
    document,
    queryHash: query,
    operationName: null,
    operation: op,
    request: { variables: {} },
    contextValue: {
      principal: opts.anonymous === false ? { kind: 'user', id: 'u', grants: [] } : { kind: 'anonymous' },
      allowedOperations: null,
      touched: new Set(opts.touched ?? ['catalogue']),
    },
    response: { http: { headers }, body: { kind: 'single', singleResult: { data: opts.data ?? { x: 1 } } } },
  } as unknown as Rc;
  const l = (await cache.plugin().requestDidStart!(rc)) as Listener;
  await l.didResolveOperation!(rc as never);
  const hit = await l.responseForOperation!(rc as never);
  opts.during?.();
  await l.willSendResponse!(rc as never);
  return hit ? 'HIT' : (headers.get('x-response-cache') ?? null);
}

const make = (ttlMs = 60_000) =>
  new ResponseCache({ ttlMs, maxChars: 1_000_000, publicFields: publicQueryFields(SDL) });

describe('response cache rules', () => {
  it('reads the public Query fields from the supergraph tags', () => {
    expect([...publicQueryFields(SDL)]).toEqual(['occupation']);
  });

  it('answers only anonymous queries made of public fields (through fragments too)', async () => {
    const c = make();
    const q = '{ occupation(code: "1") }';
    expect(await request(c, q)).toBe('MISS');
    expect(await request(c, q)).toBe('HIT');
    expect(await request(c, q, { anonymous: false })).toBeNull();
    expect(await request(c, '{ me }')).toBeNull();
    expect(await request(c, '{ ...F } fragment F on Query { occupation(code: "2") }')).toBe('MISS');
    expect(await request(c, '{ ...F } fragment F on Query { me }')).toBeNull();
    expect(await request(c, 'mutation { login }')).toBeNull();
  });

  it('does not store an answer computed while a write was invalidating its subgraph', async () => {
    const c = make();
    const q = '{ occupation(code: "3") }';
    expect(await request(c, q, { during: () => c.invalidate(['catalogue']) })).toBe('MISS');
    expect(await request(c, q)).toBe('MISS'); // the racing answer was not kept
    expect(await request(c, q)).toBe('HIT');
  });

  it('a mutation drops the answers that used the subgraphs it reached, and only those', async () => {
    const c = make();
    await request(c, '{ occupation(code: "4") }', { touched: ['catalogue'] });
    await request(c, '{ occupation(code: "5") }', { touched: ['agencies', 'catalogue'] });
    await request(c, '{ occupation(code: "6") }', { touched: ['identity'] });
    const told: string[][] = [];
    const c2 = new ResponseCache({
      ttlMs: 60_000,
      maxChars: 1e6,
      publicFields: publicQueryFields(SDL),
      onInvalidate: (s) => told.push(s),
    });
    await request(c2, 'mutation { login }', { touched: ['agencies'] });
    expect(told).toEqual([['agencies']]);
    await request(c, 'mutation { login }', { touched: ['agencies'] });
    expect(await request(c, '{ occupation(code: "4") }')).toBe('HIT');
    expect(await request(c, '{ occupation(code: "5") }')).toBe('MISS');
    expect(await request(c, '{ occupation(code: "6") }', { touched: ['identity'] })).toBe('HIT');
  });

  it('forgets answers after the time to live, and is off with a time to live of 0', async () => {
    const c = make(40);
    const q = '{ occupation(code: "7") }';
    await request(c, q);
    expect(await request(c, q)).toBe('HIT');
    await new Promise((r) => setTimeout(r, 80));
    expect(await request(c, q)).toBe('MISS');
    const off = make(0);
    await request(off, q);
    expect(await request(off, q)).toBeNull();
  });
});
