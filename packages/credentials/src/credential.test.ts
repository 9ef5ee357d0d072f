import { createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, SignJWT, importJWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Bitstring,
  buildCredential,
  generateIssuerKey,
  isRevoked,
  issueCredential,
  issueStatusListCredential,
  loadOrCreateIssuerKey,
  openIssuerKey,
  publicJwks,
  sealIssuerKey,
  signCredential,
  STATUS_LIST_MIN_BITS,
  verifyCredential,
  verifyStatusListCredential,
  type CertificateFacts,
  type IssuerKey,
  type IssuerKeyStore,
  type Jwks,
} from './index.js';

const AGENCY = 'https://verify.skills.example.cn/issuers/agency-0001';
const BUREAU = 'https://verify.skills.example.cn/issuers/hrss-350500';
const LIST_URL = `${AGENCY}/status/1`;

const facts: CertificateFacts = {
  kind: 'SKILL_LEVEL',
  number: 'S350500-2026-4-000123-K',
  holderName: '陈晓明',
  holderIdNumberMasked: '3505**********123X',
  occupation: { code: '6-31-01-03', name: '电工' },
  level: 4,
  issuer: { id: AGENCY, name: '黎明职业大学职业技能等级评价中心' },
  issuedOn: '2026-11-29',
  standard: '《电工国家职业技能标准（2018年版）》',
};
const verifyUrl = (n: string) =>
  `https://verify.skills.example.cn/public/verify?number=${encodeURIComponent(n)}`;

/** Changes one byte of a base64url segment's decoded bytes and re-encodes it. */
function flipByte(jws: string, segment: 1 | 2, at: number): string {
  const parts = jws.split('.');
  const bytes = Buffer.from(parts[segment]!, 'base64url');
  bytes[at] = bytes[at]! ^ 0x01;
  parts[segment] = bytes.toString('base64url');
  return parts.join('.');
}

/** The Ed25519 check with nothing but node:crypto and the published JWK: independent of jose. */
function nodeVerifies(jws: string, jwks: Jwks): boolean {
  const [h, p, s] = jws.split('.') as [string, string, string];
  const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { kid: string; alg: string };
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk || header.alg !== 'EdDSA') return false;
  const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
  return cryptoVerify(null, Buffer.from(`${h}.${p}`, 'ascii'), key, Buffer.from(s, 'base64url'));
}

let agencyKey: IssuerKey;
let bureauKey: IssuerKey;
let jwks: Jwks;
let jws: string;

beforeAll(async () => {
  agencyKey = await generateIssuerKey(AGENCY);
  bureauKey = await generateIssuerKey(BUREAU);
  jwks = publicJwks([agencyKey, bureauKey]);
  jws = await issueCredential(facts, agencyKey, {
    id: verifyUrl(facts.number),
    status: { statusListCredential: LIST_URL, statusListIndex: 94_567 },
    issuedAt: new Date('2026-11-29T02:00:00Z'),
  });
});

