import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Bitstring,
  credentialRoutes,
  generateIssuerKey,
  isRevoked,
  issueCredential,
  issueStatusListCredential,
  publicJwks,
  statusListPath,
  type IssuerKey,
  type Jwks,
} from './index.js';

const ISSUER = 'https://verify.skills.example.cn/issuers/agency-0001';
let server: Server;
let base: string;
let key: IssuerKey;
const list = new Bitstring();

beforeAll(async () => {
  key = await generateIssuerKey(ISSUER);
  const handle = credentialRoutes({
    jwks: async () => publicJwks([key]),
    statusList: async (id) =>
      id === 'agency-0001-1'
        ? issueStatusListCredential(list, key, {
            id: `${base}${statusListPath(id)}`,
            issuedAt: new Date('2026-11-29T00:00:00Z'),
          })
        : null,
  });
  server = createServer((req, res) => {
    void handle(req, res).then((done) => {
      if (!done) {
        res.statusCode = 418;
        res.end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('credentialRoutes over HTTP', () => {
  it('serves the JWKS and the status list a verifier needs, and a revocation shows in the next fetch', async () => {
    const jwksRes = await fetch(`${base}/credentials/jwks.json`);
    expect(jwksRes.status).toBe(200);
    expect(jwksRes.headers.get('content-type')).toBe('application/jwk-set+json');
    expect(jwksRes.headers.get('cache-control')).toBe('public, max-age=60');
    const jwks = (await jwksRes.json()) as Jwks;
    expect(jwks.keys.map((k) => k.kid)).toEqual([key.kid]);

    const listUrl = `${base}${statusListPath('agency-0001-1')}`;
    const vc = await issueCredential(
      {
        kind: 'SPECIAL_ABILITY',
        number: 'Z1',
        holderName: '林雅婷',
        holderIdNumberMasked: '3505**********0021',
        project: { code: 'FJZX-0001', name: '德化陶瓷手工成型' },
        issuer: { id: ISSUER, name: '泉州市人力资源和社会保障局' },
        issuedOn: '2026-12-01',
      },
      key,
      {
        id: 'https://verify.skills.example.cn/public/verify?number=Z1',
        status: { statusListCredential: listUrl, statusListIndex: 7 },
      },
    );
    const first = await fetch(listUrl);
    expect(first.headers.get('content-type')).toBe('application/vc+jwt');
    const etag = first.headers.get('etag')!;
    expect(await isRevoked(vc, await first.text(), jwks)).toBe(false);
    expect((await fetch(listUrl, { headers: { 'if-none-match': etag } })).status).toBe(304);

    list.set(7, true);
    const second = await fetch(listUrl, { headers: { 'if-none-match': etag } });
    expect(second.status).toBe(200);
    expect(await isRevoked(vc, await second.text(), jwks)).toBe(true);
  });

  it('answers 404 for an unknown list and leaves other paths to the next handler', async () => {
    expect((await fetch(`${base}/credentials/status/nope`)).status).toBe(404);
    expect((await fetch(`${base}/graphql`)).status).toBe(418);
    expect((await fetch(`${base}/credentials/jwks.json`, { method: 'POST' })).status).toBe(418);
  });
});
