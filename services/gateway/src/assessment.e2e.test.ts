// The assessment subgraph joined to agencies through the gateway: an agency's name and status come from agencies,
// its evaluation count (ADR 12) and its assessment plans from assessment, in one query; assessment asks agencies
// (through this gateway) before it creates a plan. Real processes, demo data.
import { demoAgencyId, demoCollege, Role } from '@skills/domain';
import { CLAIMS_HEADER, createLogger, freePort, signClaims } from '@skills/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { startGateway, type Gateway } from './gateway.js';
import { post, Services } from './testing/platform.js';

const SECRET = 'assessment-gateway-claims-secret-0123456789';
const services = new Services();
let gateway: Gateway;
const LIMING_AGENCY = demoAgencyId(demoCollege('黎明职业大学').creditCode, 'SKILL_LEVEL_AGENCY');

beforeAll(async () => {
  const port = await freePort();
  const graph = `http://127.0.0.1:${port}/graphql`;
  const [catalogue, identity] = await Promise.all([
    services.start('@skills/catalogue', { CLAIMS_SECRET: SECRET }),
    services.start('@skills/identity', { CLAIMS_SECRET: SECRET, DEMO_ACCOUNTS: 'true' }),
  ]);
  const [agencies, assessment] = await Promise.all([
    services.start('@skills/agencies', {
      CLAIMS_SECRET: SECRET,
      DEMO_DATA: 'true',
      CATALOGUE_GRAPH_URL: graph,
    }),
    services.start('@skills/assessment', {
      CLAIMS_SECRET: SECRET,
      DEMO_DATA: 'true',
      AGENCIES_GRAPH_URL: graph,
    }),
  ]);
  gateway = await startGateway({
    config: readConfig({
      PORT: String(port),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      CLAIMS_SECRET: SECRET,
      IDENTITY_URL: identity,
      RESPONSE_CACHE_TTL_SECONDS: '0',
    }),
    subgraphUrls: { catalogue, identity, agencies, assessment },
    log: createLogger('assessment-test', 'silent'),
  });
}, 240_000);
afterAll(async () => {
  await gateway?.close();
  services.stop();
});

const tokenOf = async (username: string) => {
  const r = await post(gateway.url, {
    query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }',
    variables: { u: username, p: 'Demo#2026' },
  });
  return { authorization: `Bearer ${r.json.data.login.accessToken as string}` };
};

describe('assessment through the gateway', () => {
  const AGENCY = `query($id: ID!) { agency(id: $id) { name status evaluationCount(since: "2025-01-01T00:00:00Z")
    assessmentPlans { title registeredCount occupation { name } } } }`;
  it('joins an agency (agencies) with its evaluation count and plans (assessment) and their occupations (catalogue)', async () => {
    const r = await post(
      gateway.url,
      { query: AGENCY, variables: { id: LIMING_AGENCY } },
      await tokenOf('quanzhou.hr'),
    );
    expect(r.json.errors).toBeUndefined();
    expect(r.json.data.agency).toMatchObject({
      name: '黎明职业大学职业技能等级评价中心',
      status: 'FILED',
      evaluationCount: 0,
    });
    expect(
      r.json.data.agency.assessmentPlans
        .map((p: { occupation: { name: string } }) => p.occupation.name)
        .sort(),
    ).toEqual(['电工', '计算机程序设计员'].sort());
  });
  it('does not give the anonymous an agency’s evaluation count', async () => {
    const r = await post(gateway.url, { query: AGENCY, variables: { id: LIMING_AGENCY } });
    expect(r.json.data?.agency?.name ?? null).toBeNull();
    expect(r.json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
  it('a platform service asking the graph with its signed claims is answered as that service, not as the anonymous', async () => {
    const asService = {
      [CLAIMS_HEADER]: await signClaims({ kind: 'service', id: 'certificates', grants: [] }, SECRET),
    };
    const r = await post(gateway.url, { query: AGENCY, variables: { id: LIMING_AGENCY } }, asService);
    expect(r.json.errors).toBeUndefined();
    expect(r.json.data.agency.evaluationCount).toBe(0);
    // claims signed with another secret, or a person's claims (only the gateway signs those), are refused
    const forged = {
      [CLAIMS_HEADER]: await signClaims(
        { kind: 'service', id: 'x', grants: [] },
        'another-secret-0123456789abcdef-xyz',
      ),
    };
    const f = await post(gateway.url, { query: AGENCY, variables: { id: LIMING_AGENCY } }, forged);
    expect(f.status).toBe(401);
    expect(f.json.errors[0].extensions.code).toBe('INVALID_TOKEN');
    const person = {
      [CLAIMS_HEADER]: await signClaims(
        { kind: 'user', id: 'someone', grants: [{ role: Role.PROVINCE_HR, regionCode: '350000' }] },
        SECRET,
      ),
    };
    expect(
      (await post(gateway.url, { query: AGENCY, variables: { id: LIMING_AGENCY } }, person)).status,
    ).toBe(401);
  });
  it('creates a plan only after asking agencies through the gateway, refusing outside the scope', async () => {
    const headers = await tokenOf('liming.agency');
    const PLAN = `mutation($o: String!, $l: SkillLevel!, $d: DateTime!) { createAssessmentPlan(agencyId: "${LIMING_AGENCY}",
      kind: OCCUPATION, occupationCode: $o, level: $l, title: "网关测试计划", assessmentDate: $d,
      registrationClosesAt: "2027-05-01T00:00:00Z", sites: ["实训楼"], capacity: 30) { id agencyName status } }`;
    const made = await post(
      gateway.url,
      { query: PLAN, variables: { o: '6-31-01-03', l: 'LEVEL_4', d: '2027-06-01T00:00:00Z' } },
      headers,
    );
    expect(made.json.errors, JSON.stringify(made.json.errors)).toBeUndefined();
    expect(made.json.data.createAssessmentPlan).toMatchObject({
      agencyName: '黎明职业大学职业技能等级评价中心',
      status: 'OPEN',
    });
    const outside = await post(
      gateway.url,
      { query: PLAN, variables: { o: '6-18-01-01', l: 'LEVEL_4', d: '2027-06-01T00:00:00Z' } },
      headers,
    );
    expect(outside.json.errors?.[0]?.extensions?.code).toBe('PLAN_OUTSIDE_AGENCY_SCOPE');
    // the filing period (2025-06-18 + 3 years) must still run on the assessment date
    const late = await post(
      gateway.url,
      { query: PLAN, variables: { o: '6-31-01-03', l: 'LEVEL_4', d: '2030-06-01T00:00:00Z' } },
      headers,
    );
    expect(late.json.errors?.[0]).toMatchObject({
      message: '黎明职业大学职业技能等级评价中心的备案有效期至 2028-06-18，不能在 2030-06-01 组织评价',
      extensions: { code: 'PLAN_OUTSIDE_FILING_PERIOD' },
    });
  });
});
