// 督导检查 → 违规: an inspection recorded in assessment becomes a violation in agencies (which owns violations),
// once, even when agencies is down when it is recorded and the delivery is retried. Real processes: catalogue and
// agencies as their own processes, assessment in this process behind a switchable proxy to agencies. PGlite and
// PostgreSQL.
import { mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCollege, Role, type Grant } from '@skills/domain';
import { CLAIMS_HEADER, freePort, signClaims } from '@skills/service-kit';
import {
  createTestDatabase,
  ServiceProcesses,
  testDatabaseKinds,
  type TestDatabase,
} from '@skills/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { DEMO_AGENCY_ID } from './demo.js';
import { startAssessment, type AssessmentService } from './server.js';

const SECRET = 'inspections-test-claims-secret-0123456789';
const kinds = await testDatabaseKinds();
const processes = new ServiceProcesses();
const liming = demoCollege('黎明职业大学'); // 丰泽区 350503
const fangzhi = demoCollege('泉州纺织服装职业学院');
const as = (id: string, ...grants: Grant[]) => signClaims({ kind: 'user', id, grants }, SECRET, 3600);
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

/** A proxy to agencies that can be switched off (connections refused as by a stopped service) and on again. */
let agenciesUp = true;
let proxy: Server;
let agenciesUrl: string;
let proxyUrl: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  Object.assign(tokens, {
    supervisor: await as('u-supervisor', { role: Role.SUPERVISOR, regionCode: '350500' }),
    quanzhouHr: await as('u-quanzhou-hr', { role: Role.CITY_HR, regionCode: '350500' }),
    quanzhouEdu: await as('u-quanzhou-edu', { role: Role.CITY_EDU, regionCode: '350500' }),
    fuzhouHr: await as('u-fuzhou-hr', { role: Role.CITY_HR, regionCode: '350100' }),
    liming: await as('u-liming', { role: Role.COLLEGE_ADMIN, orgCode: liming.creditCode }),
    fangzhi: await as('u-fangzhi', { role: Role.COLLEGE_ADMIN, orgCode: fangzhi.creditCode }),
    certificates: await signClaims({ kind: 'service', id: 'certificates', grants: [] }, SECRET, 3600),
  });
  const catalogueUrl = await processes.start('@skills/catalogue', { CLAIMS_SECRET: SECRET });
  agenciesUrl = await processes.start('@skills/agencies', {
    CLAIMS_SECRET: SECRET,
    DEMO_DATA: 'true',
    CATALOGUE_GRAPH_URL: catalogueUrl,
  });
  const target = new URL(agenciesUrl);
  proxy = createServer((req, res) => {
    if (!agenciesUp) return req.socket.destroy();
    const up = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: req.method,
        headers: req.headers,
      },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
}, 240_000);
afterAll(async () => {
  processes.stop();
  await new Promise((r) => proxy?.close(r));
});

const VIOLATIONS = `query($id: ID!) { agency(id: $id) { violations { id type severity description reportedFrom } } }`;
const violationsOf = async (source: string) =>
  (
    ok(await call(agenciesUrl, tokens.quanzhouHr!, VIOLATIONS, { id: DEMO_AGENCY_ID })).agency
      .violations as any[]
  ).filter((v) => v.reportedFrom === `assessment:${source}`);

