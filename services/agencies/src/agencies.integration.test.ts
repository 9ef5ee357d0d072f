// The agencies subgraph over real HTTP with its real neighbour: the catalogue runs as its own process and
// answers the scope checks through GraphQL. PGlite (data dir, as npm start) and PostgreSQL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfText } from '@skills/documents/testing';
import { demoAccountId, demoCollege, makeDemoCreditCode, Role, type Grant } from '@skills/domain';
import { ANONYMOUS, CLAIMS_HEADER, signClaims } from '@skills/service-kit';
import {
  createTestDatabase,
  ServiceProcesses,
  testDatabaseKinds,
  type TestDatabase,
} from '@skills/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { seedBulk } from './demo.js';
import { startAgencies, type AgenciesService } from './server.js';
import { startAssessmentSubgraph, type AssessmentSubgraph } from './testing/assessment-subgraph.js';

const SECRET = 'agencies-test-claims-secret-0123456789ab';
/** Subgraphs serve only signed requests: what the gateway sends for a caller who is not signed in. */
const anonymous = await signClaims(ANONYMOUS, SECRET, 3600);
const kinds = await testDatabaseKinds();
const processes = new ServiceProcesses();
let catalogueUrl: string;
/** The assessment subgraph's side of the expansion rule: every agency has done 500 evaluations. */
let assessment: AssessmentSubgraph;

beforeAll(async () => {
  catalogueUrl = await processes.start('@skills/catalogue', { CLAIMS_SECRET: SECRET });
  assessment = await startAssessmentSubgraph(SECRET);
  assessment.otherwise = 500;
}, 180_000);
afterAll(async () => {
  await processes.stop();
  await assessment?.close();
});

const as = (id: string, ...grants: Grant[]) => signClaims({ kind: 'user', id, grants }, SECRET, 3600);
const haiyang = demoCollege('泉州海洋职业学院'); // 高职, 石狮 350581, no agency in the demo data
const dehua = demoCollege('德化职业技术学校'); // 中职, 德化 350526
const liming = demoCollege('黎明职业大学'); // filed
const fangzhi = demoCollege('泉州纺织服装职业学院'); // filed, open violation

