// End-to-end: the agency of 黎明职业大学 (liming.agency) imports the scores of its demo 电工 三级 plan in
// portal-institution (评价计划): a csv with one bad row is refused whole, naming the row and the reason in Chinese;
// the corrected file imports; publishing is then refused until the plan's sessions are staffed (考场未安排). Then the
// city (quanzhou.hr) supervises the plan in portal-bureau (评价监管) and records an inspection finding 转包、外包.
import { idNumberCheckChar } from '@skills/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.js';
import { shot, startFreshPlatform, type FreshPlatform } from './support/fresh-platform.js';
import { signIn } from './support/session.js';

let e2e: FreshPlatform;

beforeAll(async () => {
  e2e = await startFreshPlatform('skills-e2e-scores-');
});

afterAll(async () => {
  await e2e?.stop();
});

const PLAN = '2027 年 1 月 电工 三级/高级工 评价';
/** the demo class registered for it (assessment's demo data: generated 丰泽区 ID numbers of 2005) */
const STUDENTS = ['陈思远', '林雨桐', '黄子涵', '吴俊杰', '郑晓琳'].map((name, k) => {
  const i = k + 1;
  const first17 = `350503200501${String(1 + (i % 28)).padStart(2, '0')}${String(i).padStart(3, '0')}`;
  return { name, idNumber: first17 + idNumberCheckChar(first17) };
});
const csv = (theory: (i: number) => string) =>
  Buffer.from(
    '\uFEFF身份证号,姓名,理论成绩,理论考试情况,实操成绩,实操考试情况\n' +
      STUDENTS.map((s, i) => `${s.idNumber},${s.name},${theory(i)},正常,${70 + i},正常`).join('\n') +
      '\n',
  );

describe('评价计划 (portal-institution)', () => {
  it('refuses a score file with a bad row whole, imports the corrected one, and will not publish unstaffed', async () => {
    const page = await e2e.openPage();
    await signIn(page, e2e.shellUrl, 'liming.agency', '/institution/plans');
    await page.getByRole('heading', { level: 1, name: '评价计划' }).waitFor();
    const plans = page.getByRole('table', { name: '评价计划' });
    await plans.getByText(PLAN).waitFor();
    await expectAccessible(page);

    const upload = async (fileName: string, content: Buffer) => {
      const chooser = page.waitForEvent('filechooser');
      await plans.getByRole('button', { name: `导入成绩 ${PLAN}` }).click();
      await (await chooser).setFiles({ name: fileName, mimeType: 'text/csv', buffer: content });
    };
    await upload(
      '成绩.csv',
      csv((i) => (i === 2 ? '150' : String(80 + i))),
    );
    const refused = page.getByRole('alert').filter({ hasText: '成绩未导入' });
    await refused.waitFor({ timeout: 15_000 }).catch(async (e) => {
      await shot(page, 'assessment-scores-failed.png');
      throw e;
    });
    expect(await refused.getByRole('list', { name: '导入错误' }).textContent()).toBe(
      '第 4 行（理论成绩）：理论成绩应为 0 至 100 之间的分数（至多一位小数），不能是“150”',
    );

    await upload(
      '成绩.csv',
      csv((i) => String(80 + i)),
    );
    await page
      .getByRole('status')
      .filter({ hasText: '已导入 5 行成绩，其中 5 名考生的成绩有变更' })
      .waitFor();

    await plans.getByRole('button', { name: `公示成绩 ${PLAN}` }).click();
    await page.getByRole('alert').filter({ hasText: '考评人员不足' }).waitFor();
    await shot(page, 'assessment-scores.png');
    expect(page.errors).toEqual([]);
  });
});

describe('评价监管 (portal-bureau)', () => {
  it('the city sees the plan in its region and records an inspection that finds 转包、外包: a violation in the agency’s record', async () => {
    const page = await e2e.openPage();
    await signIn(page, e2e.shellUrl, 'quanzhou.hr', '/bureau/assessment');
    await page.getByRole('heading', { level: 1, name: '评价监管' }).waitFor();
    const plans = page.getByRole('table', { name: '本地区评价计划' });
    const row = plans
      .getByRole('row')
      .filter({ hasText: '黎明职业大学职业技能等级评价中心' })
      .filter({ hasText: '电工' });
    await row
      .first()
      .waitFor()
      .catch(async (e) => {
        await shot(page, 'assessment-supervision-failed.png');
        const probe = await e2e.gql(
          '{ assessmentPlans(first: 200) { totalCount edges { node { id resultSummary { passed } inspections { id } occupation { name } } } } inspections(first: 200) { totalCount } }',
          {},
          await e2e.token('quanzhou.hr'),
        );
        console.log('PROBE', JSON.stringify(probe).slice(0, 1500));
        throw new Error(`${String(e)}\npage errors: ${page.errors.join(' | ')}`);
      });
    await expectAccessible(page);

    await row.first().getByRole('button', { name: '记录督导检查' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('检查发现').fill('现场检查发现实操考核由培训公司人员组织实施');
    await dialog.getByLabel('实际组织实施单位').fill('泉州某职业培训有限公司');
    const deadline = dialog.getByLabel('整改期限');
    await deadline.fill(`${new Date().getFullYear() + 1}-06-30`);
    await deadline.press('Enter');
    await dialog.getByRole('button', { name: /记\s*录/ }).click();
    await page.getByRole('alert').filter({ hasText: '认定违规：转包、委托第三方组织评价' }).waitFor();

    const checks = page.getByRole('table', { name: '督导检查记录' });
    const check = checks.getByRole('row').filter({ hasText: '泉州某职业培训有限公司' });
    await check.getByText('已记入违规记录').waitFor();
    await shot(page, 'assessment-supervision.png');

    // the violation is in the agency's record (agencies owns violations)
    await page.goto(e2e.shellUrl('/bureau/agencies'));
    await page.getByRole('heading', { level: 1, name: '机构名录' }).waitFor();
    await page.getByRole('link', { name: '黎明职业大学职业技能等级评价中心' }).first().click();
    await page.getByText(/由“泉州某职业培训有限公司”实际组织实施（转包、外包）/).waitFor();
    expect(page.errors).toEqual([]);
  });
});
