// The certificates subgraph over real HTTP with its real neighbours: catalogue, agencies and assessment run as
// their own processes (their demo data), final results are made through assessment's own API (scores, 公示,
// 确认), and this service asks them for results and filings with its signed service claims. PGlite (data dir,
// as npm start) and PostgreSQL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  demoAccountId,
  demoAgencyId,
  demoCollege,
  idNumberCheckChar,
  parseCertificateNumber,
  Role,
  type Grant,
} from '@skills/domain';
import { ANONYMOUS, CLAIMS_HEADER, CLIENT_ADDRESS_HEADER, freePort, signClaims } from '@skills/service-kit';
import {
  createTestDatabase,
  ServiceProcesses,
  testDatabaseKinds,
  type TestDatabase,
} from '@skills/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { startCertificates, type CertificatesService } from './server.js';

const SECRET = 'certificates-test-claims-secret-0123456789';
const kinds = await testDatabaseKinds();
const processes = new ServiceProcesses();

const liming = demoCollege('黎明职业大学'); // 高职, 丰泽区 350503; its 职业技能等级评价机构 is filed for 6-31-01-03 [4,3]
const gongyi = demoCollege('泉州工艺美术职业学院'); // 德化县 350526; a filed 职业技能考核鉴定机构 (FJZX-0001, FJZX-0002)
const fangzhi = demoCollege('泉州纺织服装职业学院');
const APPRAISAL_AGENCY_ID = demoAgencyId(gongyi.creditCode, 'APPRAISAL_AGENCY');
const CANDIDATE_ACCOUNT = demoAccountId('candidate.demo'); // 王小明, a social candidate in the assessment demo
const as = (id: string, ...grants: Grant[]) => signClaims({ kind: 'user', id, grants }, SECRET, 3600);
const idOf = (first17: string) => first17 + idNumberCheckChar(first17);
type Answer = { data?: any; errors?: any[] };

async function call(url: string, token: string, query: string, variables: object = {}, client?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [CLAIMS_HEADER]: token,
      ...(client ? { [CLIENT_ADDRESS_HEADER]: client } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Answer;
}
const codeOf = (r: Answer) => r.errors?.[0]?.extensions?.code;
const ok = (r: Answer) => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
};

const tokens: Record<string, string> = {};
let assessmentUrl: string;
let agenciesUrl: string;
/** final results made in assessment: the electricians (4 passed, 1 failed) and a 专项 result of 王小明 */
const results = { passed: [] as string[], failed: '' as string, special: '' as string };
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** Runs a plan of assessment to final results: sessions staffed, scores, 公示 (0 days here), 确认. */
async function finalize(who: string, planId: string, scores: { registrationId: string; pass: boolean }[]) {
  const a = (q: string, v: object) => call(assessmentUrl, tokens[who]!, q, v).then(ok);
  const SESSION = `mutation($p: ID!, $k: AssessmentSessionKind!, $n: String!) {
    addAssessmentSession(planId: $p, kind: $k, name: $n, site: "实训楼 A101", startsAt: "${future(30)}",
      endsAt: "${future(30.2)}") { id } }`;
  const STAFF = `mutation($s: ID!, $n: String!, $id: String!) {
    assignSessionStaff(sessionId: $s, role: ASSESSOR, name: $n, idNumber: $id) { id } }`;
  const theory = (await a(SESSION, { p: planId, k: 'THEORY', n: '理论考场' })).addAssessmentSession.id;
  const practical = (await a(SESSION, { p: planId, k: 'PRACTICAL', n: '实操考站' })).addAssessmentSession.id;
  for (const [s, n, i] of [
    [theory, '监考甲', 1],
    [theory, '监考乙', 2],
    [practical, '考评员甲', 3],
    [practical, '考评员乙', 4],
    [practical, '考评员丙', 5],
  ] as const)
    await a(STAFF, { s, n, id: idOf(`3505031975010100${i}`) });
  for (const s of scores)
    await a(
      `mutation($r: ID!, $t: Float, $p: Float) { recordScore(registrationId: $r, theory: $t, practical: $p, reason: "录入") { id } }`,
      { r: s.registrationId, t: s.pass ? 82 : 45, p: s.pass ? 88 : 50 },
    );
  await a(`mutation($p: ID!) { publishResults(planId: $p) { status } }`, { p: planId });
  const done = (
    await a(`mutation($p: ID!) { finalizeResults(planId: $p) { finalized heldBack } }`, { p: planId })
  ).finalizeResults;
  expect(done.heldBack).toBe(0);
  const list = await a(
    `query($p: ID!) { assessmentPlan(id: $p) { finalResults { edges { node { id passed registration { id } } } } } }`,
    { p: planId },
  );
  return list.assessmentPlan.finalResults.edges.map((e: any) => e.node) as {
    id: string;
    passed: boolean;
    registration: { id: string };
  }[];
}

