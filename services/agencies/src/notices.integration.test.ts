// The notices' rules (issue 17, items 1–10) through the agencies subgraph over real HTTP, with the real
// catalogue as its own process, on PGlite and PostgreSQL. Each case drives the workflow as the bureaus and
// colleges would, on colleges of its own so that the cases do not lean on one another.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDemoCreditCode, Role, type Grant, type SchoolType } from '@skills/domain';
import { ANONYMOUS, CLAIMS_HEADER, signClaims } from '@skills/service-kit';
import {
  createTestDatabase,
  ServiceProcesses,
  testDatabaseKinds,
  type TestDatabase,
} from '@skills/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig, type Config } from './config.js';
import { createAssessmentDirectory } from './assessment-client.js';
import { startAgencies, type AgenciesService } from './server.js';
import { startAssessmentSubgraph } from './testing/assessment-subgraph.js';

const SECRET = 'agencies-notices-claims-secret-0123456789';
const anonymous = await signClaims(ANONYMOUS, SECRET, 3600);
const kinds = await testDatabaseKinds();
const processes = new ServiceProcesses();
let catalogueUrl: string;

beforeAll(async () => {
  catalogueUrl = await processes.start('@skills/catalogue', { CLAIMS_SECRET: SECRET });
}, 180_000);
afterAll(() => processes.stop());

const token = (id: string, ...grants: Grant[]) => signClaims({ kind: 'user', id, grants }, SECRET, 3600);
const codeOf = (r: { errors?: any[] }) => r.errors?.[0]?.extensions?.code;

/** The agencies subgraph on a fresh database of one kind, with the demo data, and helpers to call it. */
export async function startSubgraph(kind: string, extra: Partial<Record<keyof Config, string>> = {}) {
  let db: TestDatabase | undefined;
  // the assessment subgraph the expansion asks for its evaluation count: by default every agency has done plenty
  const assessment = await startAssessmentSubgraph(SECRET);
  assessment.otherwise = 1000;
  const database =
    kind === 'pglite'
      ? { DATA_DIR: mkdtempSync(join(tmpdir(), 'agencies-notices-')) }
      : { DATABASE_URL: (db = await createTestDatabase('postgres', 'agencies_notices')).url };
  const svc: AgenciesService = await startAgencies(
    readConfig({
      ...database,
      PORT: '0',
      CLAIMS_SECRET: SECRET,
      DEMO_DATA: 'true',
      CATALOGUE_GRAPH_URL: catalogueUrl,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      NODE_ENV: 'test',
      ASSESSMENT_URL: assessment.url,
      ...extra,
    }),
  );
  const gql = async (query: string, variables: object = {}, who?: string) => {
    const res = await fetch(svc.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLAIMS_HEADER]: who ?? anonymous },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: any[] };
  };
  let n = 0;
  /** A college of its own for a case, with its admin's token. */
  const college = async (regionCode: string, schoolType: SchoolType, name: string) => {
    const creditCode = makeDemoCreditCode(regionCode, 700_000 + n++);
    await svc.prisma.institution.create({ data: { creditCode, name, schoolType, regionCode } });
    return {
      creditCode,
      admin: await token(`u-${creditCode}`, { role: Role.COLLEGE_ADMIN, orgCode: creditCode }),
    };
  };
  const close = async () => {
    await svc.close();
    await assessment.close().catch(() => undefined);
    await db?.drop();
  };
  return { svc, gql, college, close, assessment };
}

const APPLY = `mutation($i: String!, $k: AgencyKind!, $s: [ScopeItemInput!]!) {
  applyForFiling(institutionCode: $i, kind: $k, scope: $s,
    duties: { designatedUnit: "职业技能评价中心办公室", managementRules: "考务、档案、问题查处和责任追究制度", noOutsourcing: true }) { id status agency { id status } } }`;
const OPINION = `mutation($f: ID!) { giveCountyOpinion(filingId: $f, agree: true, opinion: "同意") { status } }`;
const DECIDE = `mutation($f: ID!) { decideFiling(filingId: $f, decision: APPROVE) {
  status agency { id status filingNumber } } }`;
