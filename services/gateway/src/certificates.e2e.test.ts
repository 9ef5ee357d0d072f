// Certificates through the gateway, as the platform runs them: an agency's results become final in assessment, the
// agency issues certificates (certificates asks assessment and agencies through this gateway with its service
// claims), the public verifies by number and name without signing in (the occupation's name joined from the
// catalogue; the lookup limited per client address the gateway forwards), the city revokes and the public sees it
// revoked at once (the revocation drops cached answers). Real processes, demo data and demo accounts.
import { demoCollege, parseCertificateNumber } from '@skills/domain';
import { createLogger, freePort } from '@skills/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { startGateway, type Gateway } from './gateway.js';
import { post, Services } from './testing/platform.js';

const SECRET = 'certificates-gateway-claims-secret-0123456789';
const services = new Services();
let gateway: Gateway;
const liming = demoCollege('黎明职业大学');
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

beforeAll(async () => {
  const port = await freePort();
  const graph = `http://127.0.0.1:${port}/graphql`;
  // in steps: five services starting at once on a busy 2-core machine outlast the readiness wait
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
      PUBLICATION_WORKING_DAYS: '0',
    }),
  ]);
  const certificates = await services.start('@skills/certificates', {
    CLAIMS_SECRET: SECRET,
    ASSESSMENT_GRAPH_URL: graph,
    AGENCIES_GRAPH_URL: graph,
    VERIFY_RATE_LIMIT: '5',
  });
  gateway = await startGateway({
    config: readConfig({
      PORT: String(port),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      CLAIMS_SECRET: SECRET,
      IDENTITY_URL: identity,
      // behind one proxy (the Ingress): the client is the X-Forwarded-For entry it appended
      TRUSTED_PROXIES: '1',
    }),
    subgraphUrls: { catalogue, identity, agencies, assessment, certificates },
    log: createLogger('certificates-test', 'silent'),
  });
}, 480_000);
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
const ok = (r: { json: { data?: any; errors?: any } }) => {
  if (r.json.errors) throw new Error(JSON.stringify(r.json.errors));
  return r.json.data;
};
const idOf = async (first17: string) => first17 + (await import('@skills/domain')).idNumberCheckChar(first17);

