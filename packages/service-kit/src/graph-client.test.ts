import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalFromHeaders } from './auth.js';
import { freePort } from './database.js';
import { createServiceGraphClient } from './graph-client.js';

const SECRET = 'graph-client-test-secret-0123456789abcdef';
let server: Server;
let url: string;

beforeAll(async () => {
  // a GraphQL endpoint that answers with the principal its claims carry (as a subgraph sees it)
  server = createServer((req, res) => {
    void principalFromHeaders(req.headers, { claimsSecret: SECRET }).then((p) => {
      res.setHeader('content-type', 'application/json');
      if (!p) {
        res.statusCode = 401;
        res.end(JSON.stringify({ errors: [{ message: 'no claims' }] }));
        return;
      }
      res.end(
        JSON.stringify({
          data: { kind: p.kind, id: p.id },
          errors: [{ message: '无权执行此操作', path: ['secret'], extensions: { code: 'FORBIDDEN' } }],
        }),
      );
    });
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  url = `http://127.0.0.1:${port}/graphql`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the service-claims graph client', () => {
  it('asks with this service’s signed claims and gives the data, or the data with the field errors', async () => {
    const client = createServiceGraphClient({
      url,
      claimsSecret: SECRET,
      service: 'certificates',
      askedTitle: '评价实施服务',
    });
    expect(await client.ask('{ kind id }')).toEqual({ kind: 'service', id: 'certificates' });
    const both = await client.askWithErrors('{ kind id secret }');
    expect(both.errors[0]?.extensions?.code).toBe('FORBIDDEN');
  });
  it('says SERVICE_UNAVAILABLE naming the service asked when it refuses the claims or cannot be reached', async () => {
    const wrong = createServiceGraphClient({
      url,
      claimsSecret: 'another-secret-0123456789abcdef-xyz',
      service: 'x',
      askedTitle: '评价实施服务',
    });
    await expect(wrong.ask('{ kind }')).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: '评价实施服务暂时不可用，请稍后重试',
    });
    const down = createServiceGraphClient({
      url: `http://127.0.0.1:${await freePort()}/graphql`,
      claimsSecret: SECRET,
      service: 'x',
      askedTitle: '评价机构服务',
    });
    await expect(down.ask('{ kind }')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });
});