describe.each(kinds)('agencies subgraph on %s', (kind) => {
  let db: TestDatabase | undefined;
  let svc: AgenciesService;
  const sql: string[] = [];
  const tokens: Record<string, string> = {};
  const gql = async (query: string, variables: object = {}, who?: string) => {
    const res = await fetch(svc.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLAIMS_HEADER]: who ? tokens[who]! : anonymous },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: any[] };
  };
  const codeOf = (r: { errors?: any[] }) => r.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    const database =
      kind === 'pglite'
        ? { DATA_DIR: mkdtempSync(join(tmpdir(), 'agencies-')) }
        : { DATABASE_URL: (db = await createTestDatabase(kind, 'agencies')).url };
    svc = await startAgencies(
      readConfig({
        ...database,
        PORT: '0',
        CLAIMS_SECRET: SECRET,
        DEMO_DATA: 'true',
        CATALOGUE_GRAPH_URL: catalogueUrl,
        ASSESSMENT_URL: assessment.url,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        NODE_ENV: 'test',
      }),
      { onQuery: (q) => sql.push(q) },
    );
    Object.assign(tokens, {
      haiyang: await as('u-haiyang', { role: Role.COLLEGE_ADMIN, orgCode: haiyang.creditCode }),
      dehua: await as('u-dehua', { role: Role.COLLEGE_ADMIN, orgCode: dehua.creditCode }),
      liming: await as('u-liming', { role: Role.COLLEGE_ADMIN, orgCode: liming.creditCode }),
      fangzhi: await as('u-fangzhi', { role: Role.COLLEGE_ADMIN, orgCode: fangzhi.creditCode }),
      shishi: await as('u-shishi', { role: Role.COUNTY_HR, regionCode: '350581' }),
      licheng: await as('u-licheng', { role: Role.COUNTY_HR, regionCode: liming.regionCode }),
      jinjiang: await as('u-jinjiang', { role: Role.COUNTY_HR, regionCode: '350582' }),
      quanzhou: await as('u-quanzhou', { role: Role.CITY_HR, regionCode: '350500' }),
      quanzhouEdu: await as('u-qzedu', { role: Role.CITY_EDU, regionCode: '350500' }),
      fuzhou: await as('u-fuzhou', { role: Role.CITY_HR, regionCode: '350100' }),
    });
  }, 180_000);
  afterAll(async () => {
    await svc?.close();
    await db?.drop();
  });

  const APPLY = `mutation($i: String!, $k: AgencyKind!, $s: [ScopeItemInput!]!, $key: String) {
    applyForFiling(institutionCode: $i, kind: $k, scope: $s, requestKey: $key,
      duties: { designatedUnit: "职业技能评价中心办公室", managementRules: "考务、档案、问题查处和责任追究制度", noOutsourcing: true }) { id status statusName agency { id status } } }`;
  const apply = (who: string, institution: string, scope: object[], key?: string) =>
    gql(APPLY, { i: institution, k: 'SKILL_LEVEL_AGENCY', s: scope, key }, who);

  describe('scope rules, with typed Chinese refusals', () => {
    it('a 中职 cannot file above 四级', async () => {
      const r = await apply('dehua', dehua.creditCode, [
        { occupationCode: '6-31-01-03', levels: ['LEVEL_4', 'LEVEL_3'] },
      ]);
      expect(codeOf(r)).toBe('LEVEL_EXCEEDS_SCHOOL_CAP');
      expect(r.errors![0].message).toMatch(/中职学生不能评价三级/);
    });
    it('a 高职 cannot file 五级, nor above 三级', async () => {
      expect(
        codeOf(
          await apply('haiyang', haiyang.creditCode, [{ occupationCode: '6-31-01-03', levels: ['LEVEL_5'] }]),
        ),
      ).toBe('LEVEL_EXCEEDS_SCHOOL_CAP');
      expect(
        codeOf(
          await apply('haiyang', haiyang.creditCode, [{ occupationCode: '6-31-01-03', levels: ['LEVEL_2'] }]),
        ),
      ).toBe('LEVEL_NEEDS_EXPANSION');
    });
    it('the catalogue decides what exists and what is skill-type', async () => {
      const unknown = await apply('haiyang', haiyang.creditCode, [
        { occupationCode: '6-99-99-99', levels: ['LEVEL_4'] },
      ]);
      expect(codeOf(unknown)).toBe('OCCUPATION_NOT_FOUND');
      const notSkill = await apply('haiyang', haiyang.creditCode, [
        { occupationCode: '2-02-01-01', levels: ['LEVEL_4'] },
      ]);
      expect(codeOf(notSkill)).toBe('OCCUPATION_NOT_SKILL_TYPE');
      expect(notSkill.errors![0].message).toMatch(/不是技能类职业/);
    });
    it("input is checked by the command's schema: trimmed, and a refusal names the field in Chinese", async () => {
      const APPLY_NAMED = `mutation($i: String!, $n: String, $l: SkillLevel!) {
        applyForFiling(institutionCode: $i, kind: SKILL_LEVEL_AGENCY, name: $n,
          duties: { designatedUnit: "职业技能评价中心办公室", managementRules: "考务、档案、问题查处和责任追究制度", noOutsourcing: true },
          scope: [{ occupationCode: " 6-31-01-03 ", levels: [$l] }]) { id } }`;
      const padded = `  ${haiyang.creditCode.toLowerCase()} `;
      const long = await gql(APPLY_NAMED, { i: padded, n: '院'.repeat(61), l: 'LEVEL_4' }, 'haiyang');
      expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      expect(long.errors?.[0]?.message).toBe('机构名称不能超过 60 个字');
      // the padded, lower-case code is the college's own once trimmed: the scope rules answer, not FORBIDDEN
      const capped = await gql(APPLY_NAMED, { i: padded, n: null, l: 'LEVEL_5' }, 'haiyang');
      expect(codeOf(capped)).toBe('LEVEL_EXCEEDS_SCHOOL_CAP');
    });
    it('a college may only file for itself', async () => {
      expect(
        codeOf(
          await apply('dehua', haiyang.creditCode, [{ occupationCode: '6-31-01-03', levels: ['LEVEL_4'] }]),
        ),
      ).toBe('FORBIDDEN');
      expect(
        codeOf(
          await apply('shishi', haiyang.creditCode, [{ occupationCode: '6-31-01-03', levels: ['LEVEL_4'] }]),
        ),
      ).toBe('FORBIDDEN');
    });
    it('an agency with an open violation cannot expand', async () => {
      const agency = await svc.prisma.agency.findFirstOrThrow({
        where: { institutionCode: fangzhi.creditCode },
      });
      const r = await gql(
        'mutation($a: ID!, $s: [ScopeItemInput!]!) { requestScopeChange(agencyId: $a, scope: $s) { id } }',
        { a: agency.id, s: [{ occupationCode: '6-31-01-03', levels: ['LEVEL_4'] }] },
        'fangzhi',
      );
      expect(codeOf(r)).toBe('EXPANSION_BLOCKED_OPEN_VIOLATION');
      expect(r.errors![0].message).toMatch(/违规/);
    });
  });

  describe('agencies still applying (申请中): seen by their college and their region’s bureaus only', () => {
    const nanan = demoCollege('南安职业中专学校'); // 南安 350583, returned for correction: its agency is APPLYING
    const NESTED = `query($c: String!) { institution(creditCode: $c) { agencies { id status } } }`;
    const LISTED = `{ institutions(search: "南安职业中专") { edges { node { agencies { id status } } } } }`;
    let applying: string;

    beforeAll(async () => {
      applying = (
        await svc.prisma.agency.findFirstOrThrow({
          where: { institutionCode: nanan.creditCode, status: 'APPLYING' },
        })
      ).id;
      tokens.nananCollege = await as('u-nanan-admin', {
        role: Role.COLLEGE_ADMIN,
        orgCode: nanan.creditCode,
      });
      tokens.nananCounty = await as('u-nanan-hr', { role: Role.COUNTY_HR, regionCode: '350583' });
    });

    const seen = async (who?: string) => {
      const nested = await gql(NESTED, { c: nanan.creditCode }, who);
      const listed = await gql(LISTED, {}, who);
      const entities = await gql(
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Agency { id } } }',
        { r: [{ __typename: 'Agency', id: applying }] },
        who,
      );
      expect([nested.errors, listed.errors, entities.errors]).toEqual([undefined, undefined, undefined]);
      return [
        nested.data.institution.agencies.some((a: { id: string }) => a.id === applying),
        listed.data.institutions.edges
          .flatMap((e: { node: { agencies: { id: string }[] } }) => e.node.agencies)
          .some((a: { id: string }) => a.id === applying),
        entities.data._entities[0]?.id === applying,
      ];
    };

    it('anonymous callers, other counties and other colleges do not see it, nested or federated', async () => {
      for (const who of [undefined, 'jinjiang', 'licheng', 'liming', 'haiyang', 'fuzhou'])
        expect(await seen(who), who ?? 'anonymous').toEqual([false, false, false]);
    });
    it('its college, its county, the city and the city’s education bureau do', async () => {
      for (const who of ['nananCollege', 'nananCounty', 'quanzhou', 'quanzhouEdu'])
        expect(await seen(who), who).toEqual([true, true, true]);
    });
    it('the root field agrees', async () => {
      const q = 'query($id: ID!) { agency(id: $id) { id } }';
      expect((await gql(q, { id: applying })).data.agency).toBeNull();
      expect((await gql(q, { id: applying }, 'jinjiang')).data.agency).toBeNull();
      expect((await gql(q, { id: applying }, 'nananCounty')).data.agency).toEqual({ id: applying });
    });
  });

  describe('the filing workflow: college applies, county gives an opinion, city decides', () => {
    let filingId: string;
    let agencyId: string;

    it('applies, idempotently', async () => {
      const scope = [
        { occupationCode: '6-31-01-03', levels: ['LEVEL_4', 'LEVEL_3'] },
        { occupationCode: '4-01-06-01', levels: ['LEVEL_4'] },
      ];
      const r = await apply('haiyang', haiyang.creditCode, scope, 'haiyang-first-filing');
      expect(r.errors).toBeUndefined();
      expect(r.data.applyForFiling).toMatchObject({ status: 'SUBMITTED', agency: { status: 'APPLYING' } });
      filingId = r.data.applyForFiling.id;
      agencyId = r.data.applyForFiling.agency.id;
      const again = await apply('haiyang', haiyang.creditCode, scope, 'haiyang-first-filing');
      expect(again.data.applyForFiling.id).toBe(filingId);
      expect(codeOf(await apply('haiyang', haiyang.creditCode, scope, 'another-key'))).toBe(
        'FILING_ALREADY_OPEN',
      );
    });

    it('a county sees its own applications only', async () => {
      const OPEN = '{ filings(open: true, first: 200) { totalCount edges { node { id regionCode } } } }';
      const nodes = (r: { data?: any }) =>
        r.data.filings.edges.map((e: { node: { id: string; regionCode: string } }) => e.node);
      const mine = await gql(OPEN, {}, 'shishi');
      expect(nodes(mine).map((f: { id: string }) => f.id)).toContain(filingId);
      expect(nodes(mine).every((f: { regionCode: string }) => f.regionCode === '350581')).toBe(true);
      expect(mine.data.filings.totalCount).toBe(nodes(mine).length);
      const other = await gql(OPEN, {}, 'jinjiang');
      expect(nodes(other).map((f: { id: string }) => f.id)).not.toContain(filingId);
      expect(nodes(other).length).toBeGreaterThan(0); // 晋江 has its own (demo) applications
      expect(
        codeOf(await gql('query($id: ID!) { filing(id: $id) { id } }', { id: filingId }, 'jinjiang')),
      ).toBe('FORBIDDEN');
    });

    it('the city cannot decide before the county; the wrong county and a county deciding are refused', async () => {
      const early = await gql(
        'mutation($f: ID!) { decideFiling(filingId: $f, decision: APPROVE) { status } }',
        { f: filingId },
        'quanzhou',
      );
      expect(codeOf(early)).toBe('FILING_WRONG_STATE');
      const wrongCounty = await gql(
        'mutation($f: ID!) { giveCountyOpinion(filingId: $f, agree: true, opinion: "同意") { status } }',
        { f: filingId },
        'jinjiang',
      );
      expect(codeOf(wrongCounty)).toBe('FORBIDDEN');
      const countyDecides = await gql(
        'mutation($f: ID!) { decideFiling(filingId: $f, decision: APPROVE) { status } }',
        { f: filingId },
        'shishi',
      );
      expect(codeOf(countyDecides)).toBe('FORBIDDEN');
      expect(countyDecides.errors![0].message).toBe('无权执行此操作');
      const otherCity = await gql(
        'mutation($f: ID!) { decideFiling(filingId: $f, decision: APPROVE) { status } }',
        { f: filingId },
        'fuzhou',
      );
      expect(codeOf(otherCity)).toBe('FORBIDDEN');
    });

    it('county opinion, then the city approves: filing number, period, scope, public list, coverage up', async () => {
      const before = (
        await gql(
          '{ filingCoverage(regionCode: "350500") { filed vocationalColleges ratio missing { name } } }',
          {},
          'quanzhou',
        )
      ).data.filingCoverage;
      expect(before.missing.map((m: { name: string }) => m.name)).toContain('泉州海洋职业学院');
      const opinion = await gql(
        'mutation($f: ID!) { giveCountyOpinion(filingId: $f, agree: true, opinion: "材料齐全，同意") { status } }',
        { f: filingId },
        'shishi',
      );
      expect(opinion.data.giveCountyOpinion.status).toBe('COUNTY_REVIEWED');
      const approved = await gql(
        'mutation($f: ID!) { decideFiling(filingId: $f, decision: APPROVE) { status agency { status filingNumber validFrom validUntil scope { occupationCode levels occupation { code } } } } }',
        { f: filingId },
        'quanzhou',
      );
      expect(approved.errors).toBeUndefined();
      const a = approved.data.decideFiling.agency;
      expect(a.status).toBe('FILED');
      expect(a.filingNumber).toMatch(/^FJ-350500-\d{4}-\d{4}$/);
      expect(new Date(a.validUntil).getUTCFullYear() - new Date(a.validFrom).getUTCFullYear()).toBe(3);
      expect(a.scope).toEqual([
        { occupationCode: '4-01-06-01', levels: ['LEVEL_4'], occupation: { code: '4-01-06-01' } },
        { occupationCode: '6-31-01-03', levels: ['LEVEL_4', 'LEVEL_3'], occupation: { code: '6-31-01-03' } },
      ]);
      const listed = await gql(
        '{ publicAgencies(search: "泉州海洋") { totalCount edges { node { id name filingNumber } } } }',
      );
      expect(listed.data.publicAgencies.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
        agencyId,
      ]);
      const after = (
        await gql(
          '{ filingCoverage(regionCode: "350500") { filed ratio missing { name } } }',
          {},
          'quanzhouEdu',
        )
      ).data.filingCoverage;
      expect(after.filed).toBe(before.filed + 1);
      expect(after.ratio).toBeGreaterThan(before.ratio);
      expect(after.missing.map((m: { name: string }) => m.name)).not.toContain('泉州海洋职业学院');
    });

    it('keeps every step in the history, with who and why', async () => {
      const r = await gql(
        'query($id: ID!) { agency(id: $id) { events { type toStatus actorId reason } } }',
        { id: agencyId },
        'quanzhou',
      );
      expect(r.data.agency.events.map((e: { type: string }) => e.type)).toEqual([
        'FILING_SUBMITTED',
        'FILING_COUNTY_OPINION',
        'FILING_APPROVE',
        'AGENCY_FILED',
      ]);
      expect(r.data.agency.events[1]).toMatchObject({ actorId: 'u-shishi', reason: '材料齐全，同意' });
      const anon = await gql('query($id: ID!) { agency(id: $id) { name events { type } } }', {
        id: agencyId,
      });
      expect(anon.data.agency).toEqual({ name: expect.any(String), events: null });
    });

    it('a decided filing cannot be decided again', async () => {
      const r = await gql(
        'mutation($f: ID!) { decideFiling(filingId: $f, decision: REJECT, reason: "x") { status } }',
        { f: filingId },
        'quanzhou',
      );
      expect(codeOf(r)).toBe('FILING_WRONG_STATE');
    });
  });

  describe('idempotency keys (requestKey)', () => {
    /** A college of its own for a test (高职 in 石狮), with an admin token named after it. */
    const freshCollege = async (n: number, name: string) => {
      const creditCode = makeDemoCreditCode('350581', 299_000 + n);
      await svc.prisma.institution.create({
        data: { creditCode, name, schoolType: 'HIGHER_VOCATIONAL', regionCode: '350581' },
      });
      tokens[name] = await as(`u-${n}`, { role: Role.COLLEGE_ADMIN, orgCode: creditCode });
      return creditCode;
    };
    const scope = [{ occupationCode: '6-31-01-03', levels: ['LEVEL_4'] }];

    it("a key another college used gives this college nothing of that college's", async () => {
      const first = await freshCollege(1, '甲院校');
      const second = await freshCollege(2, '乙院校');
      const theirs = await apply('甲院校', first, scope, 'same-key');
      expect(theirs.errors).toBeUndefined();
      const mine = await apply('乙院校', second, scope, 'same-key');
      expect(mine.errors).toBeUndefined();
      expect(mine.data.applyForFiling.id).not.toBe(theirs.data.applyForFiling.id);
      const stored = await svc.prisma.filing.findUniqueOrThrow({
        where: { id: mine.data.applyForFiling.id },
        include: { agency: true },
      });
      expect(stored.agency.institutionCode).toBe(second);
      // each college's replay still gets its own filing
      expect((await apply('乙院校', second, scope, 'same-key')).data.applyForFiling.id).toBe(stored.id);
      expect((await apply('甲院校', first, scope, 'same-key')).data.applyForFiling.id).toBe(
        theirs.data.applyForFiling.id,
      );
    });

    it('50 concurrent applications with one key create one filing, and every caller gets it', async () => {
      const creditCode = await freshCollege(3, '丙院校');
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => apply('丙院校', creditCode, scope, 'burst-key')),
      );
      expect(answers.flatMap((r) => r.errors ?? [])).toEqual([]);
      const ids = new Set(answers.map((r) => r.data.applyForFiling.id));
      expect(ids.size).toBe(1);
      expect(await svc.prisma.filing.count({ where: { agency: { institutionCode: creditCode } } })).toBe(1);
    }, 120_000);
  });

  describe('under concurrency', () => {
    it('50 approvals in one city at once get 50 distinct filing numbers, with no gap', async () => {
      const year = new Date().getUTCFullYear();
      const ids = await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const creditCode = makeDemoCreditCode('350581', 300_000 + i);
          await svc.prisma.institution.create({
            data: { creditCode, name: `并发院校${i}`, schoolType: 'HIGHER_VOCATIONAL', regionCode: '350581' },
          });
          const agency = await svc.prisma.agency.create({
            data: {
              institutionCode: creditCode,
              kind: 'SKILL_LEVEL_AGENCY',
              name: `并发院校${i}评价中心`,
              regionCode: '350581',
            },
          });
          const filing = await svc.prisma.filing.create({
            data: {
              agencyId: agency.id,
              type: 'INITIAL',
              status: 'COUNTY_REVIEWED',
              requestedScope: [{ occupationCode: '6-31-01-03', kind: 'OCCUPATION', levels: [4] }],
              regionCode: '350581',
              submittedBy: 'u-concurrent',
            },
          });
          return filing.id;
        }),
      );
      const decided = await Promise.all(
        ids.map((f) =>
          gql(
            'mutation($f: ID!) { decideFiling(filingId: $f, decision: APPROVE) { agency { filingNumber } } }',
            { f },
            'quanzhou',
          ),
        ),
      );
      expect(decided.flatMap((r) => r.errors ?? [])).toEqual([]);
      const numbers = decided.map((r) => r.data.decideFiling.agency.filingNumber as string);
      expect(new Set(numbers).size).toBe(50);
      // every number of this city and year, including earlier approvals in this run: 1..N, none missing
      const all = await svc.prisma.agency.findMany({
        where: { filingNumber: { startsWith: `FJ-350500-${year}-` } },
        select: { filingNumber: true },
      });
      const sequences = all.map((a) => Number(a.filingNumber!.slice(-4))).sort((a, b) => a - b);
      expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
      expect(sequences.length).toBeGreaterThanOrEqual(50);
    }, 120_000);
  });

  it('a clean filed agency may expand, also to 技师 (二级)', async () => {
    const policy = await gql(
      'mutation { setExpansionPolicy(cityCode: "350500", minEvaluations: 200, reason: "本市增设评价数量") { minEvaluations } }',
      {},
      'quanzhou',
    );
    expect(policy.errors).toBeUndefined();
    const agency = await svc.prisma.agency.findFirstOrThrow({
      where: { institutionCode: liming.creditCode },
    });
    const r = await gql(
      'mutation($a: ID!, $s: [ScopeItemInput!]!) { requestScopeChange(agencyId: $a, scope: $s) { type status } }',
      { a: agency.id, s: [{ occupationCode: '6-31-01-03', levels: ['LEVEL_2'] }] },
      'liming',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.requestScopeChange).toEqual({ type: 'SCOPE_CHANGE', status: 'SUBMITTED' });
  });

  it('补正: a returned application is resubmitted with a corrected scope, checked by the same rules', async () => {
    const nanan = demoCollege('南安职业中专学校'); // 中职, returned for correction in the demo data
    tokens.nanan = await as('u-nanan', { role: Role.COLLEGE_ADMIN, orgCode: nanan.creditCode });
    const filing = await svc.prisma.filing.findFirstOrThrow({
      where: { agency: { institutionCode: nanan.creditCode }, status: 'RETURNED' },
    });
    const RESUBMIT = `mutation($f: ID!, $s: [ScopeItemInput!]) {
      resubmitFiling(filingId: $f, note: "已按意见补正", scope: $s) { status requestedScope { occupationCode levels } } }`;
    const refused = await gql(
      RESUBMIT,
      { f: filing.id, s: [{ occupationCode: '4-03-02-01', levels: ['LEVEL_4', 'LEVEL_3'] }] },
      'nanan',
    );
    expect(codeOf(refused)).toBe('LEVEL_EXCEEDS_SCHOOL_CAP');
    expect((await svc.prisma.filing.findUniqueOrThrow({ where: { id: filing.id } })).status).toBe('RETURNED');
    const ok = await gql(
      RESUBMIT,
      { f: filing.id, s: [{ occupationCode: '6-31-01-03', levels: ['LEVEL_5', 'LEVEL_4'] }] },
      'nanan',
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.resubmitFiling).toEqual({
      status: 'SUBMITTED',
      requestedScope: [{ occupationCode: '6-31-01-03', levels: ['LEVEL_5', 'LEVEL_4'] }],
    });
  });

  it('an approved 增设 adds 二级 to 电工 (四级, 三级 stay): levels are merged, not replaced', async () => {
    const agency = await svc.prisma.agency.findFirstOrThrow({
      where: { institutionCode: liming.creditCode },
    });
    const filing = await svc.prisma.filing.findFirstOrThrow({
      where: { agencyId: agency.id, type: 'SCOPE_CHANGE', status: 'SUBMITTED' },
    });
    const opinion = await gql(
      'mutation($f: ID!) { giveCountyOpinion(filingId: $f, agree: true, opinion: "同意增设") { status } }',
      { f: filing.id },
      'licheng',
    );
    expect(opinion.errors).toBeUndefined();
    const decided = await gql(
      'mutation($f: ID!) { decideFiling(filingId: $f, decision: APPROVE) { status } }',
      { f: filing.id },
      'quanzhou',
    );
    expect(decided.errors).toBeUndefined();
    const item = await svc.prisma.scopeItem.findUniqueOrThrow({
      where: { agencyId_occupationCode: { agencyId: agency.id, occupationCode: '6-31-01-03' } },
    });
    expect(item.levels).toEqual([4, 3, 2]);
  });

  describe('assessors (考评员) and their conflicts of interest', () => {
    const REGISTER = `mutation($a: ID, $id: String!, $q: [AssessorQualificationInput!]!, $c: [AssessorConflictInput!]) {
      registerAssessor(kind: ASSESSOR, agencyId: $a, name: "陈明", idNumber: $id, phone: "13900000001", qualifications: $q, conflicts: $c) {
        id idNumber phone qualifications { occupationCode level } conflicts { type personName personIdNumber } } }`;
    const idNumber = '350582198001011234'.slice(0, 17);
    let agencyId: string;
    let fullId: string;

    beforeAll(async () => {
      agencyId = (await svc.prisma.agency.findFirstOrThrow({ where: { institutionCode: liming.creditCode } }))
        .id;
      // a valid ID number: the check character computed by the domain package
      const { idNumberCheckChar } = await import('@skills/domain');
      fullId = idNumber + idNumberCheckChar(idNumber);
    });

    it('a college registers an assessor for its agency, idempotently, with ID and phone masked', async () => {
      const vars = {
        a: agencyId,
        id: fullId,
        q: [{ occupationCode: '6-31-01-03', level: 'LEVEL_3' }],
        c: [{ type: 'TEACHER_OF', personName: '王小明' }],
      };
      const r = await gql(REGISTER, vars, 'liming');
      expect(r.errors).toBeUndefined();
      expect(r.data.registerAssessor).toMatchObject({
        idNumber: '3505**********' + fullId.slice(-4),
        phone: '139****0001',
        conflicts: [{ type: 'TEACHER_OF', personName: '王小明' }],
      });
      const again = await gql(
        REGISTER,
        { ...vars, q: [{ occupationCode: '6-31-01-03', level: 'LEVEL_2' }] },
        'liming',
      );
      expect(again.data.registerAssessor.id).toBe(r.data.registerAssessor.id);
      expect(again.data.registerAssessor.qualifications).toEqual([
        { occupationCode: '6-31-01-03', level: 'LEVEL_2' },
      ]);
    });

    it('refuses a bad ID number, and another college', async () => {
      const bad = await gql(
        REGISTER,
        { a: agencyId, id: '350582198001011235', q: [{ occupationCode: '6-31-01-03', level: 'LEVEL_3' }] },
        'liming',
      );
      expect(codeOf(bad)).toBe('INVALID_ID_NUMBER');
      const other = await gql(
        REGISTER,
        { a: agencyId, id: fullId, q: [{ occupationCode: '6-31-01-03', level: 'LEVEL_3' }] },
        'haiyang',
      );
      expect(codeOf(other)).toBe('FORBIDDEN');
    });

    it('the region’s HR bureau may unmask an ID number with a reason; each read is audited; others see no list', async () => {
      const q =
        'query($id: ID!) { agency(id: $id) { assessors { totalCount edges { node { name idNumberUnmasked(reason: "核查考评员资格") } } } } }';
      const before = await svc.prisma.auditLog.count({ where: { action: 'pii.id_number.read' } });
      const city = await gql(q, { id: agencyId }, 'quanzhou');
      expect(city.data.agency.assessors.totalCount).toBe(1);
      expect(city.data.agency.assessors.edges[0].node.idNumberUnmasked).toBe(fullId);
      expect(await svc.prisma.auditLog.count({ where: { action: 'pii.id_number.read' } })).toBe(before + 1);
      const college = await gql(q, { id: agencyId }, 'liming');
      expect(codeOf(college)).toBe('FORBIDDEN');
      expect(await svc.prisma.auditLog.count({ where: { action: 'pii.id_number.read' } })).toBe(before + 1);
      const anon = await gql('query($id: ID!) { agency(id: $id) { assessors { totalCount } } }', {
        id: agencyId,
      });
      expect(anon.data.agency.assessors).toBeNull();
    });
  });

  it('a filing past its period expires (with a history event) and can be renewed', async () => {
    const agency = await svc.prisma.agency.findFirstOrThrow({
      where: { institutionCode: demoCollege('泉州职业技术大学').creditCode },
    });
    await svc.prisma.agency.update({
      where: { id: agency.id },
      data: { validUntil: new Date('2026-01-01') },
    });
    const { expireLapsedFilings } = await import('./commands/expire-lapsed-filings.js');
    expect(await expireLapsedFilings(svc.prisma)).toBeGreaterThanOrEqual(1);
    const events = await svc.prisma.agencyEvent.findMany({
      where: { agencyId: agency.id, type: 'AGENCY_EXPIRED' },
    });
    expect(events).toHaveLength(1);
    const admin = await as('u-zhiyuan', { role: Role.COLLEGE_ADMIN, orgCode: agency.institutionCode });
    tokens.zhiyuan = admin;
    const r = await gql(
      'mutation($a: ID!) { requestRenewal(agencyId: $a) { type status requestedScope { occupationCode } } }',
      { a: agency.id },
      'zhiyuan',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.requestRenewal.type).toBe('RENEWAL');
    expect(r.data.requestRenewal.requestedScope.length).toBeGreaterThan(0);
  });

  it('联系方式: the college sets its agency public address and consulting phone; others may not; bad numbers are refused', async () => {
    const agency = await svc.prisma.agency.findFirstOrThrow({
      where: { institutionCode: liming.creditCode },
    });
    const SET = `mutation($a: ID!, $ad: String, $p: String) {
      updateAgencyContact(agencyId: $a, address: $ad, contactPhone: $p) { address contactPhone } }`;
    const bad = await gql(SET, { a: agency.id, ad: '泉州市', p: '12345' }, 'liming');
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toContain('咨询电话格式不正确');
    for (const who of ['haiyang', 'quanzhou', undefined]) {
      expect(codeOf(await gql(SET, { a: agency.id, ad: '别处', p: '0595-22274285' }, who))).toMatch(
        /FORBIDDEN|UNAUTHENTICATED/,
      );
    }
    const set = await gql(SET, { a: agency.id, ad: '  评价机构办公室  ', p: '0595-22274285' }, 'liming');
    expect(set.errors).toBeUndefined();
    expect(set.data.updateAgencyContact).toEqual({
      address: '评价机构办公室',
      contactPhone: '0595-22274285',
    });
    await gql(SET, { a: agency.id, ad: '评价机构办公室', p: '0595-22274285' }, 'liming'); // same again: no new step
    const events = await svc.prisma.agencyEvent.count({
      where: { agencyId: agency.id, type: 'CONTACT_UPDATED' },
    });
    expect(events).toBe(1);
    const shown = await gql('query($id: ID!) { agency(id: $id) { address contactPhone } }', {
      id: agency.id,
    });
    expect(shown.data.agency).toEqual({ address: '评价机构办公室', contactPhone: '0595-22274285' });
  });

  it('a 专项 scope item names its project for the catalogue to resolve, an occupation item its occupation', async () => {
    const r = await gql(
      '{ publicAgencies(search: "工艺美术") { edges { node { scope { kind occupation { code } specialAbilityProject { code } } } } } }',
    );
    const scope = r.data.publicAgencies.edges[0].node.scope;
    expect(scope.length).toBeGreaterThan(0);
    for (const item of scope) {
      expect(item.kind).toBe('SPECIAL_ABILITY');
      expect(item.occupation).toBeNull();
      expect(item.specialAbilityProject.code).toMatch(/^FJZX-/);
    }
  });

  it('备案证明: a filed agency prints a PDF with its scope by name; only its bureaus and college may print it', async () => {
    const agency = await svc.prisma.agency.findFirstOrThrow({
      where: { institutionCode: liming.creditCode },
    });
    const PRINT = 'query($a: ID!) { filingCertificate(agencyId: $a) { fileName contentType base64 } }';
    for (const who of ['haiyang', 'jinjiang', 'fuzhou', undefined])
      expect(codeOf(await gql(PRINT, { a: agency.id }, who))).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    for (const who of ['liming', 'quanzhou']) {
      const r = await gql(PRINT, { a: agency.id }, who);
      expect(r.errors).toBeUndefined();
      const file = r.data.filingCertificate;
      expect(file.contentType).toBe('application/pdf');
      expect(file.fileName).toBe(`备案证明-${agency.filingNumber}.pdf`);
      const text = await pdfText(Buffer.from(file.base64, 'base64'));
      for (const s of [
        '职业技能评价机构备案证明',
        agency.filingNumber!,
        agency.name,
        '黎明职业大学',
        '泉州市丰泽区',
        '电工（6-31-01-03）：四级/中级工、三级/高级工',
        '泉州市人力资源和社会保障局',
        '闽人社文〔2024〕53号',
      ])
        expect(text).toContain(s);
    }
    // not filed (still applying in the demo): no certificate
    const applying = await svc.prisma.agency.findFirstOrThrow({ where: { status: 'APPLYING' } });
    expect(codeOf(await gql(PRINT, { a: applying.id }, 'quanzhou'))).toBe('AGENCY_NOT_FILED');
  }, 60_000);

  it('待我办理: each role counts what waits for it, as many as its list shows', async () => {
    const TASKS = '{ filingTasks { awaitingCountyOpinion awaitingDecision returnedForCorrection } }';
    const LIST = 'query($s: [FilingStatus!]) { filings(status: $s) { totalCount } }';
    const total = async (who: string, s: string[]) => (await gql(LIST, { s }, who)).data.filings.totalCount;
    expect(codeOf(await gql(TASKS))).toBe('UNAUTHENTICATED');
    const city = (await gql(TASKS, {}, 'quanzhou')).data.filingTasks;
    // Quanzhou's registrations all pass a county first: what waits for the city is what the counties reviewed
    expect(city.awaitingDecision).toBe(await total('quanzhou', ['COUNTY_REVIEWED']));
    expect(city.awaitingDecision).toBeGreaterThan(0);
    expect(city.awaitingCountyOpinion).toBe(0); // not a county bureau
    const county = (await gql(TASKS, {}, 'jinjiang')).data.filingTasks;
    expect(county).toEqual({
      awaitingCountyOpinion: await total('jinjiang', ['SUBMITTED']),
      awaitingDecision: 0,
      returnedForCorrection: 0,
    });
    tokens.nananTasks = await as('u-nanan-tasks', {
      role: Role.COLLEGE_ADMIN,
      orgCode: demoCollege('南安职业中专学校').creditCode,
    });
    const college = (await gql(TASKS, {}, 'nananTasks')).data.filingTasks;
    expect(college.returnedForCorrection).toBe(await total('nananTasks', ['RETURNED']));
    expect(college.awaitingDecision + college.awaitingCountyOpinion).toBe(0);
  });

  it('coverage is for the bureaus of the region only', async () => {
    expect(codeOf(await gql('{ filingCoverage(regionCode: "350500") { ratio } }', {}, 'jinjiang'))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await gql('{ filingCoverage(regionCode: "350500") { ratio } }'))).toBe('UNAUTHENTICATED');
    const county = (
      await gql(
        '{ filingCoverage(regionCode: "350582") { vocationalColleges regionName byRegion { regionCode regionName vocationalColleges } } }',
        {},
        'jinjiang',
      )
    ).data.filingCoverage;
    expect(county.regionName).toBe('泉州市晋江市');
    expect(county.vocationalColleges).toBeGreaterThan(0);
    // a county has no regions below it: its chart shows itself, by its own name
    expect(county.byRegion).toEqual([
      { regionCode: '350582', regionName: '晋江市', vocationalColleges: county.vocationalColleges },
    ]);
  });

  it('says which uncovered colleges have filed another kind of agency (the public list shows those as filed)', async () => {
    const c = (
      await gql(
        '{ filingCoverage(regionCode: "350500") { missing { name filedAgencyKinds } } }',
        {},
        'quanzhou',
      )
    ).data.filingCoverage;
    const byName = new Map(c.missing.map((m: { name: string; filedAgencyKinds: string[] }) => [m.name, m]));
    // 「全省职业院校要全部备案设立职业技能等级评价机构」: a 考核鉴定机构 alone does not count, and the page says so
    expect(byName.get('泉州工艺美术职业学院')).toEqual({
      name: '泉州工艺美术职业学院',
      filedAgencyKinds: ['APPRAISAL_AGENCY'],
    });
    expect(byName.get('泉州轻工职业学院')).toMatchObject({ filedAgencyKinds: [] });
  });

  it('answers the bureau register with as many SQL statements for 1 agency as for all of them (no N+1)', async () => {
    const REGISTER = `query($r: String) { agencies(regionCode: $r, first: 200) { edges { node {
      id name status region { name } institution { name schoolType }
      scope { levels occupation { code } } events { type actor { id } } violations { type } } } } }`;
    const statementsFor = async (region: string) => {
      sql.length = 0;
      const r = await gql(REGISTER, { r: region }, 'quanzhou');
      expect(r.errors).toBeUndefined();
      return { agencies: r.data.agencies.edges.length as number, statements: sql.length };
    };
    const one = await statementsFor('350582'); // 晋江: one demo agency
    const all = await statementsFor('350500'); // 泉州市: every demo agency
    expect(one.agencies).toBeGreaterThanOrEqual(1);
    expect(all.agencies).toBeGreaterThan(one.agencies + 3);
    expect(all.statements).toBe(one.statements);
  });

  it('resolves a federated batch of agency references with one SQL query', async () => {
    const ids = (await svc.prisma.agency.findMany({ select: { id: true } })).map((a) => a.id);
    const reps = Array.from({ length: 100 }, (_, i) => ({ __typename: 'Agency', id: ids[i % ids.length] }));
    sql.length = 0;
    const r = await gql(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Agency { id name } } }',
      { r: reps },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data._entities).toHaveLength(100);
    expect(sql.filter((q) => /from "\w+"\."Agency"/i.test(q))).toHaveLength(1);
  });
  it('answers agency(id) the same through its keyed statements (row, 备案范围) as through Prisma', async () => {
    const FIELDS =
      'id name kind kindName status statusName filingNumber validFrom validUntil regionCode address contactPhone designatedUnit managementRules noOutsourcingCommittedAt';
    const SCOPE = 'scope { occupationCode kind levels occupation { code } specialAbilityProject { code } }';
    const ids = (await svc.prisma.agency.findMany({ select: { id: true } })).map((a) => a.id);
    expect(ids.length).toBeGreaterThan(1);
    // anonymous sees filed agencies only; 泉州市 sees every agency of its region, with its records
    for (const who of [undefined, 'quanzhou']) {
      for (const id of ids) {
        // `institution` is a relation that is not keyed: that request goes through Prisma
        const viaPrisma = await gql(`query($id: ID!) { agency(id: $id) { ${FIELDS} ${SCOPE} institution { name } } }`, { id }, who);
        expect(viaPrisma.errors).toBeUndefined();
        const expected = viaPrisma.data.agency && { ...viaPrisma.data.agency, institution: undefined };
        sql.length = 0;
        const keyed = await gql(`query($id: ID!) { agency(id: $id) { ${FIELDS} ${SCOPE} } }`, { id }, who);
        expect(keyed.data.agency && { ...keyed.data.agency, institution: undefined }).toEqual(expected);
        // one statement for the row, one for its scope — nothing through Prisma
        expect(sql.filter((q) => /"Agency"|"ScopeItem"/.test(q))).toHaveLength(2);
        for (const field of FIELDS.split(' ')) {
          const one = await gql(`query($id: ID!) { agency(id: $id) { ${field} } }`, { id }, who);
          expect(one.errors, field).toBeUndefined();
          expect(one.data.agency?.[field], field).toEqual(expected?.[field]);
        }
      }
    }
  });

  describe("who did each step (办理人): references to identity's actors", () => {
    const EVENTS = 'query($id: ID!) { agency(id: $id) { events { type actorId actorRole actor { id } } } }';
    type Event = { type: string; actorId: string; actorRole: string | null; actor: { id: string } | null };
    const eventsOf = async (id: string) =>
      new Map(
        ((await gql(EVENTS, { id }, 'quanzhou')).data.agency.events as Event[]).map((e) => [e.type, e]),
      );

    it('demo filings name the demo accounts: the college submits, the county gives its opinion, the city decides', async () => {
      const agencyOf = async (college: string) =>
        (
          await svc.prisma.agency.findFirstOrThrow({
            where: { institutionCode: demoCollege(college).creditCode },
          })
        ).id;
      const jinjiang = await eventsOf(await agencyOf('泉州职业技术大学')); // filed, 晋江 350582
      expect(jinjiang.get('FILING_COUNTY_OPINION')).toEqual({
        type: 'FILING_COUNTY_OPINION',
        actorId: demoAccountId('jinjiang.hr'),
        actorRole: 'COUNTY_HR',
        actor: { id: demoAccountId('jinjiang.hr') },
      });
      expect(jinjiang.get('FILING_APPROVE')!.actor).toEqual({ id: demoAccountId('quanzhou.hr') });
      expect(jinjiang.get('AGENCY_FILED')!.actor).toEqual({ id: demoAccountId('quanzhou.hr') });
      // the demo has no account for this college's admin: a system step, with no actor to resolve
      expect(jinjiang.get('FILING_SUBMITTED')).toMatchObject({ actorId: 'demo-seed', actor: null });
      const limingEvents = await eventsOf(await agencyOf('黎明职业大学'));
      expect(limingEvents.get('FILING_SUBMITTED')!.actor).toEqual({ id: demoAccountId('liming.admin') });
      const nanan = await eventsOf(await agencyOf('南安职业中专学校')); // returned for correction
      expect(nanan.get('FILING_COUNTY_OPINION')!.actor).toEqual({ id: demoAccountId('nanan.hr') });
      expect(nanan.get('FILING_RETURN')!.actor).toEqual({ id: demoAccountId('quanzhou.hr') });
    });

    it("bulk agencies each carry the city's approval, added once (also to agencies seeded without it)", async () => {
      expect(await seedBulk(svc.prisma, 3)).toBe(3);
      expect(await seedBulk(svc.prisma, 3)).toBe(0);
      const approvals = () =>
        svc.prisma.agencyEvent.findMany({
          where: { agencyId: { startsWith: 'bulk-' } },
          orderBy: { agencyId: 'asc' },
        });
      const first = await approvals();
      expect(first.map((e) => [e.agencyId, e.type, e.actorId])).toEqual(
        ['bulk-1', 'bulk-2', 'bulk-3'].map((id) => [id, 'FILING_APPROVE', demoAccountId('quanzhou.hr')]),
      );
      await svc.prisma.agencyEvent.delete({ where: { id: first[1]!.id } });
      await seedBulk(svc.prisma, 3);
      expect((await approvals()).map((e) => e.agencyId)).toEqual(['bulk-1', 'bulk-2', 'bulk-3']);
      const bulk = await eventsOf('bulk-2');
      expect([...bulk.values()]).toEqual([
        {
          type: 'FILING_APPROVE',
          actorId: demoAccountId('quanzhou.hr'),
          actorRole: 'CITY_HR',
          actor: { id: demoAccountId('quanzhou.hr') },
        },
      ]);
    });
  });
});
