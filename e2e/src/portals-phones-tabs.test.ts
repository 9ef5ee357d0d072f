// End-to-end: the public and candidate portals on a phone (390 × 844: no sideways scrolling, WCAG 1.4.10; lists
// as cards; the header folded into 菜单 with 退出登录 in it), and one session shared by the browser's tabs
// (ADR 0010): a deep link in a new tab is signed in, 退出登录 in one tab signs the other out. axe on every state.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.js';
import { shot, startFreshPlatform, type FreshPlatform } from './support/fresh-platform.js';
import { DEMO_PASSWORD, signIn, signOut } from './support/session.js';

let e2e: FreshPlatform;

beforeAll(async () => {
  e2e = await startFreshPlatform('skills-e2e-phones-');
});

afterAll(async () => {
  await e2e?.stop();
});

const PHONE = { width: 390, height: 844 };

/** How far the page is wider than the window (0 when nothing scrolls sideways). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

interface PhonePage {
  path: string;
  heading: string;
  /** text that shows the page's data has arrived */
  text: string | RegExp;
  file: string;
}

/** Opens the page on a phone, waits for its data, checks width and axe, and keeps a screenshot. */
async function checkOnPhone(page: Page, p: PhonePage) {
  await page.goto(e2e.shellUrl(p.path));
  try {
    await page.getByRole('heading', { level: 1, name: p.heading }).waitFor();
    await page.getByText(p.text).first().waitFor();
  } finally {
    await shot(page, p.file);
  }
  expect({ path: p.path, overflow: await overflow(page) }).toEqual({ path: p.path, overflow: 0 });
  await expectAccessible(page);
}

const PUBLIC_PAGES: PhonePage[] = [
  { path: '/public', heading: '职业（工种）目录', text: /共 \d+ 个职业/, file: 'phone-public.png' },
  {
    path: '/public?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E8%81%8C%E4%B8%9A',
    heading: '职业（工种）目录',
    text: '没有符合条件的职业，请换个关键词或减少筛选条件',
    file: 'phone-public-empty.png',
  },
  {
    path: '/public/occupations/6-31-01-03',
    heading: '电工（6-31-01-03）',
    text: '机电一体化技术',
    file: 'phone-public-occupation.png',
  },
  {
    path: '/public/agencies',
    heading: '评价机构名录',
    text: /共 \d+ 家评价机构/,
    file: 'phone-public-agencies.png',
  },
  {
    path: '/public/agencies?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E5%AE%B6',
    heading: '评价机构名录',
    text: '没有符合条件的评价机构',
    file: 'phone-public-agencies-empty.png',
  },
  { path: '/public/no-such-page', heading: '页面不存在', text: '返回职业目录', file: 'phone-public-404.png' },
];

const CANDIDATE_PAGES: PhonePage[] = [
  {
    path: '/candidate',
    heading: '专项职业能力考核项目',
    text: '德化陶瓷手工成型',
    file: 'phone-candidate.png',
  },
  {
    path: '/candidate?q=%E9%99%B6%E7%93%B7',
    heading: '专项职业能力考核项目',
    text: /共 \d+ 个项目/,
    file: 'phone-candidate-search.png',
  },
  {
    path: '/candidate?q=zzzz',
    heading: '专项职业能力考核项目',
    text: '没有符合条件的考核项目',
    file: 'phone-candidate-empty.png',
  },
  {
    path: '/candidate/no-such-page',
    heading: '页面不存在',
    text: '返回首页',
    file: 'phone-candidate-404.png',
  },
];

