// End-to-end: a social candidate registers for assessment plans in portal-candidate (评价计划报名). candidate.demo
// (农民工, 6 years in the trade, no certificate) is refused 电工 三级 with the rule named in Chinese, registers for
// 计算机程序设计员 四级 (6 years qualify), and sees the registration under 我的报名与结果 — through the shell, the
// gateway and the assessment subgraph on their own platform (fresh data).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.js';
import { shot, startFreshPlatform, type FreshPlatform } from './support/fresh-platform.js';
import { signIn } from './support/session.js';

let e2e: FreshPlatform;

beforeAll(async () => {
  e2e = await startFreshPlatform('skills-e2e-assessment-');
});

afterAll(async () => {
  await e2e?.stop();
});

const ELECTRICIAN = '2027 年 1 月 电工 三级/高级工 评价';
const PROGRAMMER = '2027 年 1 月 计算机程序设计员 四级/中级工 评价';

describe('评价计划报名 (portal-candidate)', () => {
  it('refuses a level the candidate does not qualify for, naming the rule, and registers for one they do', async () => {
    const page = await e2e.openPage();
    await signIn(page, e2e.shellUrl, 'candidate.demo', '/candidate/plans');
    await page.getByRole('heading', { level: 1, name: '评价计划报名' }).waitFor();
    const plans = page.getByRole('region', { name: '正在报名的评价计划' });
    await plans.getByText(ELECTRICIAN).waitFor();
    await expectAccessible(page);

    await plans.getByRole('button', { name: `报名 ${ELECTRICIAN}` }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '不符合报名条件' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      '不符合报名条件（社会考生申报三级/高级工）：须取得本职业四级/中级工证书后，累计从事本职业工作5年（含）以上',
    );

    await plans.getByRole('button', { name: `报名 ${PROGRAMMER}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `已报名：${PROGRAMMER}` })
      .waitFor();
    const mine = page.getByRole('region', { name: '我的报名与结果' });
    await mine.getByText(PROGRAMMER).waitFor();
    expect(await mine.getByRole('row').filter({ hasText: PROGRAMMER }).textContent()).toContain('待确认');
    await shot(page, 'assessment-registration.png');
    expect(page.errors).toEqual([]);
  });
});