describe('issueCredential / verifyCredential', () => {
  it('is a vc+jwt an unrelated JWT library verifies with the published JWKS alone', async () => {
    expect(decodeProtectedHeader(jws)).toEqual({
      alg: 'EdDSA',
      typ: 'vc+jwt',
      cty: 'vc',
      kid: agencyKey.kid,
    });
    expect(agencyKey.kid.startsWith(`${AGENCY}#`)).toBe(true);
    // the published set has no private parts
    expect(JSON.stringify(jwks)).not.toContain('"d"');

    const { payload } = await jwtVerify(jws, createLocalJWKSet(JSON.parse(JSON.stringify(jwks))), {
      typ: 'vc+jwt',
    });
    expect(payload['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(payload.vc).toBeUndefined(); // VC-JOSE-COSE: the credential is the payload
    expect(payload.iss).toBe(AGENCY);
    expect(payload.jti).toBe(verifyUrl(facts.number));
    expect(payload.validFrom).toBe('2026-11-29T00:00:00+08:00');
    expect(payload.credentialStatus).toEqual({
      id: `${LIST_URL}#94567`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: LIST_URL,
    });
    const subject = payload.credentialSubject as { achievement: Record<string, unknown> };
    expect(subject.achievement).toMatchObject({
      type: ['Achievement'],
      achievementType: 'Certification',
      name: '电工 四级/中级工',
      humanCode: '6-31-01-03',
    });
    // the whole ID number never appears
    expect(JSON.stringify(payload)).not.toMatch(/3505\d{10}123X/);

    expect(nodeVerifies(jws, jwks)).toBe(true);
  });

  it('gives back the facts it was issued with', async () => {
    const v = await verifyCredential(jws, jwks);
    expect(v.facts).toEqual(facts);
    expect(v.kid).toBe(agencyKey.kid);

    const special: CertificateFacts = {
      kind: 'SPECIAL_ABILITY',
      number: 'Z350500-2026-000007-3',
      holderName: '林雅婷',
      holderIdNumberMasked: '3505**********0021',
      project: { code: 'FJZX-0001', name: '德化陶瓷手工成型' },
      issuer: { id: BUREAU, name: '泉州市人力资源和社会保障局' },
      issuedOn: '2026-12-01',
    };
    const s = await issueCredential(special, bureauKey, { id: verifyUrl(special.number) });
    expect((await verifyCredential(s, jwks)).facts).toEqual(special);
  });

  it('fails, with jose and with node:crypto, after one byte of the payload or the signature changes', async () => {
    for (const at of [0, 40, 200]) {
      const tampered = flipByte(jws, 1, at);
      await expect(jwtVerify(tampered, createLocalJWKSet(jwks))).rejects.toThrow();
      expect(nodeVerifies(tampered, jwks)).toBe(false);
      await expect(verifyCredential(tampered, jwks)).rejects.toMatchObject({ code: 'INVALID_SIGNATURE' });
    }
    for (const at of [0, 31, 63]) {
      const tampered = flipByte(jws, 2, at);
      await expect(jwtVerify(tampered, createLocalJWKSet(jwks))).rejects.toThrow();
      expect(nodeVerifies(tampered, jwks)).toBe(false);
      await expect(verifyCredential(tampered, jwks)).rejects.toMatchObject({ code: 'INVALID_SIGNATURE' });
    }
    // a changed holder name in the payload, re-encoded: still refused
    const [h, p, s] = jws.split('.') as [string, string, string];
    const forged = Buffer.from(Buffer.from(p, 'base64url').toString().replace('陈晓明', '陈晓红')).toString(
      'base64url',
    );
    await expect(verifyCredential(`${h}.${forged}.${s}`, jwks)).rejects.toMatchObject({
      code: 'INVALID_SIGNATURE',
    });
  });

  it('fails with a wrong key: an unpublished key under the issuer kid, or another issuer key', async () => {
    // an attacker's key claiming the agency's kid
    const rogue = await generateIssuerKey(AGENCY);
    const forged = await issueCredential(
      facts,
      { ...rogue, kid: agencyKey.kid, privateJwk: { ...rogue.privateJwk, kid: agencyKey.kid } },
      { id: verifyUrl(facts.number) },
    );
    await expect(verifyCredential(forged, jwks)).rejects.toMatchObject({ code: 'INVALID_SIGNATURE' });
    expect(nodeVerifies(forged, jwks)).toBe(false);
    // the right credential against a JWKS that lacks the agency's key
    await expect(verifyCredential(jws, publicJwks([bureauKey, rogue]))).rejects.toMatchObject({
      code: 'INVALID_SIGNATURE',
    });
    // the bureau's published key signing a credential that names the agency as issuer
    const payload = buildCredential(facts, { id: verifyUrl(facts.number) });
    const cross = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', kid: bureauKey.kid })
      .setIssuer(AGENCY)
      .sign(await importJWK(bureauKey.privateJwk, 'EdDSA'));
    expect(nodeVerifies(cross, jwks)).toBe(true); // the signature itself is fine…
    await expect(verifyCredential(cross, jwks)).rejects.toMatchObject({ code: 'UNTRUSTED_KEY' }); // …the issuer is not
    // and the library refuses to sign for another issuer
    await expect(signCredential(payload, bureauKey)).rejects.toMatchObject({ code: 'UNTRUSTED_KEY' });
  });

  it('refuses facts with a whole ID number or a level on a 专项 certificate', async () => {
    await expect(
      issueCredential({ ...facts, holderIdNumberMasked: '35058219900101123X' }, agencyKey, {
        id: verifyUrl('x'),
      }),
    ).rejects.toMatchObject({ code: 'INVALID_FACTS' });
    await expect(
      issueCredential({ ...facts, level: 6 } as unknown as CertificateFacts, agencyKey, {
        id: verifyUrl('x'),
      }),
    ).rejects.toMatchObject({ code: 'INVALID_FACTS' });
    await expect(
      issueCredential({ ...facts, issuer: { ...facts.issuer, id: 'http://example.cn/i' } }, agencyKey, {
        id: verifyUrl('x'),
      }),
    ).rejects.toMatchObject({ code: 'INVALID_FACTS' });
  });
});

describe('Bitstring Status List', () => {
  it('has 131,072 entries at least, index 0 the left-most bit, and round-trips through encodedList', () => {
    const list = new Bitstring();
    expect(list.length).toBe(STATUS_LIST_MIN_BITS);
    expect(list.bytes.length).toBe(16 * 1024);
    expect(() => new Bitstring(1024)).toThrow(RangeError);
    list.set(0, true);
    list.set(9, true);
    list.set(STATUS_LIST_MIN_BITS - 1, true);
    expect(list.bytes[0]).toBe(0b1000_0000);
    expect(list.bytes[1]).toBe(0b0100_0000);
    expect(list.bytes[16383]).toBe(0b0000_0001);

    const encoded = list.encode();
    expect(encoded.startsWith('u')).toBe(true);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThan(200); // mostly zero: a few dozen bytes instead of 16 KB
    expect(Buffer.from(encoded.slice(1), 'base64url').subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b])); // GZIP
    const back = Bitstring.decode(encoded);
    expect(back.setIndexes()).toEqual([0, 9, STATUS_LIST_MIN_BITS - 1]);
    expect(back.get(9)).toBe(true);
    expect(back.get(10)).toBe(false);
    list.set(9, false);
    expect(Bitstring.decode(list.encode()).setIndexes()).toEqual([0, STATUS_LIST_MIN_BITS - 1]);
    expect(list.encode()).toBe(list.encode()); // deterministic
  });

  it('refuses a list shorter than the minimum or not GZIP', async () => {
    const { gzipSync } = await import('node:zlib');
    const short = 'u' + gzipSync(new Uint8Array(1024)).toString('base64url');
    expect(() => Bitstring.decode(short)).toThrow(/shorter/);
    expect(() => Bitstring.decode('uAAAA')).toThrow(/GZIP/);
  });

  it('shows a credential revoked once its index is set in a newly signed list, and not before', async () => {
    const list = new Bitstring();
    const before = await issueStatusListCredential(list, agencyKey, { id: LIST_URL });
    expect(await isRevoked(jws, before, jwks)).toBe(false);

    list.set(94_567, true);
    const after = await issueStatusListCredential(list, agencyKey, { id: LIST_URL });
    const verified = await verifyStatusListCredential(after, jwks);
    expect(verified).toMatchObject({ id: LIST_URL, issuerId: AGENCY, purpose: 'revocation' });
    expect(await isRevoked(jws, after, jwks)).toBe(true);
    // the standard library sees a BitstringStatusListCredential
    const { payload } = await jwtVerify(after, createLocalJWKSet(jwks), { typ: 'vc+jwt' });
    expect(payload.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);

    // neighbours are unaffected
    const other = await issueCredential({ ...facts, number: 'N2' }, agencyKey, {
      id: verifyUrl('N2'),
      status: { statusListCredential: LIST_URL, statusListIndex: 94_568 },
    });
    expect(await isRevoked(other, after, jwks)).toBe(false);

    // a list altered by one byte, another issuer's list, or another list URL is refused
    await expect(isRevoked(jws, flipByte(after, 1, 30), jwks)).rejects.toMatchObject({
      code: 'INVALID_SIGNATURE',
    });
    const bureauList = await issueStatusListCredential(list, bureauKey, { id: LIST_URL });
    await expect(isRevoked(jws, bureauList, jwks)).rejects.toMatchObject({ code: 'STATUS_LIST_MISMATCH' });
    const elsewhere = await issueStatusListCredential(list, agencyKey, { id: `${AGENCY}/status/2` });
    await expect(isRevoked(jws, elsewhere, jwks)).rejects.toMatchObject({ code: 'STATUS_LIST_MISMATCH' });
  });
});

