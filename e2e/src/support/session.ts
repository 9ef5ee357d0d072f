import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Demo#2026';

/** Signs in through the shell's 登录 page (the page goes to `next` afterwards). */
export async function signIn(page: Page, shellUrl: (path: string) => string, username: string, next = '/') {
  await page.goto(shellUrl(`/login?next=${encodeURIComponent(next)}`));
  await signInHere(page, username);
}

/** Fills the 登录 form already on screen. */
export async function signInHere(page: Page, username: string) {
  await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.getByTestId('account-name').waitFor();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('link', { name: '登录' }).waitFor();
}