beforeAll(async () => {
  Object.assign(tokens, {
    anonymous: await signClaims(ANONYMOUS, SECRET, 3600),
    liming: await as('u-liming', { role: Role.AGENCY_STAFF, orgCode: liming.creditCode }),
    gongyi: await as('u-gongyi', { role: Role.AGENCY_STAFF, orgCode: gongyi.creditCode }),
    fangzhi: await as('u-fangzhi', { role: Role.COLLEGE_ADMIN, orgCode: fangzhi.creditCode }),
    fengze: await as('u-fengze', { role: Role.COUNTY_HR, regionCode: '350503' }),
    quanzhou: await as('u-quanzhou', { role: Role.CITY_HR, regionCode: '350500' }),
    fuzhou: await as('u-fuzhou', { role: Role.CITY_HR, regionCode: '350100' }),
    candidate: await as(CANDIDATE_ACCOUNT, { role: Role.CANDIDATE }),
    otherCandidate: await as('5b0c43f6-9f5e-4e57-9a39-0d0b7e0c1a99', { role: Role.CANDIDATE }),
  });
  const catalogueUrl = await processes.start('@skills/catalogue', { CLAIMS_SECRET: SECRET });
  agenciesUrl = await processes.start('@skills/agencies', {
    CLAIMS_SECRET: SECRET,
    DEMO_DATA: 'true',
    CATALOGUE_GRAPH_URL: catalogueUrl,
  });
  assessmentUrl = await processes.start('@skills/assessment', {
    CLAIMS_SECRET: SECRET,
    DEMO_DATA: 'true',
    AGENCIES_GRAPH_URL: agenciesUrl,
    PUBLICATION_WORKING_DAYS: '0',
  });
  // 职业技能等级认定: the demo's 电工 三级 plan of 黎明职业大学 with its 5 registered students (one fails)
  const open = ok(
    await call(
      assessmentUrl,
      tokens.liming!,
      `{ openAssessmentPlans { edges { node { id occupationCode registrations { edges { node { id } } } } } } }`,
    ),
  ).openAssessmentPlans.edges.map((e: any) => e.node);
  const electricians = open.find((p: any) => p.occupationCode === '6-31-01-03');
  const regs: string[] = electricians.registrations.edges.map((e: any) => e.node.id);
  const finals = await finalize(
    'liming',
    electricians.id,
    regs.map((r, i) => ({ registrationId: r, pass: i !== 2 })),
  );
  results.passed = finals.filter((r) => r.passed).map((r) => r.id);
  results.failed = finals.find((r) => !r.passed)!.id;
  // 专项职业能力考核: a plan of 泉州工艺美术职业学院's 考核鉴定机构, 王小明 registers himself and passes
  const special = ok(
    await call(
      assessmentUrl,
      tokens.gongyi!,
      `mutation($a: ID!) { createAssessmentPlan(agencyId: $a, kind: SPECIAL_ABILITY, occupationCode: "FJZX-0001",
        title: "德化陶瓷手工成型 专项考核", assessmentDate: "${future(30)}", registrationClosesAt: "${future(20)}",
        sites: ["陶瓷实训中心"], capacity: 30) { id } }`,
      { a: APPRAISAL_AGENCY_ID },
    ),
  ).createAssessmentPlan.id;
  const reg = ok(
    await call(assessmentUrl, tokens.candidate!, `mutation($p: ID!) { registerForPlan(planId: $p) { id } }`, {
      p: special,
    }),
  ).registerForPlan.id;
  results.special = (await finalize('gongyi', special, [{ registrationId: reg, pass: true }]))[0]!.id;
}, 300_000);
afterAll(() => processes.stop());