describe.each(kinds)('inspections on %s', (kind) => {
  let db: TestDatabase | undefined;
  let svc: AssessmentService;
  let planId: string;
  const gql = (who: string, query: string, variables: object = {}) =>
    call(svc.url, tokens[who]!, query, variables);
  const INSPECT = `mutation($p: ID!, $f: String!, $op: String, $t: InspectionViolationType, $s: ViolationSeverity,
      $d: DateTime, $k: String) {
    recordInspection(planId: $p, findings: $f, actualOperator: $op, violationType: $t, severity: $s, deadline: $d,
      requestKey: $k) { id violationType severity violationStatus violationId actualOperator recordedAs } }`;
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString();

  beforeAll(async () => {
    agenciesUp = true;
    const database =
      kind === 'pglite'
        ? { DATA_DIR: mkdtempSync(join(tmpdir(), 'inspections-')) }
        : { DATABASE_URL: (db = await createTestDatabase(kind, 'inspections')).url };
    svc = await startAssessment(
      readConfig({
        ...database,
        PORT: String(await freePort()),
        CLAIMS_SECRET: SECRET,
        DEMO_DATA: 'true',
        AGENCIES_GRAPH_URL: proxyUrl,
        VIOLATION_DELIVERY_SECONDS: '0.5',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        NODE_ENV: 'test',
      }),
    );
    const plans = ok(await gql('quanzhouHr', '{ assessmentPlans { edges { node { id agencyId } } } }'));
    planId = plans.assessmentPlans.edges.find((e: any) => e.node.agencyId === DEMO_AGENCY_ID).node.id;
  }, 180_000);
  afterAll(async () => {
    await svc?.close();
    await db?.drop();
  });

  it('another operator running the assessment is 转包、外包: a violation recorded in agencies, once per request key', async () => {
    const key = `outsourced-${kind}`;
    const vars = {
      p: planId,
      f: '现场检查发现实操考核由培训公司人员组织',
      op: '某某职业培训有限公司',
      s: 'SERIOUS',
      d: deadline,
      k: key,
    };
    const first = ok(await gql('supervisor', INSPECT, vars)).recordInspection;
    expect(first).toMatchObject({
      violationType: 'OUTSOURCING',
      severity: 'SERIOUS',
      violationStatus: 'DELIVERED',
      actualOperator: '某某职业培训有限公司',
      recordedAs: 'SUPERVISOR',
    });
    const again = ok(await gql('supervisor', INSPECT, vars)).recordInspection;
    expect(again.id).toBe(first.id);
    const recorded = await violationsOf(`inspection:${first.id}`);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ id: first.violationId, type: 'OUTSOURCING', severity: 'SERIOUS' });
    expect(recorded[0].description).toMatch(/某某职业培训有限公司.*转包、外包/);
  });

  it('a finding alone is not a violation; a violation needs its severity and deadline', async () => {
    const finding = ok(
      await gql('quanzhouEdu', INSPECT, { p: planId, f: '考场秩序良好，考务资料齐全' }),
    ).recordInspection;
    expect(finding).toMatchObject({ violationType: null, violationStatus: 'NONE', recordedAs: 'CITY_EDU' });
    const noSeverity = await gql('quanzhouHr', INSPECT, {
      p: planId,
      f: '理论考试试卷未按规定保管',
      t: 'RECORDS',
      d: deadline,
    });
    expect(codeOf(noSeverity)).toBe('BAD_USER_INPUT');
    expect(noSeverity.errors![0].message).toMatch(/违规程度/);
    // education bureaus record findings; violations are the HR bureaus' and supervisors' to record (as in agencies)
    const edu = await gql('quanzhouEdu', INSPECT, {
      p: planId,
      f: '理论考试试卷未按规定保管',
      t: 'RECORDS',
      s: 'MINOR',
      d: deadline,
    });
    expect(codeOf(edu)).toBe('BAD_USER_INPUT');
    // another operator with a type other than outsourcing is a contradiction
    const wrong = await gql('quanzhouHr', INSPECT, {
      p: planId,
      f: '由其他单位组织实施考核',
      op: '其他单位',
      t: 'RECORDS',
      s: 'MINOR',
      d: deadline,
    });
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
  });

  it('only the plan region’s bureaus and supervisors inspect; the college sees its own plan’s inspections, no other college does', async () => {
    expect(codeOf(await gql('fuzhouHr', INSPECT, { p: planId, f: '跨地区检查记录尝试' }))).toBe('FORBIDDEN');
    expect(codeOf(await gql('liming', INSPECT, { p: planId, f: '院校自己记录检查' }))).toBe('FORBIDDEN');
    const nested = `query($id: ID!) { assessmentPlan(id: $id) { inspections { id findings } } }`;
    const root = `{ inspections { totalCount edges { node { id plan { id } } } } }`;
    expect(ok(await gql('liming', nested, { id: planId })).assessmentPlan.inspections.length).toBeGreaterThan(
      0,
    );
    expect(ok(await gql('liming', root)).inspections.totalCount).toBeGreaterThan(0);
    expect(ok(await gql('fangzhi', nested, { id: planId })).assessmentPlan?.inspections ?? null).toBeNull();
    expect(ok(await gql('fangzhi', root)).inspections.totalCount).toBe(0);
    expect(ok(await gql('fuzhouHr', root)).inspections.totalCount).toBe(0);
  });

  it('agencies down when the inspection is recorded: it stands as PENDING and reaches agencies exactly once when it is back', async () => {
    agenciesUp = false;
    const pending = ok(
      await gql('quanzhouHr', INSPECT, {
        p: planId,
        f: '实操考站考评员人数不足且未回避',
        t: 'ASSESSMENT_IRREGULARITY',
        s: 'MINOR',
        d: deadline,
        k: `down-${kind}`,
      }),
    ).recordInspection;
    expect(pending.violationStatus).toBe('PENDING');
    expect(pending.violationId).toBeNull();
    await new Promise((r) => setTimeout(r, 1_500)); // a few failed delivery rounds
    agenciesUp = true;
    const q = `query($id: ID!) { assessmentPlan(id: $id) { inspections { id violationStatus violationId } } }`;
    let now: any;
    for (let i = 0; i < 40; i++) {
      now = ok(await gql('quanzhouHr', q, { id: planId })).assessmentPlan.inspections.find(
        (x: any) => x.id === pending.id,
      );
      if (now.violationStatus === 'DELIVERED') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(now.violationStatus).toBe('DELIVERED');
    const recorded = await violationsOf(`inspection:${pending.id}`);
    expect(recorded).toHaveLength(1);
    expect(recorded[0].id).toBe(now.violationId);
  });

  it('agencies takes reported violations only from the assessment service', async () => {
    const REPORT = `mutation { recordReportedViolation(agencyId: "${DEMO_AGENCY_ID}", type: OUTSOURCING, severity: GRAVE,
      description: "伪造的移送", deadline: "${deadline}", source: "inspection:forged-${kind}", foundBy: "x") { id } }`;
    expect(codeOf(await call(agenciesUrl, tokens.certificates!, REPORT))).toBe('FORBIDDEN');
    // from assessment: the same source twice (a delivery whose answer was lost) is one violation
    const assessment = await signClaims({ kind: 'service', id: 'assessment', grants: [] }, SECRET, 60);
    const [a, b] = await Promise.all([
      call(agenciesUrl, assessment, REPORT),
      call(agenciesUrl, assessment, REPORT),
    ]);
    expect(ok(a).recordReportedViolation.id).toBe(ok(b).recordReportedViolation.id);
    expect(await violationsOf(`inspection:forged-${kind}`)).toHaveLength(1);
    expect(codeOf(await call(agenciesUrl, tokens.quanzhouHr!, REPORT))).toBe('FORBIDDEN');
  });
});
