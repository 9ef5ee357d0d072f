// The certificate's PDF and verifiable credential served by the subgraph (ADR 0017), over real HTTP, with the real
// catalogue process for the occupation names, on PGlite and PostgreSQL. The certificates are rows of this service's
// own tables (issuance has its own tests). A downloaded credential verifies with jose against the JWKS the service
// publishes, fails after one byte changes, and shows revoked in the status list after the city revokes it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRevoked, verifyCredential, type Jwks } from '@skills/credentials';
import { pdfText } from '@skills/documents/testing';
import {
  demoAccountId,
  demoCollege,
  formatCertificateNumber,
  idNumberCheckChar,
  issuerCode,
  Role,
  type Grant,
} from '@skills/domain';
import { CLAIMS_HEADER, freePort, signClaims } from '@skills/service-kit';
import {
  createTestDatabase,
  ServiceProcesses,
  testDatabaseKinds,
  type TestDatabase,
} from '@skills/service-kit/testing';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { startCertificates, type CertificatesService } from './server.js';

const SECRET = 'certificates-credentials-test-secret-0123456789';
const PUBLIC = 'https://skills.quanzhou.example.cn';
const kinds = await testDatabaseKinds();
const processes = new ServiceProcesses();
const liming = demoCollege('黎明职业大学');
const HOLDER = demoAccountId('candidate.demo');
const as = (id: string, ...grants: Grant[]) => signClaims({ kind: 'user', id, grants }, SECRET, 3600);
const tokens: Record<string, string> = {};
let catalogueUrl: string;

const AGENCY_CODE = issuerCode('350503', 1);
const BUREAU_CODE = issuerCode('350500', 0);
const year = new Date().getFullYear();
const SKILL = formatCertificateNumber({
  kind: 'SKILL_LEVEL',
  issuer: AGENCY_CODE,
  year,
  level: 4,
  sequence: 1,
});
const SPECIAL = formatCertificateNumber({
  kind: 'SPECIAL_ABILITY',
  issuer: BUREAU_CODE,
  year,
  level: null,
  sequence: 1,
});
const ID = '35050319990101123' + idNumberCheckChar('35050319990101123');

beforeAll(async () => {
  Object.assign(tokens, {
    holder: await as(HOLDER, { role: Role.CANDIDATE }),
    other: await as('5b0c43f6-9f5e-4e57-9a39-0d0b7e0c1a99', { role: Role.CANDIDATE }),
    liming: await as('u-liming', { role: Role.AGENCY_STAFF, orgCode: liming.creditCode }),
    quanzhou: await as('u-quanzhou', { role: Role.CITY_HR, regionCode: '350500' }),
    fuzhou: await as('u-fuzhou', { role: Role.CITY_HR, regionCode: '350100' }),
  });
  catalogueUrl = await processes.start('@skills/catalogue', { CLAIMS_SECRET: SECRET });
}, 180_000);
afterAll(() => processes.stop());