const CERT = `number kind status holderName idNumber level issuerName issuerKind issuerCode agencyId resultId
  theory practical institutionCode regionCode`;
const ISSUE = `mutation($r: [ID!]!, $k: String) { issueCertificates(resultIds: $r, requestKey: $k) {
  issued { ${CERT} } existing { number resultId } refused { resultId code message } } }`;
const VERIFY = `query($n: String!, $name: String, $id: String) { verifyCertificate(number: $n, name: $name, idNumber: $id) {
  number kind holderName idNumber occupationCode level issuerName issuedOn status statusName revokedOn } }`;

describe.each(kinds)('certificates subgraph on %s', (kind) => {
  let db: TestDatabase | undefined;
  let svc: CertificatesService;
  let client = 0;
  /** each call its own client address, unless the test names one (the verification limiter counts per address) */
  const gql = (who: string, query: string, variables: object = {}, from?: string) =>
    call(svc.url, tokens[who]!, query, variables, from ?? `10.0.0.${++client % 250}`);
  const issued = new Map<string, any>();

  beforeAll(async () => {
    const database =
      kind === 'pglite'
        ? { DATA_DIR: mkdtempSync(join(tmpdir(), 'certificates-')) }
        : { DATABASE_URL: (db = await createTestDatabase(kind, 'certificates')).url };
    svc = await startCertificates(
      readConfig({
        ...database,
        PORT: String(await freePort()),
        CLAIMS_SECRET: SECRET,
        ASSESSMENT_GRAPH_URL: assessmentUrl,
        AGENCIES_GRAPH_URL: agenciesUrl,
        VERIFY_RATE_LIMIT: '20',
        VERIFY_RATE_WINDOW_SECONDS: '60',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        NODE_ENV: 'test',
      }),
    );
  }, 180_000);
  afterAll(async () => {
    await svc?.close();
    await db?.drop();
  });

  it('serves nothing without the gateway claims', async () => {
    const res = await fetch(svc.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ myCertificates { number } }' }),
    });
    expect(res.status).toBe(401);
  });

  it('lets only the right issuer issue: the agency’s college for 等级, the city HR bureau for 专项', async () => {
    const all = [...results.passed, results.special];
    // 谁评价、谁发证: a county bureau issues no kind of certificate; another college, another city's bureau and
    // the 专项 agency's own college issue nothing here
    expect(codeOf(await gql('fengze', ISSUE, { r: all }))).toBe('FORBIDDEN');
    for (const who of ['fangzhi', 'fuzhou']) {
      const out = ok(await gql(who, ISSUE, { r: all })).issueCertificates;
      expect(out.issued).toEqual([]);
      expect(new Set(out.refused.map((r: any) => r.code))).toEqual(new Set(['ISSUER_NOT_ALLOWED']));
    }
    const own = ok(await gql('gongyi', ISSUE, { r: [results.special] })).issueCertificates;
    expect(own.refused).toEqual([
      {
        resultId: results.special,
        code: 'ISSUER_NOT_ALLOWED',
        message: '专项职业能力证书由人力资源社会保障部门颁发（谁评价、谁发证、谁负责），当前用户不能颁发',
      },
    ]);
    // a failed result is not issued, and says why in Chinese
    const failed = ok(await gql('liming', ISSUE, { r: [results.failed] })).issueCertificates;
    expect(failed.refused[0]).toMatchObject({
      code: 'RESULT_NOT_ISSUABLE',
      message: expect.stringMatching(/不合格/),
    });
    expect(failed.issued).toEqual([]);
    expect(await svc.prisma.certificate.count()).toBe(0);
  });

  it(`issues each certificate exactly once under ${kind === 'postgres' ? 100 : 20} concurrent commands; numbers gapless per issuer and year`, async () => {
    const n = kind === 'postgres' ? 100 : 20;
    const calls = Array.from({ length: n }, (_, i) =>
      i % 4 === 3
        ? gql('quanzhou', ISSUE, { r: [results.special], k: `bureau-${i}` })
        : gql('liming', ISSUE, { r: [...results.passed].reverse(), k: i % 2 ? 'same-key' : `key-${i}` }),
    );
    const answers = await Promise.all(calls);
    for (const a of answers) expect(a.errors).toBeUndefined();
    const created = answers.flatMap((a) => a.data.issueCertificates.issued);
    expect(created).toHaveLength(results.passed.length + 1);
    const rows = await svc.prisma.certificate.findMany({ orderBy: { number: 'asc' } });
    expect(rows.map((r) => r.resultId).sort()).toEqual([...results.passed, results.special].sort());
    // every answer names the same certificate for a result, whether it issued it or found it
    for (const a of answers) {
      const out = a.data.issueCertificates;
      for (const c of [...out.issued, ...out.existing])
        expect(rows.find((r) => r.resultId === c.resultId)!.number).toBe(c.number);
    }
    const byIssuer = new Map<string, number[]>();
    for (const r of rows) {
      const p = parseCertificateNumber(r.number)!;
      expect(p).not.toBeNull();
      byIssuer.set(`${p.issuer}-${p.yy}`, [...(byIssuer.get(`${p.issuer}-${p.yy}`) ?? []), p.sequence]);
    }
    const sequences = [...byIssuer.values()].map((s) => s.sort((a, b) => a - b));
    expect(sequences).toEqual(expect.arrayContaining([[1, 2, 3, 4], [1]]));
    expect(sequences).toHaveLength(2);
    for (const c of created) issued.set(c.resultId, c);
  }, 120_000);

  it('fills the certificate from the result, the candidate and the filing; the ID number masked', async () => {
    const skill = issued.get(results.passed[0]!);
    expect(skill).toMatchObject({
      kind: 'SKILL_LEVEL',
      status: 'VALID',
      level: 'LEVEL_3',
      issuerKind: 'AGENCY',
      agencyId: demoAgencyId(liming.creditCode, 'SKILL_LEVEL_AGENCY'),
      institutionCode: liming.creditCode,
      regionCode: '350503',
      theory: 82,
      practical: 88,
    });
    expect(skill.issuerName).toMatch(/黎明职业大学/);
    expect(skill.number).toMatch(new RegExp(`^S${skill.issuerCode}\\d{2}3\\d{6}[0-9A-Z]$`));
    expect(skill.issuerCode).toBe('3505030001');
    expect(skill.idNumber).toMatch(/^3505\*{10}\d{3}[\dX]$/);
    const special = issued.get(results.special);
    expect(special).toMatchObject({
      kind: 'SPECIAL_ABILITY',
      level: null,
      issuerKind: 'HR_BUREAU',
      issuerName: '泉州市人力资源和社会保障局',
      issuerCode: '3505000000',
      holderName: '王小明',
      regionCode: '350526',
    });
    expect(special.number).toMatch(/^Z3505000000\d{2}0000001[0-9A-Z]$/);
    // the history starts with the issuance; the unmasked ID number only to the region's HR, audited
    const q = `query($n: String!) { certificate(number: $n) { number events { type actorId }
      idNumberUnmasked(reason: "核查证书") } }`;
    const seen = ok(await gql('quanzhou', q, { n: special.number })).certificate;
    expect(seen.events).toEqual([{ type: 'ISSUED', actorId: 'u-quanzhou' }]);
    expect(seen.idNumberUnmasked).toBe(idOf('35058220050312123'));
    expect(
      await svc.prisma.auditLog.count({ where: { action: 'pii.id_number.read', subject: special.number } }),
    ).toBe(1);
    expect(codeOf(await gql('liming', q, { n: skill.number }))).toBe('FORBIDDEN');
  });

  it('answers repeated commands with the same certificates, never new ones', async () => {
    const again = ok(await gql('liming', ISSUE, { r: results.passed, k: 'same-key' })).issueCertificates;
    expect(again.issued).toEqual([]);
    expect(again.existing.map((c: any) => c.number).sort()).toEqual(
      results.passed.map((r) => issued.get(r).number).sort(),
    );
    expect(await svc.prisma.certificate.count()).toBe(results.passed.length + 1);
  });

  it('lists certificates by role: the holder, the college, the region; nobody else', async () => {
    const mine = ok(await gql('candidate', `{ myCertificates { number holderName } }`)).myCertificates;
    expect(mine).toEqual([{ number: issued.get(results.special).number, holderName: '王小明' }]);
    expect(ok(await gql('otherCandidate', `{ myCertificates { number } }`)).myCertificates).toEqual([]);
    const LIST = `query($f: CertificateFilter) { certificates(filter: $f) { totalCount edges { node { number kind } } } }`;
    expect(ok(await gql('liming', LIST)).certificates.totalCount).toBe(4);
    expect(ok(await gql('fangzhi', LIST)).certificates.totalCount).toBe(0);
    expect(ok(await gql('fengze', LIST)).certificates.totalCount).toBe(4); // 丰泽区: 黎明's agency
    expect(ok(await gql('quanzhou', LIST)).certificates.totalCount).toBe(5);
    expect(ok(await gql('quanzhou', LIST, { f: { kind: 'SPECIAL_ABILITY' } })).certificates.totalCount).toBe(
      1,
    );
    expect(ok(await gql('fuzhou', LIST)).certificates.totalCount).toBe(0);
    expect(codeOf(await gql('candidate', LIST))).toBe('FORBIDDEN');
    // 应届毕业生 of 黎明 (class of 2026) holding a certificate
    const grads = `{ graduateCertificateHolders(institutionCode: "${liming.creditCode}", graduationYear: 2026) { holders certificates } }`;
    expect(ok(await gql('liming', grads)).graduateCertificateHolders).toEqual({
      holders: 4,
      certificates: 4,
    });
    expect(codeOf(await gql('fangzhi', grads))).toBe('FORBIDDEN');
    // the final result shows its certificate to who may see it
    const ENT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on FinalResult { certificate { number } } } }`;
    const rep = { r: [{ __typename: 'FinalResult', id: results.passed[0] }] };
    expect(ok(await gql('liming', ENT, rep))._entities[0].certificate.number).toBe(
      issued.get(results.passed[0]!).number,
    );
    expect(ok(await gql('fangzhi', ENT, rep))._entities[0].certificate).toBeNull();
  });

  it('verifies by number and name (or ID number) for anyone; a wrong name learns nothing', async () => {
    const c = issued.get(results.special);
    const answer = await gql('anonymous', VERIFY, { n: c.number.toLowerCase(), name: ' 王 小明 ' });
    expect(ok(answer).verifyCertificate).toMatchObject({
      number: c.number,
      kind: 'SPECIAL_ABILITY',
      holderName: '王小明',
      idNumber: '3505**********123' + idOf('35058220050312123').slice(-1),
      occupationCode: 'FJZX-0001',
      level: null,
      issuerName: '泉州市人力资源和社会保障局',
      status: 'VALID',
      revokedOn: null,
    });
    expect(JSON.stringify(answer)).not.toContain(idOf('35058220050312123'));
    const byId = await gql('anonymous', VERIFY, { n: c.number, id: idOf('35058220050312123') });
    expect(ok(byId).verifyCertificate.holderName).toBe('王小明');
    // wrong name, wrong ID number, unknown (well-formed) number: the same empty answer
    const unknown = c.number.slice(0, 14) + '999999';
    const wrong = await Promise.all([
      gql('anonymous', VERIFY, { n: c.number, name: '王小名' }),
      gql('anonymous', VERIFY, { n: c.number, id: idOf('35058220050312124') }),
      gql('anonymous', VERIFY, { n: unknown + (await checkChar(unknown)), name: '王小明' }),
    ]);
    for (const w of wrong) expect(w).toEqual({ data: { verifyCertificate: null } });
    // a malformed number, or neither name nor ID number, is bad input (in Chinese)
    expect(
      (await gql('anonymous', VERIFY, { n: c.number.slice(0, -1) + '#', name: '王小明' })).errors?.[0],
    ).toMatchObject({
      message: '证书编号不正确，请核对',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(codeOf(await gql('anonymous', VERIFY, { n: c.number }))).toBe('BAD_USER_INPUT');
  });

  it('limits lookups per client address: RATE_LIMITED in Chinese, other clients unaffected', async () => {
    const c = issued.get(results.passed[1]!);
    const v = { n: c.number, name: '张三' };
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push(await gql('anonymous', VERIFY, v, '192.0.2.7'));
    expect(answers.slice(0, 20).every((a) => !a.errors)).toBe(true);
    expect(answers[20]!.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^查询过于频繁，请 \d+ 秒后再试$/),
      extensions: { code: 'RATE_LIMITED' },
    });
    expect((await gql('anonymous', VERIFY, v, '192.0.2.8')).errors).toBeUndefined();
  });

  it('revokes: the agency asks, the region’s HR bureau decides; the number stays and shows revoked', async () => {
    const c = issued.get(results.passed[1]!);
    const holder = (await svc.prisma.certificate.findUniqueOrThrow({ where: { number: c.number } }))
      .holderName;
    const ASK = `mutation($n: String!) { requestCertificateRevocation(number: $n, reason: "发现实操成绩登记错误") { id status } }`;
    expect(codeOf(await gql('fangzhi', ASK, { n: c.number }))).toBe('NOT_FOUND');
    const request = ok(await gql('liming', ASK, { n: c.number })).requestCertificateRevocation;
    expect(ok(await gql('liming', ASK, { n: c.number })).requestCertificateRevocation.id).toBe(request.id);
    const DECIDE = `mutation($r: ID!, $a: Boolean!) { decideCertificateRevocation(requestId: $r, approve: $a,
      decision: "经核实，同意撤销") { status certificate { number status revokedBy revocationReason
      events { type } } } }`;
    expect(codeOf(await gql('fuzhou', DECIDE, { r: request.id, a: true }))).toBe('FORBIDDEN');
    expect(codeOf(await gql('liming', DECIDE, { r: request.id, a: true }))).toBe('FORBIDDEN');
    const decided = ok(await gql('fengze', DECIDE, { r: request.id, a: true })).decideCertificateRevocation;
    expect(decided).toEqual({
      status: 'APPROVED',
      certificate: {
        number: c.number,
        status: 'REVOKED',
        revokedBy: 'u-fengze',
        revocationReason: '发现实操成绩登记错误',
        events: [{ type: 'ISSUED' }, { type: 'REVOCATION_REQUESTED' }, { type: 'REVOKED' }],
      },
    });
    expect(codeOf(await gql('fengze', DECIDE, { r: request.id, a: false }))).toBe('REVOCATION_WRONG_STATE');
    const shown = ok(await gql('anonymous', VERIFY, { n: c.number, name: holder })).verifyCertificate;
    expect(shown).toMatchObject({ number: c.number, status: 'REVOKED', statusName: '已撤销' });
    expect(shown.revokedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // the bureau revokes directly too; a revoked certificate stays revoked, its result gets no new number
    const REVOKE = `mutation($n: String!) { revokeCertificate(number: $n, reason: "持证人以欺骗手段取得") { status revokedBy } }`;
    const other = issued.get(results.passed[2]!);
    expect(codeOf(await gql('fuzhou', REVOKE, { n: other.number }))).toBe('FORBIDDEN');
    expect(ok(await gql('quanzhou', REVOKE, { n: other.number })).revokeCertificate).toEqual({
      status: 'REVOKED',
      revokedBy: 'u-quanzhou',
    });
    expect(ok(await gql('fengze', REVOKE, { n: other.number })).revokeCertificate.revokedBy).toBe(
      'u-quanzhou',
    );
    const again = ok(await gql('liming', ISSUE, { r: [results.passed[2]] })).issueCertificates;
    expect(again).toMatchObject({ issued: [], existing: [{ number: other.number }] });
    expect(await svc.prisma.auditLog.count({ where: { action: 'certificate.revoked' } })).toBe(2);
    // 应届毕业生 holding a valid certificate: two left
    const grads = `{ graduateCertificateHolders(institutionCode: "${liming.creditCode}", graduationYear: 2026) { holders } }`;
    expect(ok(await gql('liming', grads)).graduateCertificateHolders.holders).toBe(2);
  });
});

/** The check character of a 20-character number body (the domain's, for building an unknown valid number). */
async function checkChar(body: string) {
  const { mod3736CheckChar } = await import('@skills/domain');
  return mod3736CheckChar(body);
}