describe('on a phone (390 × 844)', () => {
  it('the public pages and the candidate pages signed out fit the screen, lists as cards', async () => {
    const page = await e2e.openPage();
    await page.setViewportSize(PHONE);
    for (const p of PUBLIC_PAGES) await checkOnPhone(page, p);
    // lists are cards, not a table squeezed to a character a line
    await page.goto(e2e.shellUrl('/public/agencies'));
    await page.getByText(/共 \d+ 家评价机构/).waitFor();
    expect(await page.locator('main .ant-table').count()).toBe(0);
    expect(await page.locator('main .ant-card .ant-descriptions').count()).toBeGreaterThan(0);
    // the candidate portal signed out: its link asks to sign in, on a page that fits too
    await checkOnPhone(page, {
      path: '/candidate',
      heading: '登录',
      text: '请使用平台分配的账号登录。',
      file: 'phone-candidate-signed-out.png',
    });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('signed in as a candidate: every page fits, and 退出登录 is in the 菜单', async () => {
    const page = await e2e.openPage();
    await page.setViewportSize(PHONE);
    await page.goto(e2e.shellUrl('/login?next=%2Fcandidate'));
    await page.getByLabel('用户名').fill('candidate.demo');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    await page.getByRole('heading', { level: 1, name: '专项职业能力考核项目' }).waitFor();
    for (const p of [...CANDIDATE_PAGES, ...PUBLIC_PAGES]) await checkOnPhone(page, p);

    // the header: name and 菜单 on screen; the menu holds the portals, the account and 退出登录
    const menu = page.getByRole('button', { name: '菜单' });
    const box = (await menu.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await menu.click();
    const drawer = page.getByRole('dialog', { name: '菜单' });
    await drawer.getByTestId('account-name').waitFor();
    await page.waitForTimeout(500); // the drawer's slide-in, for the screenshot
    await drawer
      .getByRole('navigation', { name: '门户导航' })
      .getByRole('link', { name: '考生服务' })
      .waitFor();
    await shot(page, 'phone-menu-signed-in.png');
    await expectAccessible(page);
    const signOutButton = drawer.getByRole('button', { name: '退出登录' });
    const out = (await signOutButton.boundingBox())!;
    expect(out.x).toBeGreaterThanOrEqual(0);
    expect(out.x + out.width).toBeLessThanOrEqual(PHONE.width);
    expect(out.y + out.height).toBeLessThanOrEqual(PHONE.height);
    await signOutButton.click();
    await page.getByRole('heading', { level: 1, name: '职业（工种）目录' }).waitFor();
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('dialog', { name: '菜单' }).getByRole('button', { name: '登录' }).waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

describe('one session across tabs', () => {
  it('a deep link in a new tab is signed in, titled and breadcrumbed; 退出登录 in one tab signs out the other', async () => {
    const first = await e2e.openPage();
    await signIn(first, e2e.shellUrl, 'quanzhou.hr', '/bureau/agencies');
    await first.getByRole('heading', { level: 1, name: '机构名录' }).waitFor();
    expect(await first.title()).toBe('机构名录 · 监管部门 · 职业技能评价平台');
    const link = first.getByRole('table', { name: '评价机构名录' }).getByRole('link').first();
    const name = await link.innerText();
    const href = new URL((await link.getAttribute('href'))!, e2e.shellUrl('/')).href;

    // pasted into a new tab: signed in, the same page as following the link in the first tab
    const second = await e2e.openPage();
    await second.goto(href);
    await second.getByRole('heading', { level: 1, name }).waitFor();
    await second.getByTestId('account-name').waitFor();
    expect(await second.getByTestId('account-name').innerText()).toBe(
      await first.getByTestId('account-name').innerText(),
    );
    expect(await second.title()).toBe(`${name} · 监管部门 · 职业技能评价平台`);
    const crumbs = second.getByRole('navigation', { name: '当前位置' });
    await crumbs.getByRole('link', { name: '机构名录' }).waitFor();
    await shot(second, 'tabs-deep-link.png');
    await expectAccessible(second);
    await link.click();
    await first.getByRole('heading', { level: 1, name }).waitFor();
    expect(await first.locator('main').innerText()).toBe(await second.locator('main').innerText());

    // both tabs keep working after each reloads (each restores from the one stored session)
    await first.reload();
    await first.getByRole('heading', { level: 1, name }).waitFor();
    await second.reload();
    await second.getByRole('heading', { level: 1, name }).waitFor();
    await first.getByTestId('account-name').waitFor();

    // 退出登录 in the second tab: the first is signed out at once, without a reload
    await signOut(second);
    await first.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    expect(await first.getByTestId('account-name').count()).toBe(0);
    await first.goto(e2e.shellUrl('/bureau/agencies'));
    await first.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    expect(await first.title()).toBe('登录 · 职业技能评价平台');
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
    await first.close();
    await second.close();
  });
});
