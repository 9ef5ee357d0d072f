// End-to-end: the whole platform (catalogue, gateway, shell, four portals) from its built output, on a fresh
// data directory and free ports, driven in real Chromium.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPS, SERVICES, startPlatform, type Platform } from '../../scripts/lib/platform.mjs';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.mjs';
import { seriousAxeViolations } from './support/axe.js';
import { closeChromium, launchChromium } from './support/browser.js';
import { freePort } from './support/ports.js';
import { signIn, signInHere, signOut } from './support/session.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RESULTS = join(ROOT, 'e2e', 'test-results');

let platform: Platform;
let browser: BrowserContext;
let dataDir: string;
/** A second shell server (same build, another manifest) for the portal-down test; the gateway must allow it. */
let spareShellPort: number;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'skills-e2e-data-'));
  await mkdir(RESULTS, { recursive: true });
  // every service and app on a free port, so a running `npm start` (or another test run) is never in the way
  const names = [...SERVICES, ...APPS].map((s) => s.name);
  const ports: Record<string, number> = Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, await freePort()] as const)),
  );
  spareShellPort = await freePort();
  const origins = [...APPS.map((a) => ports[a.name]!), spareShellPort]
    .flatMap((p) => [`http://127.0.0.1:${p}`, `http://localhost:${p}`])
    .join(',');
  platform = await startPlatform({
    ports,
    env: { DATA_DIR: dataDir, LOG_LEVEL: 'warn', CORS_ORIGINS: origins },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await closeChromium(browser);
  await platform?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function appUrl(name: string): string {
  const url = platform.urls[name];
  if (!url) throw new Error(`the platform did not start ${name}`);
  return url;
}
const shellUrl = (path: string) => new URL(path, appUrl('shell')).href;

async function openPage(url: string): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  (page as Page & { errors?: string[] }).errors = errors;
  return page;
}

async function search(page: Page, term: string) {
  const box = page.getByLabel('关键词');
  await box.fill(term);
  await box.press('Enter');
  await page.waitForURL((u) => u.searchParams.get('q') === term);
}

async function expectAccessible(page: Page) {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

describe('shell + public portal', () => {
  it('browses, searches (中文 and pinyin initials) and opens 电工', async () => {
    const page = await openPage(shellUrl('/'));
    // the shell sends / to the first portal of the manifest
    await page.waitForURL(/\/public$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByRole('heading', { level: 1, name: '职业（工种）目录' }).waitFor();
    await page
      .getByRole('navigation', { name: '门户导航' })
      .getByRole('link', { name: '公众服务' })
      .waitFor();
    await page.getByText(/共 \d+ 个职业/).waitFor();
    await page.screenshot({ path: join(RESULTS, 'public.png'), fullPage: true });
    await expectAccessible(page);

    await search(page, '电工');
    const results = page.getByRole('region', { name: '检索结果' });
    await results.getByText('共 1 个职业').waitFor();
    await results.getByRole('link', { name: '电工', exact: true }).waitFor();

    await search(page, 'dg');
    await results.getByText('多工序数控机床操作调整工').waitFor();
    const dg = results.getByRole('link', { name: '电工', exact: true });
    await dg.waitFor();

    await dg.click();
    await page.waitForURL(/\/public\/occupations\/6-31-01-03$/);
    await page.getByRole('heading', { level: 1, name: '电工（6-31-01-03）' }).waitFor();
    const levels = page.getByRole('list', { name: '该职业设置的技能等级' });
    expect(await levels.getByRole('listitem').allInnerTexts()).toEqual([
      '五级/初级工',
      '四级/中级工',
      '三级/高级工',
      '二级/技师',
      '一级/高级技师',
    ]);
    await page.getByText('国家职业技能标准 电工（2018年版）').waitFor();
    await page.getByText('职业分类大典（2022年版）').first().waitFor();
    await page
      .getByRole('region', { name: /对接专业/ })
      .getByText('机电一体化技术')
      .waitFor();
    await page.screenshot({ path: join(RESULTS, 'public-occupation-6-31-01-03.png'), fullPage: true });
    await expectAccessible(page);

    // a deep link reloads into the same page (SPA fallback + run-time manifest)
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '电工（6-31-01-03）' }).waitFor();
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('filters by category, level and source, and pages with cursors', async () => {
    const page = await openPage(shellUrl('/public?category=6&level=LEVEL_1&source=DADIAN_2022'));
    const results = page.getByRole('region', { name: '检索结果' });
    const summary = results.getByText(/共 \d+ 个职业/);
    await summary.waitFor();
    const total = Number((await summary.innerText()).match(/\d+/)![0]);
    expect(total).toBeGreaterThan(0);
    const codes = await results.locator('tbody tr[data-row-key] td:first-child').allInnerTexts();
    expect(codes.every((c) => c.startsWith('6-'))).toBe(true);

    await page.goto(shellUrl('/public'));
    await results.getByText(/共 \d+ 个职业/).waitFor();
    const firstPage = await results.locator('tbody tr[data-row-key] td:first-child').first().innerText();
    await results.getByRole('button', { name: '下一页' }).click();
    await page.waitForURL(/after=/);
    await expect
      .poll(() => results.locator('tbody tr[data-row-key] td:first-child').first().innerText())
      .not.toBe(firstPage);
    await results.getByRole('button', { name: '上一页' }).click();
    await page.waitForURL(/before=/);
    await expect
      .poll(() => results.locator('tbody tr[data-row-key] td:first-child').first().innerText())
      .toBe(firstPage);
    await page.close();
  });
});

describe('the other portals', () => {
  // each portal is for its roles: sign in as one of them (one session per browser, ADR 0010: the sign-in
  // replaces the previous test's)
  const portals = [
    {
      path: '/bureau/catalogue',
      user: 'quanzhou.hr',
      file: 'bureau.png',
      heading: '职业目录统计',
      text: '按大类分布',
    },
    {
      path: '/institution/majors',
      user: 'haiyang.admin',
      file: 'institution.png',
      heading: '专业对接',
      text: '机电一体化技术',
    },
    {
      path: '/candidate',
      user: 'candidate.demo',
      file: 'candidate.png',
      heading: '专项职业能力考核项目',
      text: '德化陶瓷手工成型',
    },
  ];
  for (const p of portals) {
    it(`${p.path} renders real data and passes axe`, async () => {
      const page = await openPage(shellUrl('/'));
      await signIn(page, shellUrl, p.user, p.path);
      await page.getByRole('heading', { level: 1, name: p.heading }).waitFor();
      await page.getByText(p.text).first().waitFor();
      if (p.path === '/bureau/catalogue')
        await page.locator('[data-testid="category-chart"] canvas').waitFor();
      await page.screenshot({ path: join(RESULTS, p.file), fullPage: true });
      await expectAccessible(page);
      expect((page as Page & { errors?: string[] }).errors).toEqual([]);
      await page.close();
    });
  }

  it('a portal also runs standalone on its own port', async () => {
    const page = await openPage(new URL('/occupations/6-31-01-03', appUrl('public')).href);
    await page.getByRole('heading', { level: 1, name: '电工（6-31-01-03）' }).waitFor();
    await page.getByRole('banner').getByText('公众服务').waitFor();
    await page.screenshot({ path: join(RESULTS, 'public-standalone.png'), fullPage: true });
    await expectAccessible(page);
    await page.close();
  });
});

describe('shared singletons', () => {
  it('loads React once for the shell and every portal', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(shellUrl('/public'));
    await page.getByRole('heading', { level: 1, name: '职业（工种）目录' }).waitFor();
    // the browser's session from the tests before (ADR 0010) ends first
    const account = page.getByTestId('account-name');
    await page.getByRole('link', { name: '登录' }).or(account).waitFor();
    if (await account.isVisible()) await signOut(page);
    const nav = page.getByRole('navigation', { name: '门户导航' });
    // one tab, no reloads: sign in as each portal's role in turn (the navigation shows the portals by role)
    for (const [user, link, heading] of [
      ['quanzhou.hr', '监管部门', '备案审核'],
      ['haiyang.admin', '院校与评价机构', '本校评价机构'],
      ['candidate.demo', '考生服务', '专项职业能力考核项目'],
    ] as const) {
      await page.getByRole('link', { name: '登录' }).click();
      await signInHere(page, user);
      await nav.getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await signOut(page);
    }
    // one React object, registered by the shell and by each portal it loaded
    const instances = await page.evaluate(() => {
      const registry = (window as { __SKILLS_REACT_INSTANCES__?: Map<unknown, string[]> })
        .__SKILLS_REACT_INSTANCES__;
      return [...(registry?.values() ?? [])];
    });
    expect(instances).toHaveLength(1);
    expect(instances[0]?.sort()).toEqual([
      'portal_bureau',
      'portal_candidate',
      'portal_institution',
      'portal_public',
      'shell',
    ]);
    // and on the wire: React and react-dom chunks came from the shell's origin only, never from a portal's
    const shellOrigin = new URL(appUrl('shell')).origin;
    const reactChunks = requests.filter((u) => /__prebuild__react(_mf_2_dom)?__prebuild__/.test(u));
    expect(reactChunks.length).toBeGreaterThan(0);
    expect(reactChunks.filter((u) => new URL(u).origin !== shellOrigin)).toEqual([]);
    await page.close();
  });
});

describe('a portal that is down', () => {
  let shell: StaticServer;

  beforeAll(async () => {
    const deadPort = await freePort(); // nothing listens here
    const manifest = structuredClone(platform.manifest!);
    const bureau = manifest.remotes.find((r) => r.name === 'portal_bureau')!;
    bureau.entry = `http://127.0.0.1:${deadPort}/remoteEntry.js`;
    const body = JSON.stringify(manifest);
    // the same shell build, a different run-time manifest: no rebuild needed to move (or lose) a portal
    shell = await startStaticServer({
      root: join(ROOT, 'apps', 'shell', 'dist'),
      port: spareShellPort,
      routes: { '/remotes.json': () => ({ body }) },
    });
  });

  afterAll(async () => {
    await shell?.close();
  });

  it('shows a Chinese error for that portal and keeps the shell working', async () => {
    const page = await openPage(new URL('/login?next=%2Fbureau', shell.url).href);
    await signInHere(page, 'quanzhou.hr');
    const alert = page.getByRole('alert');
    await alert.getByText('“监管部门”暂时无法使用').waitFor({ timeout: 60_000 });
    await alert.getByText('平台的其他功能不受影响').waitFor();
    await page.screenshot({ path: join(RESULTS, 'bureau-down.png'), fullPage: true });
    await expectAccessible(page);

    await page.getByRole('navigation', { name: '门户导航' }).getByRole('link', { name: '公众服务' }).click();
    await page.waitForURL(/\/public$/);
    await page.getByRole('heading', { level: 1, name: '职业（工种）目录' }).waitFor();
    await page.getByText(/共 \d+ 个职业/).waitFor();

    // a reload keeps the session (same tab) and the portal is still reported down, in Chinese
    await page.goto(new URL('/bureau/coverage', shell.url).href);
    await page.getByRole('alert').getByText('“监管部门”暂时无法使用').waitFor({ timeout: 60_000 });
    await page.close();
  });
});
