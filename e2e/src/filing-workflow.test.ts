// End-to-end: the filing workflow through the UI on its own platform (fresh data): a college applies, the county
// gives its opinion, the city approves and the coverage KPI rises, and the agency appears on the public list.
import { pdfText } from '@skills/documents/testing';
import { ERROR_MESSAGES, idNumberCheckChar, maskIdNumber } from '@skills/domain';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.js';
import { shot, startFreshPlatform, type FreshPlatform } from './support/fresh-platform.js';
import { DEMO_PASSWORD, signIn, signOut } from './support/session.js';

let e2e: FreshPlatform;

beforeAll(async () => {
  e2e = await startFreshPlatform('skills-e2e-filing-');
});

afterAll(async () => {
  await e2e?.stop();
});

const shellUrl = (path: string) => e2e.shellUrl(path);
const openPage = () => e2e.openPage();

/** The 泉州市 coverage KPI as shown on 备案覆盖率: filed / vocational colleges. */
async function readCoverage(page: Page): Promise<{ filed: number; total: number }> {
  await page.goto(shellUrl('/bureau/coverage'));
  await page.getByRole('heading', { level: 1, name: '备案覆盖率' }).waitFor();
  const kpi = (await page.getByTestId('coverage-kpi').textContent())!;
  const [filed, total] = kpi.split('/').map(Number) as [number, number];
  return { filed, total };
}