describe('issuer keys at rest', () => {
  const secret = 'a-32-byte-or-longer-secret-from-config!!';

  it('seal and open give back the same key; a wrong secret or another issuer does not open it', async () => {
    const sealed = await sealIssuerKey(agencyKey, secret);
    expect(sealed.split('.')).toHaveLength(5); // compact JWE
    expect(sealed).not.toContain(agencyKey.privateJwk.d);
    const opened = await openIssuerKey(sealed, AGENCY, secret);
    expect(opened.privateJwk).toEqual(agencyKey.privateJwk);
    // the opened key signs credentials that verify against the published set
    const again = await issueCredential(facts, opened, { id: verifyUrl(facts.number) });
    expect((await verifyCredential(again, jwks)).facts.number).toBe(facts.number);

    await expect(openIssuerKey(sealed, AGENCY, secret + 'x')).rejects.toMatchObject({ code: 'INVALID_KEY' });
    await expect(openIssuerKey(sealed, BUREAU, secret)).rejects.toMatchObject({ code: 'INVALID_KEY' });
    await expect(sealIssuerKey(agencyKey, 'short')).rejects.toMatchObject({ code: 'INVALID_KEY' });
  });
});

describe('loadOrCreateIssuerKey', () => {
  it('makes one key per issuer however many callers race for the first one', async () => {
    const rows = new Map<string, { sealed: string; kid: string }>();
    const store: IssuerKeyStore = {
      current: async (issuerId) => rows.get(issuerId) ?? null,
      insert: async (row) => {
        await new Promise((r) => setTimeout(r, 5)); // let the racers interleave
        if (rows.has(row.issuerId)) return false; // the unique constraint
        rows.set(row.issuerId, { sealed: row.sealed, kid: row.kid });
        return true;
      },
    };
    const secret = 'x'.repeat(32);
    const keys = await Promise.all(
      Array.from({ length: 8 }, () => loadOrCreateIssuerKey(store, AGENCY, secret)),
    );
    expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
    expect(keys[0]!.kid).toBe(rows.get(AGENCY)!.kid);
    const later = await loadOrCreateIssuerKey(store, AGENCY, secret);
    expect(later.privateJwk).toEqual(keys[0]!.privateJwk);
    expect((await loadOrCreateIssuerKey(store, BUREAU, secret)).kid).not.toBe(later.kid);
  });
});
