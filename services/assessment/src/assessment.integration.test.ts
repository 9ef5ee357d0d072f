// The assessment subgraph over real HTTP with its real neighbours: agencies (and the catalogue behind its scope
// checks) run as their own processes and answer `agency(id)` to this service's signed claims. PGlite (data dir,
// as npm start) and PostgreSQL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoAgencyId, demoCollege, idNumberCheckChar, Role, type Grant } from '@skills/domain';
import { ANONYMOUS, CLAIMS_HEADER, freePort, signClaims } from '@skills/service-kit';
import {
  createTestDatabase,
  ServiceProcesses,
  testDatabaseKinds,
  type TestDatabase,
} from '@skills/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { DEMO_AGENCY_ID, demoStudentIdNumber } from './demo.js';
import { ROSTER_COLUMNS } from './commands/import-roster.js';
import { SCORE_COLUMNS } from './commands/import-scores.js';
import { readSheet, writeSheet } from './domain/spreadsheet.js';
import { startAssessment, type AssessmentService } from './server.js';

const SECRET = 'assessment-test-claims-secret-0123456789';
const anonymous = await signClaims(ANONYMOUS, SECRET, 3600);
const kinds = await testDatabaseKinds();
const processes = new ServiceProcesses();
let agenciesUrl: string;
let assessmentPort: number;

const liming = demoCollege('黎明职业大学'); // 高职, filed: 6-31-01-03 [4,3], 4-04-05-01 [4,3], 4-01-06-01 [4,3]
const fangzhi = demoCollege('泉州纺织服装职业学院'); // 高职, filed
const as = (id: string, ...grants: Grant[]) => signClaims({ kind: 'user', id, grants }, SECRET, 3600);
const idOf = (first17: string) => first17 + idNumberCheckChar(first17);
type Answer = { data?: any; errors?: any[] };