describe('filing workflow through the UI', () => {
  it('refuses 二级 (only by expansion) for a college with a typed Chinese message at the API', async () => {
    const token = await e2e.token('haiyang.admin');
    // the 高职 college's own refusal carries the same code the form shows
    const r = await e2e.gql(
      'mutation($c:String!,$s:[ScopeItemInput!]!){applyForFiling(institutionCode:$c,kind:SKILL_LEVEL_AGENCY,scope:$s,requestKey:"e2e-cap",duties:{designatedUnit:"职业技能评价中心办公室",managementRules:"考务、档案、问题查处和责任追究制度",noOutsourcing:true}){id}}',
      { c: '12350581DM0005006B', s: [{ occupationCode: '6-31-01-03', levels: ['LEVEL_2'] }] },
      token,
    );
    expect(r.errors?.[0]?.extensions?.code).toMatch(/LEVEL_EXCEEDS_SCHOOL_CAP|EXPANSION/);
    expect(r.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('signs in with a Chinese, accessible form and shows the account and its portals', async () => {
    const page = await openPage();
    await page.goto(shellUrl('/bureau'));
    // anonymous: only 公众服务, and /bureau asks to sign in
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    const nav = page.getByRole('navigation', { name: '门户导航' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['公众服务']);
    await page.getByLabel('用户名').fill('quanzhou.hr');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/[\u4e00-\u9fa5]/);
    await shot(page, 'login.png');
    await expectAccessible(page);

    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/bureau$/);
    await page.getByRole('heading', { level: 1, name: '备案审核' }).waitFor();
    expect(await page.getByTestId('account-roles').innerText()).toContain('市人社局');
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['公众服务', '监管部门']);

    // a reload keeps the session (refresh token in sessionStorage); the access token is not stored
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '备案审核' }).waitFor();
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
    expect(stored).not.toMatch(/eyJ/); // no JWT (access token) in storage
    await signOut(page);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('a 中职 cannot file above 四级: the form previews the cap and shows the server’s refusal', async () => {
    const page = await openPage();
    await signIn(page, shellUrl, 'dehua.admin', '/institution');
    await page.getByRole('heading', { level: 1, name: '本校评价机构' }).waitFor();
    await page
      .getByRole('navigation', { name: '院校与评价机构功能' })
      .getByRole('link', { name: '申请备案' })
      .click();
    await page.getByTestId('cap-preview').getByText('本校为中职').waitFor();
    const search = page.getByRole('searchbox', { name: '检索职业（工种）' });
    await search.fill('电工');
    await search.press('Enter');
    await page.getByRole('button', { name: '加入 电工', exact: true }).click();
    const levels = page.getByRole('group', { name: '电工 申请等级' });
    await levels.getByLabel('三级/高级工').check();
    await page
      .getByTestId('cap-preview')
      .getByText(/中职学生不能评价三级\/高级工/)
      .waitFor();
    // 学校履职: the designated unit, the management rules and the no-outsourcing commitment
    await page.getByLabel('负责职业技能评价工作的专门机构').fill('职业技能评价中心办公室');
    await page
      .getByLabel('管理制度（工作流程、台账、问题查处和责任追究）')
      .fill('考务、档案、问题查处和责任追究制度');
    await page.getByRole('checkbox', { name: /不以“转包”“委托”/ }).check();
    await page.getByRole('button', { name: '提交备案申请' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '提交未成功' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('中职学生不能评价三级/高级工');
    await shot(page, 'institution-apply-refused-zhongzhi.png');
    await signOut(page);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('a filed college registers an assessor (masked ID, 回避) and sees the server’s refusal of a bad ID', async () => {
    const first17 = '35058219800101123';
    const check = idNumberCheckChar(first17);
    const idNumber = first17 + check;
    const wrongId = first17 + (check === '0' ? '1' : '0');
    const page = await openPage();
    await signIn(page, shellUrl, 'liming.admin', '/institution');
    await page.getByRole('heading', { level: 1, name: '本校评价机构' }).waitFor();

    // 联系方式: a bad number gets the server's Chinese refusal, a good one shows on the card
    await page.getByRole('button', { name: /^修改联系方式：/ }).click();
    const contact = page.getByRole('dialog');
    await contact.getByLabel('联系地址').fill('黎明职业大学评价中心办公室');
    await contact.getByLabel('咨询电话').fill('22274285');
    await contact.getByRole('button', { name: /保\s*存/ }).click();
    await contact.getByRole('alert').getByText('咨询电话格式不正确').waitFor();
    await contact.getByLabel('咨询电话').fill('0595-22270000');
    await contact.getByRole('button', { name: /保\s*存/ }).click();
    await contact.waitFor({ state: 'hidden' });
    // on the card, and as a step in the history (who changed it, when)
    await expect.poll(() => page.getByText('0595-22270000').count()).toBe(2);
    await page.getByText('更新联系方式').first().waitFor();
    await expectAccessible(page);

    await page
      .getByRole('link', { name: /考评员$/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: '考评员' }).waitFor();

    const form = page.getByRole('region', { name: '登记考评员' });
    await form.getByLabel('姓名', { exact: true }).fill('陈明');
    await form.getByLabel('身份证号', { exact: true }).fill(wrongId);
    await form.getByLabel('手机号', { exact: true }).fill('13812345678');
    const qualification = form.getByRole('group', { name: '资格 1' });
    await qualification.getByLabel('职业（工种）编码').fill('6-31-01-03');
    await qualification.getByLabel('等级').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '三级/高级工' })
      .click();
    await form.getByRole('button', { name: '增加回避关系' }).click();
    await form.getByRole('group', { name: '回避关系 1' }).getByLabel('对方姓名').fill('王小明');

    // a wrong check character: the server's typed Chinese error, as sent
    await form.getByRole('button', { name: '登记考评员' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '登记未成功' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(ERROR_MESSAGES.INVALID_ID_NUMBER);

    await form.getByLabel('身份证号', { exact: true }).fill(idNumber);
    await form.getByRole('button', { name: '登记考评员' }).click();
    await page.getByRole('status').filter({ hasText: '已登记考评员 陈明' }).waitFor();
    const row = page.getByRole('table', { name: '考评员' }).getByRole('row').filter({ hasText: '陈明' });
    await row.getByText(maskIdNumber(idNumber)).waitFor();
    const text = await row.innerText();
    expect(maskIdNumber(idNumber)).toMatch(/^3505\*{10}/);
    expect(text).not.toContain(idNumber);
    expect(text).toContain('138****5678');
    expect(text).toContain('6-31-01-03 三级/高级工');
    expect(text).toContain('任课教师：王小明');
    await shot(page, 'institution-assessors.png');
    await expectAccessible(page);
    await signOut(page);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('runs 申请 → 县区意见 → 市局准予备案 → 公开名录, and the coverage KPI goes up', async () => {
    const page = await openPage();

    // 1. the college applies (电工 四级 + 三级); a level outside the 高职 cap is refused with the server's message
    await signIn(page, shellUrl, 'haiyang.admin', '/institution');
    await page.getByRole('heading', { level: 1, name: '本校评价机构' }).waitFor();
    await page.getByText('本校尚未申请备案评价机构').waitFor();
    await shot(page, 'institution-agencies-empty.png');
    await page
      .getByRole('navigation', { name: '院校与评价机构功能' })
      .getByRole('link', { name: '申请备案' })
      .click();
    await page.getByRole('heading', { level: 1, name: '申请备案' }).waitFor();
    await page.getByTestId('cap-preview').getByText('本校为高职').waitFor();
    const search = page.getByRole('searchbox', { name: '检索职业（工种）' });
    await search.fill('电工');
    await search.press('Enter');
    await page.getByRole('button', { name: '加入 电工', exact: true }).click();
    const levels = page.getByRole('group', { name: '电工 申请等级' });
    await levels.getByLabel('五级/初级工').check();
    await page
      .getByTestId('cap-preview')
      .getByText(/高职学生不能评价五级\/初级工/)
      .waitFor();
    // 学校履职: the designated unit, the management rules and the no-outsourcing commitment
    await page.getByLabel('负责职业技能评价工作的专门机构').fill('职业技能评价中心办公室');
    await page
      .getByLabel('管理制度（工作流程、台账、问题查处和责任追究）')
      .fill('考务、档案、问题查处和责任追究制度');
    await page.getByRole('checkbox', { name: /不以“转包”“委托”/ }).check();
    await page.getByRole('button', { name: '提交备案申请' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '提交未成功' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('高职学生不能评价五级/初级工');
    await shot(page, 'institution-apply-refused.png');
    await expectAccessible(page);

    await levels.getByLabel('五级/初级工').uncheck();
    await levels.getByLabel('四级/中级工').check();
    await levels.getByLabel('三级/高级工').check();
    // 学校履职: the designated unit, the management rules and the no-outsourcing commitment
    await page.getByLabel('负责职业技能评价工作的专门机构').fill('职业技能评价中心办公室');
    await page
      .getByLabel('管理制度（工作流程、台账、问题查处和责任追究）')
      .fill('考务、档案、问题查处和责任追究制度');
    await page.getByRole('checkbox', { name: /不以“转包”“委托”/ }).check();
    await page.getByRole('button', { name: '提交备案申请' }).click();
    await page.getByRole('heading', { level: 1, name: '本校评价机构' }).waitFor();
    await page.getByText('备案申请已提交').waitFor();
    await page.getByText('已提交，待县区审核').first().waitFor();
    await shot(page, 'institution-agencies.png');
    await expectAccessible(page);
    await signOut(page);

    // 2. another county does not see it
    await signIn(page, shellUrl, 'nanan.hr', '/bureau');
    await page.getByRole('heading', { level: 1, name: '备案审核' }).waitFor();
    const queue = page.getByRole('table', { name: '备案申请' });
    await queue.getByText('南安职业中专学校', { exact: true }).waitFor();
    expect(await queue.getByText('泉州海洋职业学院').count()).toBe(0);
    await signOut(page);

    // 3. 石狮市 gives its opinion
    await signIn(page, shellUrl, 'shishi.hr', '/bureau');
    await page.getByRole('heading', { level: 1, name: '备案审核' }).waitFor();
    // 待我办理: the county's menu counts the application waiting for its opinion, and the count goes when it is given
    const menu = page.getByRole('navigation', { name: '监管部门功能' });
    await menu.getByTitle('1 项待办理').waitFor();
    const row = queue.getByRole('row').filter({ hasText: '泉州海洋职业学院' });
    await row.getByRole('button', { name: '县区意见' }).click();
    const opinion = page.getByRole('dialog');
    await opinion.getByRole('textbox', { name: '审核意见' }).fill('材料齐全，同意报市局备案');
    await opinion.getByRole('button', { name: /提\s*交/ }).click();
    await row.getByText('县区已审核，待市局决定').waitFor();
    await menu.getByTitle(/项待办理/).waitFor({ state: 'detached' });
    // axe must not see the dialog mid-way through its closing animation (no name, faded colours)
    await opinion.waitFor({ state: 'hidden' });
    await shot(page, 'bureau-review-county.png');
    await expectAccessible(page);
    await signOut(page);

    // 4. the city approves; coverage for 泉州市 goes up by one college
    await signIn(page, shellUrl, 'quanzhou.hr', '/bureau/coverage');
    const before = await readCoverage(page);
    await page.getByText('已超过期限（2025-12-31）').waitFor();
    await page.goto(shellUrl('/bureau'));
    const cityRow = queue.getByRole('row').filter({ hasText: '泉州海洋职业学院' });
    await cityRow.getByRole('button', { name: '备案决定' }).click();
    const decision = page.getByRole('dialog');
    await decision.getByLabel('准予备案').check();
    await decision.getByRole('button', { name: /提\s*交/ }).click();
    await cityRow.waitFor({ state: 'detached' }); // no longer open
    await decision.waitFor({ state: 'hidden' });
    const after = await readCoverage(page);
    expect(after.total).toBe(before.total);
    expect(after.filed).toBe(before.filed + 1);
    await page.locator('[data-testid="coverage-chart"] canvas').waitFor();
    const missing = page.getByRole('table', { name: '尚未备案的职业院校' });
    await missing.getByText('泉州医学高等专科学校').waitFor();
    expect(await missing.getByText('泉州海洋职业学院').count()).toBe(0);
    // a college with only a 考核鉴定机构 is not covered, and the row says why (the public list shows it filed)
    await missing
      .getByRole('row')
      .filter({ hasText: '泉州工艺美术职业学院' })
      .getByText('已备案职业技能考核鉴定机构，尚未备案职业技能等级评价机构')
      .waitFor();
    await page.getByTestId('coverage-rule').getByText('职业技能等级评价机构').waitFor();
    await shot(page, 'bureau-coverage.png');
    await expectAccessible(page);

    // 机构名录 → details with scope, events and (empty) violations; record and close a violation
    await page
      .getByRole('navigation', { name: '监管部门功能' })
      .getByRole('link', { name: '机构名录与监督检查' })
      .click();
    await page.getByRole('heading', { level: 1, name: '机构名录' }).waitFor();
    await shot(page, 'bureau-register.png');
    await expectAccessible(page);
    // the register with a filter exports to xlsx: the file holds the filtered rows and says which filter
    await page.getByRole('searchbox', { name: '机构或院校名称' }).fill('职业');
    await page.getByRole('searchbox', { name: '机构或院校名称' }).press('Enter');
    await page.waitForURL(/[?&]q=/);
    const shownRows = await page.getByRole('table', { name: '评价机构名录' }).locator('tbody tr').count();
    await page.getByText(/共 \d+ 家评价机构/).waitFor();
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^机构名录-\d{8}-\d{4}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await xlsx.path());
    const sheet = book.getWorksheet('机构名录')!;
    expect(sheet.getRow(1).values).toContain('备案编号');
    expect(sheet.rowCount - 1).toBe(shownRows);
    const names = sheet.getColumn(2).values.slice(2);
    expect(names).toContain('泉州海洋职业学院职业技能等级评价中心');
    const criteria = book
      .getWorksheet('检索条件')!
      .getSheetValues()
      .map((r) => (r as unknown[])?.slice(1));
    expect(criteria).toContainEqual(['机构或院校名称', '职业']);
    await page.getByRole('link', { name: /泉州海洋职业学院/ }).click();
    await page.getByRole('table', { name: '备案范围' }).getByText('电工').waitFor();
    await page.getByText('准予备案').first().waitFor();
    // 备案证明: a PDF whose text names the agency, its number and its scope by name
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '打印备案证明（PDF）' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/^备案证明-FJ-350500-\d{4}-\d{4}\.pdf$/);
    const printed = await pdfText(await readFile(await pdf.path()));
    for (const s of [
      '职业技能评价机构备案证明',
      '泉州海洋职业学院职业技能等级评价中心',
      '电工（6-31-01-03）',
      '泉州市人力资源和社会保障局',
    ])
      expect(printed).toContain(s);
    await shot(page, 'bureau-agency-detail.png');
    await expectAccessible(page);

    // 监督检查: record 转包 (OUTSOURCING), close it; suspend and restore the agency
    await page.getByLabel('整改期限').fill('2027-01-31');
    await page.getByLabel('整改期限').press('Enter');
    await page.getByLabel('检查发现的情况').fill('将实操考核委托校外机构组织实施');
    await page.getByRole('button', { name: '记录违规' }).click();
    await page.getByRole('status').filter({ hasText: '已记录违规' }).waitFor();
    const violations = page.getByRole('table', { name: '违规记录' });
    await violations.getByText('转包、委托第三方组织评价').waitFor();
    await violations.getByRole('button', { name: '整改完毕' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: '整改情况' }).fill('已收回，自行组织实施');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await violations.getByText(/已整改/).waitFor();
    await page.getByRole('button', { name: '暂停机构' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: '理由' }).fill('检查期间暂停');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await page.getByRole('button', { name: '恢复机构' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: '理由' }).fill('整改完成，恢复');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await page.getByRole('button', { name: '暂停机构' }).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await shot(page, 'bureau-supervision.png');
    await expectAccessible(page);
    await signOut(page);

    // 5. signed out, the public list shows the agency with its scope by occupation name
    await page.goto(shellUrl('/public/agencies?q=%E6%B5%B7%E6%B4%8B'));
    await page.getByRole('heading', { level: 1, name: '评价机构名录' }).waitFor();
    const results = page.getByRole('table', { name: '评价机构' });
    await results.getByText('泉州海洋职业学院职业技能等级评价中心').waitFor();
    await results.getByText('电工（6-31-01-03）：四级/中级工、三级/高级工').waitFor();
    await page.goto(shellUrl('/public/agencies?occupation=%E7%94%B5%E5%B7%A5&region=350581'));
    await page.getByText('按职业：电工（6-31-01-03）').waitFor();
    await page.getByText('共 1 家评价机构').waitFor();
    // 社会监督: anyone may complain about a listed agency (anonymously); the receipt names its number
    await page.getByRole('link', { name: '投诉举报：泉州海洋职业学院职业技能等级评价中心' }).click();
    await page.getByRole('heading', { level: 1, name: '投诉举报' }).waitFor();
    await page.getByLabel('投诉内容').fill('收费过高');
    await page.getByRole('button', { name: '提交投诉' }).click();
    await page.getByText('请具体说明投诉的情况（不少于 10 个字）').waitFor();
    await page.getByLabel('投诉内容').fill('考核现场由校外培训机构人员组织，疑似转包，请核查。');
    await page.getByRole('button', { name: '提交投诉' }).click();
    await page.getByText('投诉已受理').waitFor();
    await page.getByText(/受理编号 \S+/).waitFor();
    await expectAccessible(page);
    // names, not codes: a 专项 project by its catalogue name; where to ask when an agency gave no contact
    await page.goto(shellUrl('/public/agencies?q=%E5%B7%A5%E8%89%BA%E7%BE%8E%E6%9C%AF'));
    await results.getByText('德化陶瓷手工成型（FJZX-0001）：专项职业能力').waitFor();
    expect(await results.getByText('FJZX-0001（FJZX-0001）').count()).toBe(0);
    await page.getByText('泉州市人社局鉴定指导中心').waitFor();
    // an occupation's page names the agencies that may assess it, with a link to the directory
    await page.goto(shellUrl('/public/occupations/6-31-01-03'));
    const assessing = page.getByRole('list', { name: '可评价该职业的评价机构' });
    await assessing.getByText(/泉州海洋职业学院职业技能等级评价中心/).waitFor();
    await page.getByRole('link', { name: /在评价机构名录中查看全部 \d+ 家/ }).click();
    await page.getByText('按职业：电工（6-31-01-03）').waitFor();
    await expectAccessible(page);
    await page.locator('.ant-spin-blur').waitFor({ state: 'detached' });
    await results.getByText('泉州海洋职业学院职业技能等级评价中心').waitFor();
    await shot(page, 'public-agencies.png');
    await expectAccessible(page);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
