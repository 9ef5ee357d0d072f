// End-to-end: 证书查询 in portal-public on a phone (390 × 844). The agency of 黎明职业大学 (liming.agency) makes the
// results of its demo 电工 三级 plan final and issues the certificates through the gateway's API (set-up, not what
// this test is about — the portal-institution pages come later); then the public opens the QR link
// (/public/verify?number=…) with the number filled in: the right name shows the certificate with the ID number
// masked, a wrong name is told only 未查到该证书, a malformed number and too many lookups are told in Chinese, and
// after the city revokes it the certificate shows 已撤销. The unmasked ID number never appears in the page.
import { idNumberCheckChar } from '@skills/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.js';
import {
  shot,
  startFreshPlatform,
  type FreshPlatform,
  type GraphqlResult,
} from './support/fresh-platform.js';

let e2e: FreshPlatform;

beforeAll(async () => {
  // results become final at once (no 公示 working days), so the test can issue on them
  process.env.PUBLICATION_WORKING_DAYS = '0';
  e2e = await startFreshPlatform('skills-e2e-verify-');
});

afterAll(async () => {
  await e2e?.stop();
});

const PHONE = { width: 390, height: 844 };
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const idOf = (first17: string) => first17 + idNumberCheckChar(first17);
/** the demo class of the 电工 三级 plan (assessment's demo data: generated 丰泽区 ID numbers of 2005) */
const STUDENT_NAMES = ['陈思远', '林雨桐', '黄子涵', '吴俊杰', '郑晓琳'];
const STUDENT_IDS = [1, 2, 3, 4, 5].map((i) =>
  idOf(`350503200501${String(1 + (i % 28)).padStart(2, '0')}${String(i).padStart(3, '0')}`),
);

const ok = (r: GraphqlResult) => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as any;
};

/** Final results of the demo 电工 三级 plan and their certificates, issued by the agency. */
async function issueDemoCertificates(): Promise<{ number: string; holderName: string }[]> {
  const token = await e2e.token('liming.agency');
  const as = async (query: string, variables: object = {}) => ok(await e2e.gql(query, variables, token));
  const plans = (
    await as(`{ openAssessmentPlans { edges { node { id occupationCode
      registrations { edges { node { id } } } } } } }`)
  ).openAssessmentPlans.edges.map((e: any) => e.node);
  const plan = plans.find((p: { occupationCode: string }) => p.occupationCode === '6-31-01-03');
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
      { s, id: idOf(`3505031975010100${i}`) },
    );
  for (const e of plan.registrations.edges)
    await as(
      `mutation($r: ID!) { recordScore(registrationId: $r, theory: 78, practical: 85, reason: "录入") { id } }`,
      { r: e.node.id },
    );
  await as(`mutation($p: ID!) { publishResults(planId: $p) { status } }`, { p: plan.id });
  await as(`mutation($p: ID!) { finalizeResults(planId: $p) { finalized } }`, { p: plan.id });
  const results = (
    await as(`query($p: ID!) { assessmentPlan(id: $p) { finalResults { edges { node { id } } } } }`, {
      p: plan.id,
    })
  ).assessmentPlan.finalResults.edges.map((e: any) => e.node.id);
  const out = (
    await as(
      `mutation($r: [ID!]!) { issueCertificates(resultIds: $r, requestKey: "e2e-verify") {
        issued { number holderName } refused { code message } } }`,
      { r: results },
    )
  ).issueCertificates;
  expect(out.refused).toEqual([]);
  expect(out.issued.length).toBeGreaterThan(0);
  return out.issued;
}

async function lookUp(page: Page, name: string) {
  await page.getByLabel('持证人姓名').fill(name);
  await page.getByRole('button', { name: /^查\s*询$/ }).click();
}