async function call(url: string, token: string, query: string, variables: object = {}): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CLAIMS_HEADER]: token },
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
beforeAll(async () => {
  Object.assign(tokens, {
    anonymous,
    liming: await as('u-liming', { role: Role.AGENCY_STAFF, orgCode: liming.creditCode }),
    limingAdmin: await as('u-liming-admin', { role: Role.COLLEGE_ADMIN, orgCode: liming.creditCode }),
    fangzhi: await as('u-fangzhi', { role: Role.COLLEGE_ADMIN, orgCode: fangzhi.creditCode }),
    fengze: await as('u-fengze', { role: Role.COUNTY_HR, regionCode: '350503' }),
    quanzhou: await as('u-quanzhou', { role: Role.CITY_HR, regionCode: '350500' }),
    fuzhou: await as('u-fuzhou', { role: Role.CITY_HR, regionCode: '350100' }),
    candidate: await as('5b0c43f6-9f5e-4e57-9a39-0d0b7e0c1a01', { role: Role.CANDIDATE }),
    service: await signClaims({ kind: 'service', id: 'agencies', grants: [] }, SECRET, 3600),
  });
  const catalogueUrl = await processes.start('@skills/catalogue', { CLAIMS_SECRET: SECRET });
  // agencies asks this service for evaluation counts (its expansion rule): each run's assessment listens here
  assessmentPort = await freePort();
  agenciesUrl = await processes.start('@skills/agencies', {
    CLAIMS_SECRET: SECRET,
    DEMO_DATA: 'true',
    CATALOGUE_GRAPH_URL: catalogueUrl,
    ASSESSMENT_URL: `http://127.0.0.1:${assessmentPort}/graphql`,
  });
}, 240_000);
afterAll(() => processes.stop());

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe.each(kinds)('assessment subgraph on %s', (kind) => {
  let db: TestDatabase | undefined;
  let svc: AssessmentService;
  const gql = (who: string, query: string, variables: object = {}) =>
    call(svc.url, tokens[who]!, query, variables);

  beforeAll(async () => {
    const database =
      kind === 'pglite'
        ? { DATA_DIR: mkdtempSync(join(tmpdir(), 'assessment-')) }
        : { DATABASE_URL: (db = await createTestDatabase(kind, 'assessment')).url };
    svc = await startAssessment(
      readConfig({
        ...database,
        PORT: String(assessmentPort),
        CLAIMS_SECRET: SECRET,
        DEMO_DATA: 'true',
        AGENCIES_GRAPH_URL: agenciesUrl,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        NODE_ENV: 'test',
      }),
    );
  }, 180_000);
  afterAll(async () => {
    await svc?.close();
    await db?.drop();
  });

  const PLAN = `mutation($a: ID!, $k: AssessmentPlanKind!, $o: String!, $l: SkillLevel, $cap: Int!, $key: String,
      $sub: Boolean, $majors: [String!]) {
    createAssessmentPlan(agencyId: $a, kind: $k, occupationCode: $o, level: $l, title: "测试计划",
      assessmentDate: "${future(30)}", registrationClosesAt: "${future(20)}", sites: ["实训楼"], capacity: $cap,
      requestKey: $key, allowCourseSubstitution: $sub, majorCodes: $majors)
    { id number status level capacity theoryPassMark practicalPassMark agencyName } }`;
  const plan = (who: string, o: string, l: string | null, extra: object = {}) =>
    gql(who, PLAN, { a: DEMO_AGENCY_ID, k: 'OCCUPATION', o, l, cap: 100, ...extra });

  describe('the skeleton: claims required, demo data, the Agency entity', () => {
    it('serves nothing without the gateway claims', async () => {
      const res = await fetch(svc.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ openAssessmentPlans { totalCount } }' }),
      });
      expect(res.status).toBe(401);
    });
    it('shows the demo plans of 黎明职业大学 to anyone, their registrations only to the college and the region', async () => {
      const q = `{ openAssessmentPlans { totalCount edges { node { agencyId title registeredCount
        registrations { totalCount } } } } }`;
      const open = ok(await gql('anonymous', q)).openAssessmentPlans;
      expect(open.totalCount).toBe(2);
      expect(open.edges[0].node.agencyId).toBe(demoAgencyId(liming.creditCode, 'SKILL_LEVEL_AGENCY'));
      expect(open.edges.map((e: any) => e.node.registrations)).toEqual([null, null]);
      const mine = ok(await gql('liming', q)).openAssessmentPlans;
      expect(mine.edges.map((e: any) => e.node.registrations?.totalCount).sort()).toEqual([0, 5]);
      expect(ok(await gql('fuzhou', q)).openAssessmentPlans.edges[0].node.registrations).toBeNull();
    });
    it('answers _entities for Agency with the evaluation count to a service, not to the anonymous', async () => {
      const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agency { id evaluationCount(since: "2020-01-01T00:00:00Z") } } }`;
      const r = { r: [{ __typename: 'Agency', id: DEMO_AGENCY_ID }] };
      expect(ok(await gql('service', q, r))._entities).toEqual([{ id: DEMO_AGENCY_ID, evaluationCount: 0 }]);
      expect(codeOf(await gql('anonymous', q, r))).toBe('UNAUTHENTICATED');
    });
  });

  describe('candidates: ID numbers protected, phones masked', () => {
    const STUDENT = `mutation($i: String!, $n: String!, $id: String!, $p: String) {
      recordStudent(institutionCode: $i, name: $n, idNumber: $id, phone: $p, majorCode: "460301",
        majorName: "电气自动化技术", className: "电气 2024-2 班", enrolmentYear: 2024, graduationYear: 2027)
      { id name idNumber phone schoolType category } }`;
    it('records a student with the school type of the college as agencies has it, masked', async () => {
      const c = ok(
        await gql('liming', STUDENT, {
          i: liming.creditCode,
          n: '测试学生',
          id: idOf('35050320060101001'),
          p: '13912345678',
        }),
      ).recordStudent;
      expect(c).toMatchObject({ schoolType: 'HIGHER_VOCATIONAL', category: 'STUDENT', phone: '139****5678' });
      expect(c.idNumber).toMatch(/^3505\*{10}\d{3}[\dX]$/);
      // one person per ID number: recording again updates the same row
      const again = ok(
        await gql('liming', STUDENT, { i: liming.creditCode, n: '测试学生', id: idOf('35050320060101001') }),
      );
      expect(again.recordStudent.id).toBe(c.id);
      // another college cannot take the student over, nor record for 黎明
      expect(
        codeOf(
          await gql('fangzhi', STUDENT, { i: fangzhi.creditCode, n: 'x', id: idOf('35050320060101001') }),
        ),
      ).toBe('CANDIDATE_OTHER_COLLEGE');
      expect(
        codeOf(
          await gql('fangzhi', STUDENT, { i: liming.creditCode, n: 'x', id: idOf('35050320060101002') }),
        ),
      ).toBe('FORBIDDEN');
      const badId = await gql('liming', STUDENT, { i: liming.creditCode, n: 'x', id: '350503200601010010' });
      expect(badId.errors?.[0]).toMatchObject({
        message: '居民身份证号码不正确，请核对',
        extensions: { code: 'BAD_USER_INPUT', field: 'idNumber' },
      });
    });
    it('shows the full ID number only to the region’s HR bureau, with a reason, and audits it', async () => {
      const q = `query($s: String) { candidates(search: $s) { edges { node { id idNumberUnmasked(reason: "核对身份") } } } }`;
      const byCollege = await gql('liming', q, { s: '测试学生' });
      expect(codeOf(byCollege)).toBe('FORBIDDEN');
      const byCity = ok(await gql('quanzhou', q, { s: '测试学生' }));
      expect(byCity.candidates.edges[0].node.idNumberUnmasked).toBe(idOf('35050320060101001'));
      const audits = await svc.prisma.auditLog.count({ where: { action: 'pii.id_number.read' } });
      expect(audits).toBe(1);
      expect(ok(await gql('fuzhou', q, { s: '测试学生' })).candidates.edges).toEqual([]);
    });
  });

  describe('plans: only a FILED agency, within its scope on the date', () => {
    it('creates a plan for an occupation and level in scope, numbered, idempotent per key', async () => {
      const p = ok(await plan('liming', '6-31-01-03', 'LEVEL_3', { key: 'plan-1' })).createAssessmentPlan;
      expect(p).toMatchObject({
        status: 'OPEN',
        level: 'LEVEL_3',
        theoryPassMark: 60,
        practicalPassMark: 60,
      });
      expect(p.number).toMatch(new RegExp(`^${liming.creditCode}-\\d{4}-\\d{4}$`));
      expect(
        ok(await plan('liming', '6-31-01-03', 'LEVEL_3', { key: 'plan-1' })).createAssessmentPlan.id,
      ).toBe(p.id);
    });
    it('refuses an occupation or a level outside the scope, 专项 at a skill-level agency, another college', async () => {
      const outside = await plan('liming', '6-18-01-01', 'LEVEL_4');
      expect(codeOf(outside)).toBe('PLAN_OUTSIDE_AGENCY_SCOPE');
      expect(outside.errors![0].message).toMatch(/备案范围不含6-18-01-01 四级\/中级工/);
      expect(codeOf(await plan('liming', '6-31-01-03', 'LEVEL_5'))).toBe('PLAN_OUTSIDE_AGENCY_SCOPE');
      const special = await gql('liming', PLAN, {
        a: DEMO_AGENCY_ID,
        k: 'SPECIAL_ABILITY',
        o: 'FJZX-0001',
        l: null,
        cap: 10,
      });
      expect(codeOf(special)).toBe('PLAN_AGENCY_KIND_MISMATCH');
      expect(codeOf(await plan('fangzhi', '6-31-01-03', 'LEVEL_3'))).toBe('FORBIDDEN');
      const bad = await gql('liming', PLAN, {
        a: DEMO_AGENCY_ID,
        k: 'OCCUPATION',
        o: '6-31-01-03',
        l: null,
        cap: 10,
      });
      expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'level' } });
    });
    it('refuses while the agency is suspended', async () => {
      const status = (s: string) =>
        call(
          agenciesUrl,
          tokens.quanzhou!,
          `mutation($a: ID!, $s: AgencyStatusChange!) {
          changeAgencyStatus(agencyId: $a, status: $s, reason: "测试") { status } }`,
          { a: DEMO_AGENCY_ID, s },
        );
      ok(await status('SUSPENDED'));
      try {
        expect(codeOf(await plan('liming', '6-31-01-03', 'LEVEL_4'))).toBe('AGENCY_NOT_FILED');
      } finally {
        ok(await status('FILED'));
      }
      expect(ok(await plan('liming', '6-31-01-03', 'LEVEL_4')).createAssessmentPlan.level).toBe('LEVEL_4');
    });
  });

  /**
   * 黎明 widens its agency by 增设 to 二级 of 电工, once (the agencies process outlives each run): Quanzhou sets a
   * minimum of 1 evaluation, one result of 黎明 is final here, and agencies reads that count from this service
   * (`_entities` with its claims) when the expansion is applied for and when the city approves it.
   */
  async function widenToTechnician() {
    const scope = ok(
      await call(
        agenciesUrl,
        anonymous,
        `query($a: ID!) { agency(id: $a) { scope { occupationCode levels } } }`,
        {
          a: DEMO_AGENCY_ID,
        },
      ),
    ).agency.scope;
    if (scope.find((s: any) => s.occupationCode === '6-31-01-03').levels.includes('LEVEL_2')) return;
    const APPLY = `mutation($a: ID!) { requestScopeChange(agencyId: $a, scope: [{ occupationCode: "6-31-01-03", levels: [LEVEL_2] }]) { id } }`;
    ok(
      await call(
        agenciesUrl,
        tokens.quanzhou!,
        `mutation { setExpansionPolicy(cityCode: "350500", minEvaluations: 1,
        reason: "测试：增设所需评价数量") { cityCode } }`,
      ),
    );
    const refused = await call(agenciesUrl, tokens.limingAdmin!, APPLY, { a: DEMO_AGENCY_ID });
    expect(refused.errors?.[0]?.extensions?.code).toBe('EXPANSION_VOLUME_NOT_MET');
    // the demo's fifth student: not among the candidates whose results the later tests make final and count
    const reg = await svc.prisma.registration.findFirstOrThrow({
      where: { plan: { agencyId: DEMO_AGENCY_ID }, candidate: { idNumber: demoStudentIdNumber(5) } },
    });
    await svc.prisma.finalResult.create({
      data: {
        registrationId: reg.id,
        planId: reg.planId,
        agencyId: DEMO_AGENCY_ID,
        candidateId: reg.candidateId,
        kind: 'OCCUPATION',
        occupationCode: '6-31-01-03',
        level: 3,
        passed: true,
      },
    });
    const filing = ok(
      await call(agenciesUrl, tokens.limingAdmin!, APPLY, { a: DEMO_AGENCY_ID }),
    ).requestScopeChange;
    ok(
      await call(
        agenciesUrl,
        tokens.fengze!,
        `mutation($f: ID!) { giveCountyOpinion(filingId: $f, agree: true, opinion: "同意") { id } }`,
        { f: filing.id },
      ),
    );
    ok(
      await call(
        agenciesUrl,
        tokens.quanzhou!,
        `mutation($f: ID!) { decideFiling(filingId: $f, decision: APPROVE) { id status } }`,
        { f: filing.id },
      ),
    );
  }

  describe('registration: eligibility rules as data, capacity, idempotence', () => {
    const REGISTER = `mutation($p: ID!, $c: ID) { registerForPlan(planId: $p, candidateId: $c) { id status candidate { name } } }`;
    let student: string;
    beforeAll(async () => {
      student = (
        await svc.prisma.candidate.findUniqueOrThrow({ where: { idNumber: demoStudentIdNumber(7) } })
      ).id;
    });
    it('a 高职 student registers for 三级 and 四级 (一专多能), once per plan', async () => {
      const l3 = ok(await plan('liming', '6-31-01-03', 'LEVEL_3')).createAssessmentPlan;
      const l4 = ok(await plan('liming', '4-04-05-01', 'LEVEL_4')).createAssessmentPlan;
      const r1 = ok(await gql('liming', REGISTER, { p: l3.id, c: student })).registerForPlan;
      const r2 = ok(await gql('liming', REGISTER, { p: l4.id, c: student })).registerForPlan;
      expect(r1.id).not.toBe(r2.id);
      expect(ok(await gql('liming', REGISTER, { p: l3.id, c: student })).registerForPlan.id).toBe(r1.id);
      const count = await svc.prisma.assessmentPlan.findUniqueOrThrow({ where: { id: l3.id } });
      expect(count.registeredCount).toBe(1);
    });
    it('a 高职 student cannot register for 二级 although the agency holds it by 增设', async () => {
      await widenToTechnician();
      const l2 = ok(await plan('liming', '6-31-01-03', 'LEVEL_2')).createAssessmentPlan;
      const r = await gql('liming', REGISTER, { p: l2.id, c: student });
      expect(codeOf(r)).toBe('LEVEL_EXCEEDS_SCHOOL_CAP');
      expect(r.errors![0].message).toBe(
        '高职学生不能评价二级/技师，可评价范围为专项职业能力、四级/中级工、三级/高级工（最高到三级/高级工）',
      );
    });
    it('a social candidate registers in person, refused by the rule of the level when not qualified', async () => {
      const ENROL = `mutation($y: Int) { enrolAsCandidate(category: VETERAN, name: "退役军人张三",
        idNumber: "${idOf('35058219900101001')}", phone: "13700000000", residenceRegionCode: "350582", workYears: $y) { id category phone } }`;
      const me = ok(await gql('candidate', ENROL, { y: 3 })).enrolAsCandidate;
      expect(me).toMatchObject({ category: 'VETERAN', phone: '137****0000' });
      const l4 = ok(await plan('liming', '6-31-01-03', 'LEVEL_4')).createAssessmentPlan;
      const refused = await gql('candidate', REGISTER, { p: l4.id });
      expect(codeOf(refused)).toBe('NOT_ELIGIBLE');
      expect(refused.errors![0].message).toMatch(
        /^不符合报名条件（社会考生申报四级\/中级工）：须取得本职业五级\/初级工证书后/,
      );
      ok(await gql('candidate', ENROL, { y: 6 }));
      expect(ok(await gql('candidate', REGISTER, { p: l4.id })).registerForPlan.status).toBe('REGISTERED');
      const mine = ok(await gql('candidate', '{ myRegistrations { plan { level } } }')).myRegistrations;
      expect(mine).toEqual([{ plan: { level: 'LEVEL_4' } }]);
      // nobody else's record: the same ID number cannot be claimed by another account
      const other = await as('9d7e0a4c-1111-4e57-9a39-0d0b7e0c1a02', { role: Role.CANDIDATE });
      expect(codeOf(await call(svc.url, other, ENROL, { y: 6 }))).toBe('CONFLICT');
    });
    it(`keeps the capacity under 50 concurrent registrations${kind === 'postgres' ? '' : ' (PGlite: one at a time)'}`, async () => {
      const p = ok(
        await gql('liming', PLAN, {
          a: DEMO_AGENCY_ID,
          k: 'OCCUPATION',
          o: '4-01-06-01',
          l: 'LEVEL_3',
          cap: 30,
        }),
      ).createAssessmentPlan;
      const ids = [];
      for (let i = 0; i < 50; i++) {
        const c = await svc.prisma.candidate.create({
          data: {
            category: 'STUDENT',
            name: `并发${i}`,
            idNumber: idOf(`35050320070101${String(100 + i).padStart(3, '0')}`),
            institutionCode: liming.creditCode,
            schoolType: 'HIGHER_VOCATIONAL',
            regionCode: liming.regionCode,
          },
        });
        ids.push(c.id);
      }
      // every candidate twice at once: 100 calls, 30 places
      const answers = await Promise.all([...ids, ...ids].map((c) => gql('liming', REGISTER, { p: p.id, c })));
      const codes = answers.map((a) => codeOf(a) ?? 'OK');
      expect(codes.filter((c) => c !== 'OK' && c !== 'PLAN_FULL')).toEqual([]);
      const rows = await svc.prisma.registration.count({ where: { planId: p.id } });
      expect(rows).toBe(30);
      const after = await svc.prisma.assessmentPlan.findUniqueOrThrow({ where: { id: p.id } });
      expect(after.registeredCount).toBe(30);
      const registered = new Set(answers.filter((a) => !a.errors).map((a) => a.data.registerForPlan.id));
      expect(registered.size).toBe(30);
    });
  });
  describe('from sessions to final results: 回避, scores and substitution, 公示, objections', () => {
    const REGISTER = `mutation($p: ID!, $c: ID) { registerForPlan(planId: $p, candidateId: $c) { id } }`;
    const SCORE = `mutation($r: ID!, $t: Float, $tm: ScoreMark, $p: Float, $pm: ScoreMark, $cr: ID, $why: String!) {
      recordScore(registrationId: $r, theory: $t, theoryMark: $tm, practical: $p, practicalMark: $pm,
        courseRecordId: $cr, reason: $why) { id score { theory theorySource practical theoryMark } } }`;
    const SESSION = `mutation($p: ID!, $k: AssessmentSessionKind!, $n: String!, $own: Boolean, $key: String) {
      addAssessmentSession(planId: $p, kind: $k, name: $n, site: "实训楼 A101", startsAt: "${future(30)}",
        endsAt: "${future(30.2)}", ownOperation: $own, requestKey: $key) { id } }`;
    const STAFF = `mutation($s: ID!, $n: String!, $id: String!, $c: [StaffConflictInput!]) {
      assignSessionStaff(sessionId: $s, role: ASSESSOR, name: $n, idNumber: $id, conflicts: $c) { id idNumber } }`;
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Agency { evaluationCount(since: "2020-01-01T00:00:00Z") }
      ... on FinalResult { id passed level theory practical } } }`;
    const count = async () =>
      ok(await gql('service', ENTITIES, { r: [{ __typename: 'Agency', id: DEMO_AGENCY_ID }] }))._entities[0]
        .evaluationCount as number;
    let planId: string;
    const regs: string[] = [];
    const students: { id: string; idNumber: string }[] = [];

    beforeAll(async () => {
      planId = ok(await plan('liming', '6-31-01-03', 'LEVEL_3', { sub: true, majors: ['460301'] }))
        .createAssessmentPlan.id;
      for (let i = 1; i <= 4; i++) {
        const c = await svc.prisma.candidate.findUniqueOrThrow({
          where: { idNumber: demoStudentIdNumber(i) },
        });
        students.push({ id: c.id, idNumber: c.idNumber });
        regs.push(ok(await gql('liming', REGISTER, { p: planId, c: c.id })).registerForPlan.id);
      }
    });

    it('refuses a session run by another operator, and an assessor who teaches a candidate of the plan', async () => {
      expect(
        codeOf(await gql('liming', SESSION, { p: planId, k: 'PRACTICAL', n: '外包考站', own: false })),
      ).toBe('OUTSOURCED_SESSION');
      const theory = ok(
        await gql('liming', SESSION, { p: planId, k: 'THEORY', n: '理论考场一' }),
      ).addAssessmentSession;
      const practical = ok(
        await gql('liming', SESSION, { p: planId, k: 'PRACTICAL', n: '实操考站一', key: 'station-1' }),
      ).addAssessmentSession;
      // the same request replayed (a double click, a retry after a lost answer): the same station, not a second
      const replayed = await Promise.all(
        [1, 2, 3].map(() =>
          gql('liming', SESSION, { p: planId, k: 'PRACTICAL', n: '实操考站一', key: 'station-1' }),
        ),
      );
      expect(replayed.map((r) => ok(r).addAssessmentSession.id)).toEqual([
        practical.id,
        practical.id,
        practical.id,
      ]);
      const teacher = await gql('liming', STAFF, {
        s: practical.id,
        n: '陈老师',
        id: idOf('35050319800101001'),
        c: [{ type: 'TEACHER_OF', personIdNumber: students[0]!.idNumber }],
      });
      expect(codeOf(teacher)).toBe('ASSESSOR_CONFLICT');
      expect(teacher.errors![0].message).toMatch(
        /^考评员陈老师与考生陈思远（3505\*+\d{3}[\dX]）存在任课教师关系，应当回避$/,
      );
      for (const [s, n, id] of [
        [theory.id, '监考甲', '35050319800101002'],
        [theory.id, '监考乙', '35050319800101003'],
        [practical.id, '考评员甲', '35050319800101004'],
        [practical.id, '考评员乙', '35050319800101005'],
        [practical.id, '考评员丙', '35050319800101006'],
      ] as const)
        ok(await gql('liming', STAFF, { s, n, id: idOf(id) }));
    });

    it('replaces theory only by the course score of the candidate’s own major, where the plan allows it', async () => {
      const COURSE = `mutation($c: ID!, $m: String!) { recordCourseRecord(candidateId: $c, majorCode: $m,
        courseName: "电工技术综合", term: "2025-2026 学年第一学期", score: 82.5, source: "教务系统",
        attestedBy: "教务处 李老师") { id score } }`;
      expect(codeOf(await gql('liming', COURSE, { c: students[0]!.id, m: '510201' }))).toBe(
        'SUBSTITUTION_NEEDS_OWN_MAJOR',
      );
      const course = ok(await gql('liming', COURSE, { c: students[0]!.id, m: '460301' })).recordCourseRecord;
      const s1 = ok(
        await gql('liming', SCORE, { r: regs[0], cr: course.id, p: 80, why: '课证融通' }),
      ).recordScore;
      expect(s1.score).toMatchObject({ theory: 82.5, theorySource: 'COURSE_SUBSTITUTION', practical: 80 });
      // another plan that does not allow substitution refuses the same record
      const other = ok(await plan('liming', '4-04-05-01', 'LEVEL_4')).createAssessmentPlan;
      const reg = ok(await gql('liming', REGISTER, { p: other.id, c: students[0]!.id })).registerForPlan;
      expect(codeOf(await gql('liming', SCORE, { r: reg.id, cr: course.id, why: 'x' }))).toBe(
        'SUBSTITUTION_NOT_ALLOWED',
      );
      // a score outside 0..100 is refused in Chinese
      const bad = await gql('liming', SCORE, { r: regs[1], t: 101, why: 'x' });
      expect(bad.errors?.[0]).toMatchObject({ message: '理论成绩应为 0 至 100 之间的分数' });
    });

    it('records scores and marks, every change in the ledger with old and new value, who and why', async () => {
      ok(await gql('liming', SCORE, { r: regs[1], t: 70, p: 50, why: '录入' }));
      ok(await gql('liming', SCORE, { r: regs[2], tm: 'ABSENT', p: 90, why: '理论缺考' }));
      ok(await gql('liming', SCORE, { r: regs[3], t: 75, p: 85, why: '录入' }));
      ok(await gql('liming', SCORE, { r: regs[3], p: 88, why: '复核更正实操成绩' }));
      const q = `query($p: ID!) { assessmentPlan(id: $p) { registrations { edges { node { id
        scoreChanges { field oldValue newValue actorId reason } } } } } }`;
      const edges = ok(await gql('liming', q, { p: planId })).assessmentPlan.registrations.edges;
      const changes = edges.find((e: any) => e.node.id === regs[3]).node.scoreChanges;
      expect(changes.at(-1)).toEqual({
        field: 'practical',
        oldValue: '85',
        newValue: '88',
        actorId: 'u-liming',
        reason: '复核更正实操成绩',
      });
      // not to a college that does not run the plan
      expect(ok(await gql('fangzhi', q, { p: planId })).assessmentPlan?.registrations ?? null).toBeNull();
    });

    it('publishes for 5 working days, holds back a result under objection, then makes the others final', async () => {
      const PUBLISH = `mutation($p: ID!) { publishResults(planId: $p) { status publishedAt publicationEndsAt } }`;
      const published = ok(await gql('liming', PUBLISH, { p: planId })).publishResults;
      expect(published.status).toBe('PUBLISHED');
      const days = (Date.parse(published.publicationEndsAt) - Date.parse(published.publishedAt)) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(5);
      expect(days).toBeLessThanOrEqual(10);
      const objection = ok(
        await gql(
          'liming',
          `mutation($r: ID!) { raiseObjection(registrationId: $r, reason: "考生对实操成绩有异议", requestKey: "o-1") { id status } }`,
          {
            r: regs[1],
          },
        ),
      ).raiseObjection;
      expect(objection.status).toBe('OPEN');
      const FINALIZE = `mutation($p: ID!) { finalizeResults(planId: $p) { finalized heldBack plan { status } } }`;
      expect(codeOf(await gql('liming', FINALIZE, { p: planId }))).toBe('PUBLICATION_NOT_ENDED');
      // the publication period passes
      await svc.prisma.assessmentPlan.update({
        where: { id: planId },
        data: { publicationEndsAt: new Date(Date.now() - 1000) },
      });
      expect(
        codeOf(
          await gql(
            'liming',
            `mutation($r: ID!) { raiseObjection(registrationId: $r, reason: "迟到的异议") { id } }`,
            { r: regs[2] },
          ),
        ),
      ).toBe('OBJECTION_PERIOD_OVER');
      const before = await count();
      const first = ok(await gql('liming', FINALIZE, { p: planId })).finalizeResults;
      expect(first).toEqual({ finalized: 3, heldBack: 1, plan: { status: 'PUBLISHED' } });
      expect(await count()).toBe(before + 3);
      // supervision's figures of the plan: the region's bureau sees them, another region does not
      const SUMMARY = `query($id: ID!) { assessmentPlan(id: $id) { resultSummary { finalized passed passRate openObjections } } }`;
      expect(ok(await gql('quanzhou', SUMMARY, { id: planId })).assessmentPlan.resultSummary).toEqual({
        finalized: 3,
        passed: 2,
        passRate: 2 / 3,
        openObjections: 1,
      });
      expect(ok(await gql('fuzhou', SUMMARY, { id: planId })).assessmentPlan.resultSummary).toBeNull();
      // the objection is upheld: the score is corrected, then the decision is recorded
      ok(await gql('liming', SCORE, { r: regs[1], p: 65, why: '异议成立，复核更正实操成绩' }));
      ok(
        await gql(
          'liming',
          `mutation($o: ID!) { decideObjection(objectionId: $o, upheld: true, decision: "复核后实操成绩更正为 65 分") { status } }`,
          { o: objection.id },
        ),
      );
      // re-checked with agencies at finalization: a suspended agency's results wait
      const status = (st: string) =>
        call(
          agenciesUrl,
          tokens.quanzhou!,
          `mutation($a: ID!, $s: AgencyStatusChange!) {
          changeAgencyStatus(agencyId: $a, status: $s, reason: "测试") { status } }`,
          { a: DEMO_AGENCY_ID, s: st },
        );
      ok(await status('SUSPENDED'));
      try {
        expect(codeOf(await gql('liming', FINALIZE, { p: planId }))).toBe('AGENCY_NOT_FILED');
      } finally {
        ok(await status('FILED'));
      }
      expect(ok(await gql('liming', FINALIZE, { p: planId })).finalizeResults).toEqual({
        finalized: 1,
        heldBack: 0,
        plan: { status: 'FINALIZED' },
      });
      expect(await count()).toBe(before + 4);
      // final results are entities the certificates subgraph can resolve with its service claims
      const results = await svc.prisma.finalResult.findMany({
        where: { planId },
        orderBy: { theory: 'asc' },
      });
      const answer = ok(
        await gql('service', ENTITIES, { r: results.map((r) => ({ __typename: 'FinalResult', id: r.id })) }),
      )._entities;
      const byReg = new Map(results.map((r, i) => [r.registrationId, answer[i]]));
      expect(byReg.get(regs[0]!)).toMatchObject({
        passed: true,
        level: 'LEVEL_3',
        theory: 82.5,
        practical: 80,
      });
      expect(byReg.get(regs[1]!)).toMatchObject({ passed: true, theory: 70, practical: 65 });
      expect(byReg.get(regs[2]!)).toMatchObject({ passed: false, theory: null, practical: 90 });
      expect(byReg.get(regs[3]!)).toMatchObject({ passed: true, practical: 88 });
      expect(
        ok(await gql('fuzhou', ENTITIES, { r: [{ __typename: 'FinalResult', id: results[0]!.id }] }))
          ._entities,
      ).toEqual([null]);
      // a resit of the same occupation and level does not count twice (ADR 12)
      const resit = ok(await plan('liming', '6-31-01-03', 'LEVEL_3')).createAssessmentPlan;
      const again = ok(await gql('liming', REGISTER, { p: resit.id, c: students[2]!.id })).registerForPlan;
      await svc.prisma.finalResult.create({
        data: {
          registrationId: again.id,
          planId: resit.id,
          agencyId: DEMO_AGENCY_ID,
          candidateId: students[2]!.id,
          kind: 'OCCUPATION',
          occupationCode: '6-31-01-03',
          level: 3,
          passed: true,
        },
      });
      expect(await count()).toBe(before + 4);
    });
  });
  describe('bulk import from xlsx and csv: every row checked, all or nothing', () => {
    const ROSTER = `mutation($i: String!, $p: ID, $f: ImportFileInput!) {
      importRoster(institutionCode: $i, planId: $p, file: $f) { rows changed registered } }`;
    const SCORES = `mutation($p: ID!, $f: ImportFileInput!) {
      importScores(planId: $p, file: $f, reason: "成绩批量导入") { rows changed } }`;
    const file = (fileName: string, content: Buffer) => ({
      fileName,
      contentBase64: content.toString('base64'),
    });
    const N = 10_000;
    // 350503 + 2004-02-DD + sequence: 10,000 distinct generated ID numbers
    const idAt = (i: number) =>
      idOf(
        `35050320040${2 + Math.floor(i / 25_000)}${String(1 + Math.floor(i / 1000)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`,
      );
    const students = Array.from({ length: N }, (_, i) => ({
      name: `学生${i}`,
      idNumber: idAt(i),
      phone: '',
      majorCode: '460301',
      majorName: '电气自动化技术',
      className: `电气 2023-${1 + (i % 40)} 班`,
      enrolmentYear: '2023',
      graduationYear: '2026',
    }));
    let planId: string;

    it('gives templates that read back with their headers', async () => {
      const q = `query($k: ImportKind!, $f: ImportFileFormat!) { importTemplate(kind: $k, format: $f) { fileName contentBase64 } }`;
      for (const format of ['XLSX', 'CSV'] as const) {
        const t = ok(await gql('liming', q, { k: 'SCORES', f: format })).importTemplate;
        expect(t.fileName).toBe(`成绩导入模板.${format.toLowerCase()}`);
        const rows = await readSheet(t.fileName, Buffer.from(t.contentBase64, 'base64'), SCORE_COLUMNS);
        expect(rows).toEqual([
          { row: 2, values: Object.fromEntries(SCORE_COLUMNS.map((c) => [c.key, c.example])) },
        ]);
      }
      expect(codeOf(await gql('anonymous', q, { k: 'ROSTER', f: 'XLSX' }))).toBe('UNAUTHENTICATED');
    });

    it(`rejects a ${N}-row roster with 3 bad rows whole, naming the 3 rows; the fixed file registers everyone`, async () => {
      planId = ok(
        await gql('liming', PLAN, {
          a: DEMO_AGENCY_ID,
          k: 'OCCUPATION',
          o: '6-31-01-03',
          l: 'LEVEL_3',
          cap: N,
        }),
      ).createAssessmentPlan.id;
      const bad = students.map((s) => ({ ...s }));
      bad[99]!.idNumber = '350503200402011234'; // row 101: check character
      bad[5000]!.phone = '1234'; // row 5002
      bad[9997]!.idNumber = bad[0]!.idNumber; // row 9999: same person as row 2
      const before = await svc.prisma.candidate.count();
      const refused = await gql('liming', ROSTER, {
        i: liming.creditCode,
        p: planId,
        f: file('名单.xlsx', await writeSheet('XLSX', ROSTER_COLUMNS, bad)),
      });
      expect(codeOf(refused)).toBe('IMPORT_ROWS_INVALID');
      const details = refused.errors![0].extensions.details;
      expect(details.rows).toEqual([101, 5002, 9999]);
      expect(details.errors.map((e: any) => e.message)).toEqual([
        '第 101 行（身份证号）：居民身份证号码不正确，请核对',
        '第 5002 行（手机号）：手机号码不正确，应为 11 位手机号',
        '第 9999 行（身份证号）：与第 2 行重复',
      ]);
      expect(await svc.prisma.candidate.count()).toBe(before);
      const started = performance.now();
      const done = ok(
        await gql('liming', ROSTER, {
          i: liming.creditCode,
          p: planId,
          f: file('名单.xlsx', await writeSheet('XLSX', ROSTER_COLUMNS, students)),
        }),
      ).importRoster;
      console.log(
        `[${kind}] roster of ${N} rows with registration: ${Math.round(performance.now() - started)} ms`,
      );
      expect(done).toEqual({ rows: N, changed: N, registered: N });
      expect(await svc.prisma.candidate.count()).toBe(before + N);
      const p = await svc.prisma.assessmentPlan.findUniqueOrThrow({ where: { id: planId } });
      expect(p.registeredCount).toBe(N);
    });

    it(`rejects ${N} score rows with 3 bad whole, naming the 3 rows; the fixed file imports in one transaction`, async () => {
      const rows = students.map((s, i) => ({
        idNumber: s.idNumber,
        name: s.name,
        theory: String(50 + (i % 50)),
        theoryMark: '正常',
        practical: String(60 + (i % 40)) + (i % 3 === 0 ? '.5' : ''),
        practicalMark: '正常',
      }));
      const bad = rows.map((r) => ({ ...r }));
      bad[10]!.theory = '105'; // row 12
      bad[4321]!.name = '张冠李戴'; // row 4323
      bad[8888]!.theoryMark = '迟到'; // row 8890
      const refused = await gql('liming', SCORES, {
        p: planId,
        f: file('成绩.xlsx', await writeSheet('XLSX', SCORE_COLUMNS, bad)),
      });
      expect(codeOf(refused)).toBe('IMPORT_ROWS_INVALID');
      expect(refused.errors![0].extensions.details.rows).toEqual([12, 4323, 8890]);
      expect(refused.errors![0].extensions.details.errors.map((e: any) => e.message)).toEqual([
        '第 12 行（理论成绩）：理论成绩应为 0 至 100 之间的分数（至多一位小数），不能是“105”',
        '第 4323 行（姓名）：姓名与报名信息（学生4321）不符',
        '第 8890 行（理论考试情况）：应为“正常”“缺考”或“违纪”，不能是“迟到”',
      ]);
      const written = () => svc.prisma.score.count({ where: { registration: { planId } } });
      expect(await written()).toBe(0);
      expect(await svc.prisma.scoreChange.count({ where: { planId } })).toBe(0);
      const xlsx = await writeSheet('XLSX', SCORE_COLUMNS, rows);
      const started = performance.now();
      const done = ok(await gql('liming', SCORES, { p: planId, f: file('成绩.xlsx', xlsx) })).importScores;
      console.log(
        `[${kind}] ${N} score rows (xlsx, ${xlsx.length} bytes): ${Math.round(performance.now() - started)} ms`,
      );
      expect(done).toEqual({ rows: N, changed: N });
      expect(await written()).toBe(N);
      expect(await svc.prisma.scoreChange.count({ where: { planId } })).toBe(2 * N);
      // the same file again changes nothing; a csv with a 缺考 changes one row, in the ledger
      expect(
        ok(await gql('liming', SCORES, { p: planId, f: file('成绩.xlsx', xlsx) })).importScores.changed,
      ).toBe(0);
      const csv = await writeSheet('CSV', SCORE_COLUMNS, [{ ...rows[0]!, theory: '', theoryMark: '缺考' }]);
      expect(ok(await gql('liming', SCORES, { p: planId, f: file('补录.csv', csv) })).importScores).toEqual({
        rows: 1,
        changed: 1,
      });
      const s = await svc.prisma.score.findFirstOrThrow({
        where: { registration: { planId, candidate: { idNumber: rows[0]!.idNumber } } },
      });
      expect(s).toMatchObject({ theory: null, theoryMark: 'ABSENT' });
      expect(codeOf(await gql('liming', SCORES, { p: planId, f: file('成绩.txt', csv) }))).toBe(
        'UNSUPPORTED_FORMAT',
      );
      expect(codeOf(await gql('fangzhi', SCORES, { p: planId, f: file('成绩.csv', csv) }))).toBe('FORBIDDEN');
    });
  });
});