describe('certificates through the gateway', () => {
  const VERIFY = `query($n: String!, $name: String) { verifyCertificate(number: $n, name: $name) {
    number holderName idNumber level occupation { name } issuerName issuedOn status revokedOn } }`;
  let number = '';
  let holder = '';

  it('the agency issues certificates on its final results; the public verifies one by number and name', async () => {
    const agency = await tokenOf('liming.agency');
    const as = (query: string, variables: object = {}) =>
      post(gateway.url, { query, variables }, agency).then(ok);
    const plans = (
      await as(`{ openAssessmentPlans { edges { node { id occupationCode
        registrations { edges { node { id candidate { name } } } } } } } }`)
    ).openAssessmentPlans.edges.map((e: any) => e.node);
    const plan = plans.find((p: any) => p.occupationCode === '6-31-01-03');
    const session = async (kind: string) =>
      (
        await as(
          `mutation($p: ID!, $k: AssessmentSessionKind!) { addAssessmentSession(planId: $p, kind: $k, name: "考场",
            site: "实训楼", startsAt: "${future(30)}", endsAt: "${future(30.2)}") { id } }`,
          { p: plan.id, k: kind },
        )
      ).addAssessmentSession.id;
    const [theory, practical] = [await session('THEORY'), await session('PRACTICAL')];
    for (const [s, i] of [
      [theory, 1],
      [theory, 2],
      [practical, 3],
      [practical, 4],
      [practical, 5],
    ] as const)
      await as(
        `mutation($s: ID!, $id: String!) { assignSessionStaff(sessionId: $s, role: ASSESSOR, name: "考评员${i}", idNumber: $id) { id } }`,
        { s, id: await idOf(`3505031975010100${i}`) },
      );
    const regs = plan.registrations.edges.map((e: any) => e.node);
    for (const r of regs)
      await as(
        `mutation($r: ID!) { recordScore(registrationId: $r, theory: 78, practical: 85, reason: "录入") { id } }`,
        { r: r.id },
      );
    await as(`mutation($p: ID!) { publishResults(planId: $p) { status } }`, { p: plan.id });
    await as(`mutation($p: ID!) { finalizeResults(planId: $p) { finalized } }`, { p: plan.id });
    const results = (
      await as(`query($p: ID!) { assessmentPlan(id: $p) { finalResults { edges { node { id } } } } }`, {
        p: plan.id,
      })
    ).assessmentPlan.finalResults.edges.map((e: any) => e.node.id);
    expect(results).toHaveLength(regs.length);

    const out = (
      await as(
        `mutation($r: [ID!]!) { issueCertificates(resultIds: $r, requestKey: "e2e") {
          issued { number holderName } refused { code message } } }`,
        { r: results },
      )
    ).issueCertificates;
    expect(out.refused).toEqual([]);
    expect(out.issued).toHaveLength(regs.length);
    const numbers = out.issued.map((c: any) => parseCertificateNumber(c.number));
    expect(numbers.map((n: any) => n.sequence).sort()).toEqual(regs.map((_: unknown, i: number) => i + 1));
    expect(new Set(numbers.map((n: any) => n.issuer))).toEqual(new Set(['3505030001']));
    ({ number, holderName: holder } = out.issued[0]);
    // the final result shows its certificate, joined across subgraphs
    const joined = await as(
      `query($p: ID!) { assessmentPlan(id: $p) { finalResults { edges { node { certificate { number } } } } } }`,
      {
        p: plan.id,
      },
    );
    expect(
      joined.assessmentPlan.finalResults.edges.map((e: any) => e.node.certificate.number).sort(),
    ).toEqual(out.issued.map((c: any) => c.number).sort());

    const shown = await post(gateway.url, { query: VERIFY, variables: { n: number, name: holder } });
    expect(ok(shown).verifyCertificate).toMatchObject({
      number,
      holderName: holder,
      level: 'LEVEL_3',
      occupation: { name: '电工' },
      issuerName: '黎明职业大学职业技能等级评价中心',
      status: 'VALID',
      revokedOn: null,
    });
    expect(ok(shown).verifyCertificate.idNumber).toMatch(/^3505\*{10}\d{3}[\dX]$/);
    expect(
      ok(await post(gateway.url, { query: VERIFY, variables: { n: number, name: '不是本人' } })),
    ).toEqual({
      verifyCertificate: null,
    });
  });

  it('limits lookups per client address forwarded by the gateway', async () => {
    const from = (address: string, i: number) =>
      post(
        gateway.url,
        { query: VERIFY, variables: { n: number, name: `猜测${i}` } },
        { 'x-forwarded-for': address },
      );
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await from('198.51.100.9', i));
    expect(answers.slice(0, 5).map((a) => a.json.errors)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(answers[5]!.json.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^查询过于频繁/),
      extensions: { code: 'RATE_LIMITED' },
    });
    expect((await from('198.51.100.10', 99)).json.errors).toBeUndefined();
  });

  it('the city revokes it and the public sees it revoked at once', async () => {
    const before = await post(gateway.url, { query: VERIFY, variables: { n: number, name: holder } });
    expect(ok(before).verifyCertificate.status).toBe('VALID');
    const city = await tokenOf('quanzhou.hr');
    const revoked = await post(
      gateway.url,
      {
        query: `mutation($n: String!) { revokeCertificate(number: $n, reason: "持证人以欺骗手段取得") { status } }`,
        variables: { n: number },
      },
      city,
    );
    expect(ok(revoked).revokeCertificate.status).toBe('REVOKED');
    const after = await post(gateway.url, { query: VERIFY, variables: { n: number, name: holder } });
    expect(ok(after).verifyCertificate).toMatchObject({ number, status: 'REVOKED' });
    expect(ok(after).verifyCertificate.revokedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(liming.regionCode).toBe('350503');
  });
});
