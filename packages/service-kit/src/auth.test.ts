import { Role } from '@skills/domain';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  authScopesFor,
  CLAIMS_HEADER,
  principalCan,
  principalFromHeaders,
  signClaims,
  type Principal,
} from './auth.js';

const secret = 'a-claims-secret-of-at-least-32-characters!';
const cityOfficer: Principal = {
  kind: 'user',
  id: 'acc-1',
  name: '泉州市人社局',
  grants: [{ role: Role.CITY_HR, regionCode: '350500' }],
};

describe('signed claims', () => {
  it('round-trips a principal signed by the gateway', async () => {
    const token = await signClaims(cityOfficer, secret);
    expect(await principalFromHeaders({ [CLAIMS_HEADER]: token }, { claimsSecret: secret })).toEqual(
      cityOfficer,
    );
  });

  it("carries the gateway's anonymous claims as ANONYMOUS", async () => {
    const token = await signClaims(ANONYMOUS, secret);
    expect(await principalFromHeaders({ [CLAIMS_HEADER]: token }, { claimsSecret: secret })).toBe(ANONYMOUS);
  });

  it('refuses missing, forged, expired or foreign claims (null: not through the gateway)', async () => {
    expect(await principalFromHeaders({}, { claimsSecret: secret })).toBeNull();
    const forged = await signClaims(cityOfficer, 'another-secret-that-is-also-32-chars-long');
    expect(await principalFromHeaders({ [CLAIMS_HEADER]: forged }, { claimsSecret: secret })).toBeNull();
    const expired = await new SignJWT({ kind: 'user', grants: cityOfficer.grants })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('skills-gateway')
      .setAudience('skills-subgraphs')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(new TextEncoder().encode(secret));
    expect(await principalFromHeaders({ [CLAIMS_HEADER]: expired }, { claimsSecret: secret })).toBeNull();
    const token = await signClaims(cityOfficer, secret);
    expect(
      await principalFromHeaders({ authorization: `Bearer ${token}` }, { claimsSecret: secret }),
    ).toBeNull();
    const unknownKind = await new SignJWT({ kind: 'root', grants: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('skills-gateway')
      .setAudience('skills-subgraphs')
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(secret));
    expect(await principalFromHeaders({ [CLAIMS_HEADER]: unknownKind }, { claimsSecret: secret })).toBeNull();
  });
});

describe('verified claims remembered until they expire', () => {
  it('answers the same claims again without a second verification, and never for another secret', async () => {
    const token = await signClaims(cityOfficer, secret);
    const first = await principalFromHeaders({ [CLAIMS_HEADER]: token }, { claimsSecret: secret });
    const again = await principalFromHeaders({ [CLAIMS_HEADER]: token }, { claimsSecret: secret });
    expect(again).toBe(first);
    expect(Object.isFrozen(again)).toBe(true);
    // a subgraph with another secret must not accept claims another secret verified
    const other = 'another-secret-that-is-also-32-chars-long';
    expect(await principalFromHeaders({ [CLAIMS_HEADER]: token }, { claimsSecret: other })).toBeNull();
  });

  it('refuses remembered claims once they have expired', async () => {
    const token = await signClaims(cityOfficer, secret, 1);
    expect(await principalFromHeaders({ [CLAIMS_HEADER]: token }, { claimsSecret: secret })).toEqual(
      cityOfficer,
    );
    await new Promise((r) => setTimeout(r, 2100));
    expect(await principalFromHeaders({ [CLAIMS_HEADER]: token }, { claimsSecret: secret })).toBeNull();
  });
});

describe('scopes', () => {
  it('derives role scopes and region checks from the grants', () => {
    const s = authScopesFor(cityOfficer);
    expect(s.authenticated).toBe(true);
    expect(s.hasRole(Role.CITY_HR)).toBe(true);
    expect(s.hasRole(Role.PROVINCE_CATALOGUE_ADMIN)).toBe(false);
    expect(s.anyRole([Role.COUNTY_HR, Role.CITY_HR])).toBe(true);
    expect(authScopesFor(ANONYMOUS).authenticated).toBe(false);
    expect(principalCan(cityOfficer, [Role.CITY_HR], { regionCode: '350582' })).toBe(true);
    expect(principalCan(cityOfficer, [Role.CITY_HR], { regionCode: '350100' })).toBe(false);
  });
});
