import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { GraphQLError } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator, TOKEN_AUDIENCE, TOKEN_ISSUER, type Authenticate } from './auth.js';

let authenticate: Authenticate;
let sign: (
  claims: object,
  opts?: { exp?: number | string; aud?: string; key?: CryptoKey },
) => Promise<string>;
let otherKey: CryptoKey;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  otherKey = (await generateKeyPair('ES256')).privateKey;
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
  authenticate = createAuthenticator(createLocalJWKSet({ keys: [jwk] }));
  sign = (claims, opts = {}) =>
    new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('acc-1')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(opts.aud ?? TOKEN_AUDIENCE)
      .setExpirationTime(opts.exp ?? '5m')
      .sign(opts.key ?? privateKey);
});

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'accepted';
  } catch (e) {
    return (e as GraphQLError).extensions.code;
  }
};

describe('gateway authentication', () => {
  it('no token is anonymous', async () => {
    expect((await authenticate({})).kind).toBe('anonymous');
  });
  it('a valid identity token becomes a user principal with its grants', async () => {
    const p = await authenticate({
      authorization: `Bearer ${await sign({ name: '晋江', grants: [{ role: 'COUNTY_HR', regionCode: '350582' }] })}`,
    });
    expect(p).toEqual({
      kind: 'user',
      id: 'acc-1',
      name: '晋江',
      grants: [{ role: 'COUNTY_HR', regionCode: '350582' }],
    });
  });
  it('refuses expired, forged, foreign-audience and malformed tokens with typed 401 errors', async () => {
    const expired = await sign({}, { exp: Math.floor(Date.now() / 1000) - 60 });
    expect(await codeOf(authenticate({ authorization: `Bearer ${expired}` }))).toBe('TOKEN_EXPIRED');
    expect(await codeOf(authenticate({ authorization: `Bearer ${await sign({}, { key: otherKey })}` }))).toBe(
      'INVALID_TOKEN',
    );
    expect(
      await codeOf(authenticate({ authorization: `Bearer ${await sign({}, { aud: 'elsewhere' })}` })),
    ).toBe('INVALID_TOKEN');
    expect(await codeOf(authenticate({ authorization: 'Bearer not.a.jwt' }))).toBe('INVALID_TOKEN');
    expect(await codeOf(authenticate({ authorization: 'Basic dXNlcjpwYXNz' }))).toBe('INVALID_TOKEN');
    try {
      await authenticate({ authorization: `Bearer ${expired}` });
    } catch (e) {
      expect((e as GraphQLError).message).toBe('登录已过期，请重新登录');
      expect((e as GraphQLError).extensions.http).toEqual({ status: 401 });
    }
  });
  it('checks a token once, and stops accepting it when it expires', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k2', alg: 'ES256' }] });
    let lookups = 0;
    const counted = createAuthenticator((h, t) => {
      lookups++;
      return jwks(h, t);
    });
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = await new SignJWT({ grants: [] })
      .setProtectedHeader({ alg: 'ES256', kid: 'k2' })
      .setSubject('acc-2')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setExpirationTime(exp)
      .sign(privateKey);
    for (let i = 0; i < 5; i++)
      expect((await counted({ authorization: `Bearer ${token}` })).id).toBe('acc-2');
    expect(lookups).toBe(1);
    await new Promise((r) => setTimeout(r, exp * 1000 - Date.now() + 50));
    expect(await codeOf(counted({ authorization: `Bearer ${token}` }))).toBe('TOKEN_EXPIRED');
  });
});