const SET_POLICY = `mutation($c: String!, $n: Int!, $r: String!) {
  setExpansionPolicy(cityCode: $c, minEvaluations: $n, reason: $r) { cityCode cityName minEvaluations } }`;
const COVERAGE = `query($r: String!) { filingCoverage(regionCode: $r) { vocationalColleges filed ratio } }`;

describe.each(kinds)('the notices’ rules on %s', (kind) => {
  let s: Awaited<ReturnType<typeof startSubgraph>>;
  const t: Record<string, string> = {};
  beforeAll(async () => {
    s = await startSubgraph(kind);
    t.quanzhou = await token('u-qz', { role: Role.CITY_HR, regionCode: '350500' });
    t.jinmen = await token('u-jinmen', { role: Role.COUNTY_HR, regionCode: '350527' });
    t.xiamen = await token('u-xm', { role: Role.CITY_HR, regionCode: '350200' });
    t.siming = await token('u-siming', { role: Role.COUNTY_HR, regionCode: '350203' });
    // Quanzhou's policy for expansion (item 2): 100 evaluations in the current period
    const set = await s.gql(SET_POLICY, { c: '350500', n: 100, r: '按本市评价工作量设定' }, t.quanzhou);
    expect(set.errors).toBeUndefined();
  }, 180_000);
  afterAll(() => s?.close());

  /** Applies, has the county agree and the city approve: the agency it filed. */
  const fileThrough = async (creditCode: string, admin: string, county: string, city = t.quanzhou!) => {
    const applied = await s.gql(
      APPLY,
      { i: creditCode, k: 'SKILL_LEVEL_AGENCY', s: [{ occupationCode: '6-31-01-03', levels: ['LEVEL_4'] }] },
      admin,
    );
    expect(applied.errors).toBeUndefined();
    const f = applied.data.applyForFiling.id;
    expect((await s.gql(OPINION, { f }, county)).errors).toBeUndefined();
    const decided = await s.gql(DECIDE, { f }, city);
    expect(decided.errors).toBeUndefined();
    return decided.data.decideFiling.agency as { id: string; status: string; filingNumber: string };
  };

  describe('item 4: a college whose agency was cancelled files again', () => {
    it('re-files after 注销 and its coverage is back to 100%; the cancelled agency keeps its number', async () => {
      // 金门县 has no other college: the college is the whole of its county's coverage
      const c = await s.college('350527', 'HIGHER_VOCATIONAL', '金门测试职业学院');
      const first = await fileThrough(c.creditCode, c.admin, t.jinmen!);
      expect((await s.gql(COVERAGE, { r: '350527' }, t.quanzhou)).data.filingCoverage.ratio).toBe(1);
      const cancelled = await s.gql(
        `mutation($a: ID!) { changeAgencyStatus(agencyId: $a, status: CANCELLED, reason: "整改不力，予以注销") { status } }`,
        { a: first.id },
        t.quanzhou,
      );
      expect(cancelled.errors).toBeUndefined();
      expect((await s.gql(COVERAGE, { r: '350527' }, t.quanzhou)).data.filingCoverage.ratio).toBe(0);

      const second = await fileThrough(c.creditCode, c.admin, t.jinmen!);
      expect(second.id).not.toBe(first.id);
      expect(second.filingNumber).not.toBe(first.filingNumber);
      expect((await s.gql(COVERAGE, { r: '350527' }, t.quanzhou)).data.filingCoverage).toEqual({
        vocationalColleges: 1,
        filed: 1,
        ratio: 1,
      });
      const old = await s.svc.prisma.agency.findUniqueOrThrow({ where: { id: first.id } });
      expect([old.status, old.filingNumber]).toEqual(['CANCELLED', first.filingNumber]);
      // a live agency still refuses a second one of its kind
      const again = await s.gql(
        APPLY,
        {
          i: c.creditCode,
          k: 'SKILL_LEVEL_AGENCY',
          s: [{ occupationCode: '6-31-01-03', levels: ['LEVEL_4'] }],
        },
        c.admin,
      );
      expect(codeOf(again)).toBe('FILING_ALREADY_OPEN');
    });

    it('a refused or withdrawn application leaves the college free to apply again', async () => {
      const c = await s.college('350527', 'HIGHER_VOCATIONAL', '金门测试职业学院二');
      const scope = [{ occupationCode: '6-31-01-03', levels: ['LEVEL_4'] }];
      const first = await s.gql(APPLY, { i: c.creditCode, k: 'SKILL_LEVEL_AGENCY', s: scope }, c.admin);
      const withdrawn = await s.gql(
        `mutation($f: ID!) { withdrawFiling(filingId: $f, reason: "材料有误") { status } }`,
        { f: first.data.applyForFiling.id },
        c.admin,
      );
      expect(withdrawn.data.withdrawFiling.status).toBe('WITHDRAWN');
      const second = await s.gql(APPLY, { i: c.creditCode, k: 'SKILL_LEVEL_AGENCY', s: scope }, c.admin);
      expect(second.errors).toBeUndefined();
      expect(second.data.applyForFiling.agency.id).toBe(first.data.applyForFiling.agency.id);
    });

    it('a lapsed agency whose college filed anew is not renewed beside the new one', async () => {
      const c = await s.college('350527', 'HIGHER_VOCATIONAL', '金门测试职业学院三');
      const first = await fileThrough(c.creditCode, c.admin, t.jinmen!);
      await s.svc.prisma.agency.update({ where: { id: first.id }, data: { status: 'EXPIRED' } });
      await fileThrough(c.creditCode, c.admin, t.jinmen!);
      const renewal = await s.gql(
        `mutation($a: ID!) { requestRenewal(agencyId: $a) { id } }`,
        { a: first.id },
        c.admin,
      );
      expect(codeOf(renewal)).toBe('FILING_ALREADY_OPEN');
    });
  });

  describe('item 3: each filing period is stored, and 「备案期内」 restarts with a renewal', () => {
    const EXPAND = `mutation($a: ID!) { requestScopeChange(agencyId: $a, scope: [{ occupationCode: "6-31-01-03", levels: [LEVEL_2] }]) { id type } }`;
    it('a violation closed in the previous period no longer blocks expansion after the renewal', async () => {
      const c = await s.college('350527', 'HIGHER_VOCATIONAL', '金门测试职业学院四');
      const agency = await fileThrough(c.creditCode, c.admin, t.jinmen!);
      // the first period began in 2022 and lapsed; a violation was found and rectified in it
      const [from, until] = [new Date('2022-03-01T00:00:00Z'), new Date('2025-03-01T00:00:00Z')];
      await s.svc.prisma.filingPeriod.updateMany({
        where: { agencyId: agency.id },
        data: { validFrom: from, validUntil: until },
      });
      await s.svc.prisma.agency.update({
        where: { id: agency.id },
        data: { validFrom: from, validUntil: until, status: 'EXPIRED' },
      });
      await s.svc.prisma.violation.create({
        data: {
          agencyId: agency.id,
          type: 'RECORDS',
          severity: 'MINOR',
          description: '台账不全',
          foundAt: new Date('2023-05-01T00:00:00Z'),
          foundBy: 'u-qz',
          deadline: new Date('2023-06-01T00:00:00Z'),
          closedAt: new Date('2023-05-20T00:00:00Z'),
          closedBy: 'u-qz',
          closingNote: '已补全',
        },
      });
      const renewal = await s.gql(
        `mutation($a: ID!) { requestRenewal(agencyId: $a) { id } }`,
        { a: agency.id },
        c.admin,
      );
      expect(renewal.errors).toBeUndefined();
      const f = renewal.data.requestRenewal.id;
      expect((await s.gql(OPINION, { f }, t.jinmen)).errors).toBeUndefined();
      expect((await s.gql(DECIDE, { f }, t.quanzhou)).errors).toBeUndefined();
      const periods = await s.gql(
        `query($a: ID!) { agency(id: $a) { status periods { validFrom validUntil reason } } }`,
        { a: agency.id },
      );
      expect(periods.data.agency.status).toBe('FILED');
      const [first, second] = periods.data.agency.periods;
      expect([first.reason, first.validFrom, second.reason]).toEqual([
        'INITIAL',
        from.toISOString(),
        'RENEWAL',
      ]);
      expect(Date.parse(second.validFrom)).toBeGreaterThan(Date.now() - 60_000);
      const expanded = await s.gql(EXPAND, { a: agency.id }, c.admin);
      expect(expanded.errors).toBeUndefined();
      expect(expanded.data.requestScopeChange.type).toBe('SCOPE_CHANGE');
    });

    it('a renewal approved before the period ends opens the next one where the running one ends', async () => {
      const c = await s.college('350527', 'HIGHER_VOCATIONAL', '金门测试职业学院五');
      const agency = await fileThrough(c.creditCode, c.admin, t.jinmen!);
      const running = await s.svc.prisma.filingPeriod.findFirstOrThrow({ where: { agencyId: agency.id } });
      const renewal = await s.gql(
        `mutation($a: ID!) { requestRenewal(agencyId: $a) { id } }`,
        { a: agency.id },
        c.admin,
      );
      const f = renewal.data.requestRenewal.id;
      await s.gql(OPINION, { f }, t.jinmen);
      expect((await s.gql(DECIDE, { f }, t.quanzhou)).errors).toBeUndefined();
      const periods = await s.svc.prisma.filingPeriod.findMany({
        where: { agencyId: agency.id },
        orderBy: { validFrom: 'asc' },
      });
      expect(periods.map((p) => p.reason)).toEqual(['INITIAL', 'RENEWAL']);
      expect(periods[1]!.validFrom).toEqual(running.validUntil);
      const stored = await s.svc.prisma.agency.findUniqueOrThrow({ where: { id: agency.id } });
      expect(stored.validUntil).toEqual(periods[1]!.validUntil);
    });
  });

  describe('item 1: expansion widens the agency for social candidates, at any level (ADR 0012)', () => {
    const EXPAND = `mutation($a: ID!, $l: [SkillLevel!]!) {
      requestScopeChange(agencyId: $a, scope: [{ occupationCode: "6-31-01-03", levels: $l }]) { status requestedScope { levels } } }`;
    it('a 中职 agency may ask for 三级 by expansion, not only for 技师', async () => {
      const c = await s.college('350527', 'SECONDARY_VOCATIONAL', '金门测试职业中专');
      const agency = await fileThrough(c.creditCode, c.admin, t.jinmen!);
      const r = await s.gql(EXPAND, { a: agency.id, l: ['LEVEL_3', 'LEVEL_2'] }, c.admin);
      expect(r.errors).toBeUndefined();
      expect(r.data.requestScopeChange).toEqual({
        status: 'SUBMITTED',
        requestedScope: [{ levels: ['LEVEL_3', 'LEVEL_2'] }],
      });
    });
    it('a 高职 agency may ask for 五级 by expansion', async () => {
      const c = await s.college('350527', 'HIGHER_VOCATIONAL', '金门测试职业学院六');
      const agency = await fileThrough(c.creditCode, c.admin, t.jinmen!);
      const r = await s.gql(EXPAND, { a: agency.id, l: ['LEVEL_5'] }, c.admin);
      expect(r.errors).toBeUndefined();
    });
  });

  describe('item 10: consequences, China time, and the date checked at read time', () => {
    it('a filing is valid through the eve of the same China day three years on', async () => {
      const c = await s.college('350527', 'HIGHER_VOCATIONAL', '金门测试职业学院九');
      const agency = await fileThrough(c.creditCode, c.admin, t.jinmen!);
      const stored = await s.svc.prisma.agency.findUniqueOrThrow({ where: { id: agency.id } });
      // 00:00 Beijing time is 16:00 UTC of the day before
      expect(stored.validUntil!.toISOString()).toMatch(/T16:00:00\.000Z$/);
      const from = new Date(stored.validFrom!.getTime() + 8 * 3_600_000); // the approval's China day
      const until = new Date(stored.validUntil!.getTime() + 8 * 3_600_000);
      expect([
        until.getUTCFullYear() - from.getUTCFullYear(),
        until.getUTCMonth(),
        until.getUTCDate(),
      ]).toEqual([3, from.getUTCMonth(), from.getUTCDate()]);
      expect(agency.filingNumber).toMatch(new RegExp(`^FJ-350500-${from.getUTCFullYear()}-`));
    });

    it('a filed agency past its validity is not public and not counted as filed, before any sweep', async () => {
      const c = await s.college('350527', 'HIGHER_VOCATIONAL', '金门过期测试职业学院');
      const agency = await fileThrough(c.creditCode, c.admin, t.jinmen!);
      const listed = async () =>
        (await s.gql(`{ publicAgencies(search: "金门过期测试") { totalCount edges { node { id } } } }`)).data
          .publicAgencies.totalCount as number;
      expect(await listed()).toBe(1);
      const coverage = async () =>
        (await s.gql(COVERAGE, { r: '350527' }, t.quanzhou)).data.filingCoverage.filed as number;
      const filedBefore = await coverage();
      // its validity ended a minute ago; the hourly sweep has not run (status is still FILED in the row)
      await s.svc.prisma.agency.update({
        where: { id: agency.id },
        data: { validUntil: new Date(Date.now() - 60_000) },
      });
      expect(await listed()).toBe(0);
      const q = `query($a: ID!) { agency(id: $a) { status statusName } }`;
      expect((await s.gql(q, { a: agency.id })).data.agency).toBeNull();
      expect((await s.gql(q, { a: agency.id }, t.quanzhou)).data.agency).toEqual({
        status: 'EXPIRED',
        statusName: '备案已到期',
      });
      expect(await coverage()).toBe(filedBefore - 1);
    });

    it('a rectification deadline is a China day; the city sets the consequence and it takes effect', async () => {
      const c = await s.college('350527', 'HIGHER_VOCATIONAL', '金门测试职业学院十');
      const agency = await fileThrough(c.creditCode, c.admin, t.jinmen!);
      const recorded = await s.gql(
        `mutation($a: ID!) { recordViolation(agencyId: $a, type: RECORDS, severity: SERIOUS,
          description: "考评记录缺失", deadline: "2027-03-31T00:00:00+08:00") { id deadline consequence } }`,
        { a: agency.id },
        t.quanzhou,
      );
      expect(recorded.errors).toBeUndefined();
      expect(recorded.data.recordViolation).toMatchObject({
        deadline: '2027-03-31T15:59:59.999Z',
        consequence: 'NONE',
      });
      const SET = `mutation($v: ID!) { setViolationConsequence(violationId: $v, consequence: SUSPENSION,
        reason: "逾期未整改，暂停备案") { consequence consequenceName agency { status } } }`;
      const v = recorded.data.recordViolation.id;
      expect(codeOf(await s.gql(SET, { v }, t.jinmen))).toBe('FORBIDDEN');
      expect(codeOf(await s.gql(SET, { v }, t.xiamen))).toBe('FORBIDDEN');
      const set = await s.gql(SET, { v }, t.quanzhou);
      expect(set.errors).toBeUndefined();
      expect(set.data.setViolationConsequence).toEqual({
        consequence: 'SUSPENSION',
        consequenceName: '暂停',
        agency: { status: 'SUSPENDED' },
      });
      const events = await s.svc.prisma.agencyEvent.findMany({
        where: { agencyId: agency.id, type: 'AGENCY_SUSPENDED' },
      });
      expect(events.map((e) => [e.actorId, e.reason])).toEqual([['u-qz', '逾期未整改，暂停备案']]);
      // again: no second suspension
      expect((await s.gql(SET, { v }, t.quanzhou)).errors).toBeUndefined();
      expect(
        await s.svc.prisma.agencyEvent.count({ where: { agencyId: agency.id, type: 'AGENCY_SUSPENDED' } }),
      ).toBe(1);
    });
  });

  describe('item 6: 平潭综合实验区 is city-level — its bureau decides, with no county opinion', () => {
    it('a college in 平潭 (350128) is decided by the 实验区 directly and numbered under it', async () => {
      const c = await s.college('350128', 'HIGHER_VOCATIONAL', '平潭测试职业学院');
      const pingtan = await token('u-pt', { role: Role.CITY_HR, regionCode: '350128' });
      const fuzhou = await token('u-fz', { role: Role.CITY_HR, regionCode: '350100' });
      const fuzhouCounty = await token('u-fzc', { role: Role.COUNTY_HR, regionCode: '350100' });
      const applied = await s.gql(
        APPLY,
        {
          i: c.creditCode,
          k: 'SKILL_LEVEL_AGENCY',
          s: [{ occupationCode: '6-31-01-03', levels: ['LEVEL_4'] }],
        },
        c.admin,
      );
      expect(applied.errors).toBeUndefined();
      const f = applied.data.applyForFiling.id;
      expect(codeOf(await s.gql(OPINION, { f }, fuzhouCounty))).toBe('FORBIDDEN');
      expect(codeOf(await s.gql(DECIDE, { f }, fuzhou))).toBe('FORBIDDEN');
      const decided = await s.gql(DECIDE, { f }, pingtan);
      expect(decided.errors).toBeUndefined();
      expect(decided.data.decideFiling.agency.filingNumber).toMatch(/^FJ-350128-\d{4}-0001$/);
      const region = await s.gql(`{ regions(parentCode: "350000") { code name level } }`);
      expect(region.data.regions).toContainEqual({ code: '350128', name: '平潭综合实验区', level: 'CITY' });
    });
  });

  describe('item 5: a 第三方社会培训评价组织 only once the college’s own students are served', () => {
    const DECIDE_TP = `mutation($f: ID!, $j: String) { decideFiling(filingId: $f, decision: APPROVE, studentServiceJudgement: $j) {
      status studentServiceJudgement agency { status } } }`;
    const applyThirdParty = async (c: { creditCode: string; admin: string }) => {
      const r = await s.gql(
        APPLY,
        {
          i: c.creditCode,
          k: 'THIRD_PARTY_ORGANISATION',
          s: [{ occupationCode: '6-31-01-03', levels: ['LEVEL_4'] }],
        },
        c.admin,
      );
      expect(r.errors).toBeUndefined();
      const f = r.data.applyForFiling.id;
      expect((await s.gql(OPINION, { f }, t.jinmen)).errors).toBeUndefined();
      return f as string;
    };

    it('without a filed 等级评价机构 of its college the city must record its judgement to approve', async () => {
      const c = await s.college('350527', 'HIGHER_VOCATIONAL', '金门第三方测试学院');
      const f = await applyThirdParty(c);
      const refused = await s.gql(DECIDE_TP, { f }, t.quanzhou);
      expect(codeOf(refused)).toBe('THIRD_PARTY_NEEDS_STUDENT_SERVICE');
      expect(refused.errors![0].message).toMatch(/在确保满足本校在校生职业技能评价的前提下/);
      const judged = await s.gql(
        DECIDE_TP,
        { f, j: '经核实，该校在校生已由本市其他备案机构开展评价，需求已满足' },
        t.quanzhou,
      );
      expect(judged.errors).toBeUndefined();
      expect(judged.data.decideFiling).toMatchObject({
        status: 'APPROVED',
        studentServiceJudgement: '经核实，该校在校生已由本市其他备案机构开展评价，需求已满足',
        agency: { status: 'FILED' },
      });
    });

    it('with its own filed 等级评价机构 the college’s third-party filing is approved as any other', async () => {
      const c = await s.college('350527', 'HIGHER_VOCATIONAL', '金门第三方测试学院二');
      await fileThrough(c.creditCode, c.admin, t.jinmen!);
      const f = await applyThirdParty(c);
      const approved = await s.gql(DECIDE_TP, { f }, t.quanzhou);
      expect(approved.errors).toBeUndefined();
      expect(approved.data.decideFiling).toMatchObject({ status: 'APPROVED', studentServiceJudgement: null });
    });
  });

  describe('item 8: the college’s duties come with the filing; a ledger of problems and accountability', () => {
    it('a filing without the no-outsourcing commitment is refused in Chinese; with it the duties are kept', async () => {
      const c = await s.college('350527', 'HIGHER_VOCATIONAL', '金门履职测试学院');
      const NO_COMMITMENT = `mutation($i: String!) { applyForFiling(institutionCode: $i, kind: SKILL_LEVEL_AGENCY,
        scope: [{ occupationCode: "6-31-01-03", levels: [LEVEL_4] }],
        duties: { designatedUnit: "教务处", managementRules: "考务、档案、问题查处和责任追究制度", noOutsourcing: false }) { id } }`;
      const refused = await s.gql(NO_COMMITMENT, { i: c.creditCode }, c.admin);
      expect(refused.errors?.[0]).toMatchObject({
        message: '须承诺不以“转包”“委托”等任何形式将评价机构交由社会第三方运营',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const agency = await fileThrough(c.creditCode, c.admin, t.jinmen!);
      const DUTIES = `query($a: ID!) { agency(id: $a) { designatedUnit managementRules noOutsourcingCommittedAt } }`;
      const city = (await s.gql(DUTIES, { a: agency.id }, t.quanzhou)).data.agency;
      expect(city).toMatchObject({
        designatedUnit: '职业技能评价中心办公室',
        managementRules: '考务、档案、问题查处和责任追究制度',
      });
      expect(Date.parse(city.noOutsourcingCommittedAt)).toBeGreaterThan(Date.now() - 600_000);
      expect((await s.gql(DUTIES, { a: agency.id })).data.agency.managementRules).toBeNull();
    });

    it('the college records a case in its ledger, once per key; its bureaus read it, nobody else', async () => {
      const c = await s.college('350527', 'HIGHER_VOCATIONAL', '金门台账测试学院');
      const other = await s.college('350527', 'HIGHER_VOCATIONAL', '金门台账测试学院二');
      const agency = await fileThrough(c.creditCode, c.admin, t.jinmen!);
      const RECORD = `mutation($a: ID!) { recordAccountabilityCase(agencyId: $a, problem: "考评员未按规定回避",
        responsibility: "考务组长负直接责任", measures: "调整考评员，重新组织该场考核", occurredOn: "2026-10-09T00:00:00+08:00",
        requestKey: "case-1") { id occurredOn } }`;
      const first = await s.gql(RECORD, { a: agency.id }, c.admin);
      expect(first.errors).toBeUndefined();
      expect(first.data.recordAccountabilityCase.occurredOn).toBe('2026-10-09T15:59:59.999Z');
      const again = await s.gql(RECORD, { a: agency.id }, c.admin);
      expect(again.data.recordAccountabilityCase.id).toBe(first.data.recordAccountabilityCase.id);
      expect(codeOf(await s.gql(RECORD, { a: agency.id }, other.admin))).toBe('FORBIDDEN');
      const CASES = `query($a: ID!) { agency(id: $a) { cases { problem responsibility measures } } }`;
      expect((await s.gql(CASES, { a: agency.id }, t.jinmen)).data.agency.cases).toEqual([
        {
          problem: '考评员未按规定回避',
          responsibility: '考务组长负直接责任',
          measures: '调整考评员，重新组织该场考核',
        },
      ]);
      expect((await s.gql(CASES, { a: agency.id })).data.agency.cases).toBeNull();
      expect((await s.gql(CASES, { a: agency.id }, other.admin)).data.agency.cases).toBeNull();
    });
  });

  describe('item 2: 「达到一定评价数量」 — the city’s minimum against the assessment subgraph’s count', () => {
    const EXPAND = `mutation($a: ID!) { requestScopeChange(agencyId: $a, scope: [{ occupationCode: "6-31-01-03", levels: [LEVEL_2] }]) { status } }`;

    it('a city without a policy refuses expansion, saying so in Chinese', async () => {
      const c = await s.college('350203', 'HIGHER_VOCATIONAL', '厦门测试职业学院');
      const agency = await fileThrough(c.creditCode, c.admin, t.siming!, t.xiamen!);
      const r = await s.gql(EXPAND, { a: agency.id }, c.admin);
      expect(codeOf(r)).toBe('EXPANSION_POLICY_UNSET');
      expect(r.errors![0].message).toBe(
        '厦门市尚未设定增设所需的评价数量，暂不能受理增设申请，请联系厦门市人社局',
      );
    });

    it('the city bureau sets the policy, audited; others may not; the input is checked', async () => {
      expect(codeOf(await s.gql(SET_POLICY, { c: '350500', n: 120, r: 'x' }, t.jinmen))).toBe('FORBIDDEN');
      expect(codeOf(await s.gql(SET_POLICY, { c: '350500', n: 120, r: 'x' }, t.xiamen))).toBe('FORBIDDEN');
      const zero = await s.gql(SET_POLICY, { c: '350200', n: 0, r: 'x' }, t.xiamen);
      expect(zero.errors?.[0]).toMatchObject({
        message: '评价数量至少为 1 人次',
        extensions: { code: 'BAD_USER_INPUT', field: 'minEvaluations' },
      });
      const set = await s.gql(SET_POLICY, { c: '350200', n: 80, r: '首次设定' }, t.xiamen);
      expect(set.data.setExpansionPolicy).toEqual({
        cityCode: '350200',
        cityName: '厦门市',
        minEvaluations: 80,
      });
      const audit = await s.svc.prisma.auditLog.findMany({
        where: { action: 'policy.expansion_min_evaluations.set', subject: '350200' },
      });
      expect(audit.map((a) => [a.actorId, a.reason])).toEqual([['u-xm', '未设定 → 80：首次设定']]);
      const read = await s.gql(`{ expansionPolicy(regionCode: "350203") { cityCode minEvaluations } }`);
      expect(read.data.expansionPolicy).toEqual({ cityCode: '350200', minEvaluations: 80 });
    });

    it('below the minimum is refused with the count; the count asked for is the current period’s', async () => {
      const c = await s.college('350527', 'HIGHER_VOCATIONAL', '金门测试职业学院七');
      const agency = await fileThrough(c.creditCode, c.admin, t.jinmen!);
      s.assessment.counts.set(agency.id, 99);
      const low = await s.gql(EXPAND, { a: agency.id }, c.admin);
      expect(codeOf(low)).toBe('EXPANSION_VOLUME_NOT_MET');
      expect(low.errors![0].message).toBe('该机构本备案期内评价人数为 99，未达到增设所需的 100 人');
      const period = await s.svc.prisma.filingPeriod.findFirstOrThrow({ where: { agencyId: agency.id } });
      expect(s.assessment.asked.get(agency.id)).toEqual([period.validFrom.toISOString()]);
      s.assessment.counts.set(agency.id, 100);
      const ok = await s.gql(EXPAND, { a: agency.id }, c.admin);
      expect(ok.errors).toBeUndefined();
      expect(ok.data.requestScopeChange.status).toBe('SUBMITTED');
    });

    it('without the assessment subgraph configured, the count is unavailable: refused, never passed', async () => {
      const none = createAssessmentDirectory(undefined, SECRET);
      await expect(none.evaluationCount('any', new Date())).rejects.toMatchObject({
        code: 'EVALUATION_COUNT_UNAVAILABLE',
      });
    });

    it('when the assessment subgraph does not answer, expansion waits: EVALUATION_COUNT_UNAVAILABLE', async () => {
      const c = await s.college('350527', 'HIGHER_VOCATIONAL', '金门测试职业学院八');
      const agency = await fileThrough(c.creditCode, c.admin, t.jinmen!);
      await s.assessment.close(); // the last case of the file: the subgraph is gone for good
      const r = await s.gql(EXPAND, { a: agency.id }, c.admin);
      expect(codeOf(r)).toBe('EVALUATION_COUNT_UNAVAILABLE');
      expect(r.errors![0].message).toMatch(/暂时无法从评价服务读取该机构本备案期内的评价数量/);
      expect(await s.svc.prisma.filing.count({ where: { agencyId: agency.id, type: 'SCOPE_CHANGE' } })).toBe(
        0,
      );
    });
  });
});