/** How far the page is wider than the window (0 when nothing scrolls sideways). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('证书查询 (portal-public, on a phone)', () => {
  it('shows the certificate for the right name only, masked, and revoked once revoked', async () => {
    const { number, holderName } = (await issueDemoCertificates())[0]!;
    const page = await e2e.openPage();

    // the portal's menu leads to the page (checked at desktop width, where the menu is not folded)
    await page.goto(e2e.shellUrl('/public'));
    await page
      .getByRole('navigation', { name: '公众服务功能' })
      .getByRole('link', { name: '证书查询' })
      .click();
    await page.getByRole('heading', { level: 1, name: '证书查询' }).waitFor();

    // the QR code's link, on a phone: the number is filled in
    await page.setViewportSize(PHONE);
    await page.goto(e2e.shellUrl(`/public/verify?number=${encodeURIComponent(number)}`));
    await page.getByRole('heading', { level: 1, name: '证书查询' }).waitFor();
    expect(await page.getByLabel('证书编号').inputValue()).toBe(number);
    await expectAccessible(page);

    await lookUp(page, holderName);
    const result = page.getByRole('region', { name: '查询结果' });
    await result.waitFor().catch(async (e) => {
      await shot(page, 'verify-failed.png');
      throw e;
    });
    const shown = (await result.textContent()) ?? '';
    for (const text of [
      number,
      holderName,
      '电工',
      '三级/高级工',
      '黎明职业大学职业技能等级评价中心',
      '有效',
    ])
      expect(shown).toContain(text);
    expect(shown).toMatch(/3505\*{10}\d{3}[\dX]/);
    expect(await overflow(page)).toBe(0);
    await expectAccessible(page);
    await shot(page, 'phone-public-verify.png');
    const html = await page.content();
    for (const id of STUDENT_IDS) expect(html).not.toContain(id);

    // a wrong name learns nothing about the holder
    await lookUp(page, '王不是');
    await page.getByRole('alert').filter({ hasText: '未查到该证书：请核对证书编号和姓名' }).waitFor();
    expect(await result.count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain(holderName);

    // by ID number instead of the name (the switch: its buttons are the labels of radio inputs antd hides, so the
    // label is what a person taps): the same certificate, still shown masked
    const holderId = STUDENT_IDS[STUDENT_NAMES.indexOf(holderName)];
    expect(holderId).toBeDefined();
    const option = (name: string) => page.locator('label').filter({ has: page.getByRole('radio', { name }) });
    await option('身份证号').click();
    expect(await page.getByRole('radio', { name: '身份证号' }).isChecked()).toBe(true);
    await page.getByLabel('持证人身份证号').fill(holderId!);
    await page.getByRole('button', { name: /^查\s*询$/ }).click();
    await result.waitFor();
    expect(await result.textContent()).toContain(holderName);
    expect(await result.textContent()).not.toContain(holderId);
    // back to the name: the ID number typed leaves the page with its field
    await option('姓名').click();

    // a malformed number is told as such
    await page.getByLabel('证书编号').fill('abc');
    await lookUp(page, holderName);
    await page.getByRole('alert').filter({ hasText: '证书编号不正确' }).waitFor();

    // the city revokes it: the same lookup now shows it revoked, with the date
    const city = await e2e.token('quanzhou.hr');
    ok(
      await e2e.gql(
        `mutation($n: String!) { revokeCertificate(number: $n, reason: "持证人以欺骗手段取得") { status } }`,
        { n: number },
        city,
      ),
    );
    await page.getByLabel('证书编号').fill(number);
    await lookUp(page, holderName);
    await page
      .getByRole('alert')
      .filter({ hasText: /该证书已撤销（\d{4}-\d{2}-\d{2}），不再有效/ })
      .waitFor();
    expect(await result.textContent()).toMatch(/已撤销（\d{4}-\d{2}-\d{2} 撤销）/);
    await shot(page, 'phone-public-verify-revoked.png');
    for (const id of STUDENT_IDS) expect(await page.content()).not.toContain(id);

    // too many lookups from one address (this machine: the browser and the test's API calls are one client) are
    // told when to try again; each name differs, so no cached answer stands in for a lookup
    const VERIFY = `query($n: String!, $name: String!) { verifyCertificate(number: $n, name: $name) { number } }`;
    let limited = false;
    for (let i = 0; i < 40 && !limited; i++) {
      const r = await e2e.gql(VERIFY, { n: number, name: `猜测${i}` });
      limited = r.errors?.[0]?.extensions?.code === 'RATE_LIMITED';
    }
    expect(limited).toBe(true);
    await lookUp(page, '再猜一次');
    await page
      .getByRole('alert')
      .filter({ hasText: /查询过于频繁，请 \d+ 秒后再试/ })
      .waitFor()
      .catch(async (e) => {
        await shot(page, 'verify-rate-limited-failed.png');
        throw e;
      });
    expect(page.errors).toEqual([]);
  });
});