describe.each(kinds)('certificate PDF and credential on %s', (kind) => {
  let db: TestDatabase | undefined;
  let svc: CertificatesService;
  let base: string;
  const gql = async (who: string, query: string, variables: object = {}) => {
    const res = await fetch(svc.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLAIMS_HEADER]: tokens[who]! },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: any[] };
  };
  /** a public URL of this service's documents, fetched from the service itself (the Ingress's job) */
  const fetchPublic = (url: string) => fetch(url.replace(PUBLIC, base));
  const CREDENTIAL = `query($n: String!) { certificateCredential(number: $n) { number jws mediaType fileName jwksUrl statusListCredential } }`;

  beforeAll(async () => {
    const database =
      kind === 'pglite'
        ? { DATA_DIR: mkdtempSync(join(tmpdir(), 'certificates-vc-')) }
        : { DATABASE_URL: (db = await createTestDatabase(kind, 'certificates')).url };
    svc = await startCertificates(
      readConfig({
        ...database,
        PORT: String(await freePort()),
        CLAIMS_SECRET: SECRET,
        CATALOGUE_GRAPH_URL: catalogueUrl,
        PUBLIC_BASE_URL: PUBLIC,
        CREDENTIAL_KEY_SECRET: 'a-sealing-secret-from-the-kubernetes-secret',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        NODE_ENV: 'test',
      }),
    );
    base = svc.url.replace(/\/graphql$/, '');
    const p = svc.prisma;
    await p.issuer.create({
      data: {
        id: 'agency:liming',
        kind: 'AGENCY',
        code: AGENCY_CODE,
        name: '黎明职业大学职业技能等级评价中心',
        regionCode: '350503',
        agencyId: 'liming-agency',
        institutionCode: liming.creditCode,
      },
    });
    await p.issuer.create({
      data: {
        id: 'bureau:350500',
        kind: 'HR_BUREAU',
        code: BUREAU_CODE,
        name: '泉州市人力资源和社会保障局',
        regionCode: '350500',
      },
    });
    const common = {
      holderName: '王小明',
      idNumber: ID,
      holderAccountId: HOLDER,
      issuedAt: new Date(`${year}-03-02T02:00:00Z`),
    };
    await p.certificate.create({
      data: {
        ...common,
        number: SKILL,
        kind: 'SKILL_LEVEL',
        occupationCode: '6-31-01-03',
        level: 4,
        issuerId: 'agency:liming',
        issuerName: '黎明职业大学职业技能等级评价中心',
        institutionCode: liming.creditCode,
        regionCode: '350503',
      },
    });
    await p.certificate.create({
      data: {
        ...common,
        number: SPECIAL,
        kind: 'SPECIAL_ABILITY',
        occupationCode: 'FJZX-0001',
        issuerId: 'bureau:350500',
        issuerName: '泉州市人力资源和社会保障局',
        regionCode: '350526',
      },
    });
  }, 180_000);
  afterAll(async () => {
    await svc?.close();
    await db?.drop();
  });

  it('gives the holder a vc+jwt that jose verifies with the published JWKS alone, and not after one byte changes', async () => {
    const r = await gql('holder', CREDENTIAL, { n: SKILL });
    expect(r.errors).toBeUndefined();
    const vc = r.data.certificateCredential;
    expect(vc).toMatchObject({
      number: SKILL,
      mediaType: 'application/vc+jwt',
      jwksUrl: `${PUBLIC}/credentials/jwks.json`,
    });
    expect(vc.statusListCredential).toBe(`${PUBLIC}/credentials/status/${AGENCY_CODE}-1`);

    const jwksRes = await fetchPublic(vc.jwksUrl);
    expect(jwksRes.headers.get('content-type')).toBe('application/jwk-set+json');
    const jwks = (await jwksRes.json()) as Jwks;
    expect(JSON.stringify(jwks)).not.toContain('"d"');
    const { payload, protectedHeader } = await jwtVerify(vc.jws, createLocalJWKSet(jwks), { typ: 'vc+jwt' });
    expect(protectedHeader.kid!.startsWith(`${PUBLIC}/credentials/issuers/${AGENCY_CODE}#`)).toBe(true);
    expect(payload.id).toBe(`${PUBLIC}/public/verify?number=${SKILL}`);
    const { facts } = await verifyCredential(vc.jws, jwks);
    expect(facts).toEqual({
      kind: 'SKILL_LEVEL',
      number: SKILL,
      holderName: '王小明',
      holderIdNumberMasked: '3505**********' + ID.slice(-4),
      occupation: { code: '6-31-01-03', name: '电工' }, // the name from the catalogue
      level: 4,
      issuer: {
        id: `${PUBLIC}/credentials/issuers/${AGENCY_CODE}`,
        name: '黎明职业大学职业技能等级评价中心',
      },
      issuedOn: `${year}-03-02`,
    });
    expect(vc.jws).not.toContain(ID);

    const [h, p, s] = vc.jws.split('.');
    const bytes = Buffer.from(p, 'base64url');
    bytes[10] = bytes[10]! ^ 1;
    await expect(
      jwtVerify(`${h}.${bytes.toString('base64url')}.${s}`, createLocalJWKSet(jwks)),
    ).rejects.toThrow();
    await expect(verifyCredential(`${h}.${p}.${s.slice(0, -2)}AA`, jwks)).rejects.toMatchObject({
      code: 'INVALID_SIGNATURE',
    });

    // a second download is the same credential, with the same place in the status list
    expect((await gql('holder', CREDENTIAL, { n: SKILL })).data.certificateCredential.jws).toBe(vc.jws);
    const row = await svc.prisma.certificate.findUniqueOrThrow({ where: { number: SKILL } });
    expect(row.statusList).toBe(`${AGENCY_CODE}-1`);
    expect(row.statusListIndex).toBeGreaterThanOrEqual(0);
    // the key at rest is sealed
    const key = await svc.prisma.issuerSigningKey.findFirstOrThrow({
      where: { issuerId: `${PUBLIC}/credentials/issuers/${AGENCY_CODE}` },
    });
    expect(key.sealedKey.split('.')).toHaveLength(5);
    expect(key.publicJwk).not.toHaveProperty('d');
  });

  it('gives it to the issuer side, and to nobody else', async () => {
    expect((await gql('liming', CREDENTIAL, { n: SKILL })).data.certificateCredential.number).toBe(SKILL);
    expect((await gql('quanzhou', CREDENTIAL, { n: SPECIAL })).data.certificateCredential.number).toBe(
      SPECIAL,
    );
    for (const who of ['other', 'fuzhou']) {
      const r = await gql(who, CREDENTIAL, { n: SKILL });
      expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect((await gql('liming', CREDENTIAL, { n: SPECIAL })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const bad = await gql('holder', CREDENTIAL, { n: 'S123' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('prints the PDF with the fields and the verification URL', async () => {
    const r = await gql(
      'holder',
      `query($n: String!) { certificatePdf(number: $n) { fileName contentType base64 } }`,
      { n: SKILL },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.certificatePdf).toMatchObject({
      fileName: `证书-${SKILL}.pdf`,
      contentType: 'application/pdf',
    });
    const text = await pdfText(Buffer.from(r.data.certificatePdf.base64, 'base64'));
    for (const s of [
      '职业技能等级证书',
      '王小明',
      '电工',
      '四级/中级工',
      SKILL,
      `${PUBLIC}/public/verify?number=${SKILL}`,
    ])
      expect(text).toContain(s);
    expect(text).not.toContain(ID);
  }, 60_000);

  it('shows the credential revoked in the status list once the city revokes the certificate', async () => {
    const { jws, statusListCredential } = (await gql('holder', CREDENTIAL, { n: SKILL })).data
      .certificateCredential;
    const jwks = (await (await fetchPublic(`${PUBLIC}/credentials/jwks.json`)).json()) as Jwks;
    const before = await fetchPublic(statusListCredential);
    expect(before.headers.get('content-type')).toBe('application/vc+jwt');
    expect(await isRevoked(jws, await before.text(), jwks)).toBe(false);
    // the 专项 credential of the same holder is in the bureau's list, signed with the bureau's key
    const special = (await gql('holder', CREDENTIAL, { n: SPECIAL })).data.certificateCredential;
    expect(special.statusListCredential).toBe(`${PUBLIC}/credentials/status/${BUREAU_CODE}-1`);

    const revoked = await gql(
      'quanzhou',
      `mutation($n: String!) { revokeCertificate(number: $n, reason: "弄虚作假取得证书") { status } }`,
      { n: SKILL },
    );
    expect(revoked.data?.revokeCertificate.status).toBe('REVOKED');
    const after = await (await fetchPublic(statusListCredential)).text();
    expect(await isRevoked(jws, after, jwks)).toBe(true);
    expect(
      await isRevoked(special.jws, await (await fetchPublic(special.statusListCredential)).text(), jwks),
    ).toBe(false);

    // no new printout of a revoked certificate; the credential is still given (its list says revoked)
    const pdf = await gql('holder', `query($n: String!) { certificatePdf(number: $n) { base64 } }`, {
      n: SKILL,
    });
    expect(pdf.errors?.[0]?.extensions?.code).toBe('CERTIFICATE_REVOKED');
    expect((await gql('holder', CREDENTIAL, { n: SKILL })).data.certificateCredential.jws).toBe(jws);
    expect((await fetchPublic(`${PUBLIC}/credentials/status/${AGENCY_CODE}-9`)).status).toBe(404);
  });
});
