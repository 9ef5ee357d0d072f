// One fresh platform per test file: every service and app on a free port, its own data directory (demo data
// loaded on start), and a real Chromium. Tests in one file share it and run in order.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { APPS, SERVICES, startPlatform, type Platform } from '../../../scripts/lib/platform.mjs';
import { closeChromium, launchChromium } from './browser.js';
import { freePort } from './ports.js';
import { DEMO_PASSWORD } from './session.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** Screenshots (not committed). */
export const RESULTS = join(ROOT, 'e2e', 'test-results');

/** A page that records its uncaught errors (a test ends by expecting none). */
export type TrackedPage = Page & { errors: string[] };

export interface GraphqlResult {
  data?: Record<string, unknown>;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface FreshPlatform {
  platform: Platform;
  browser: BrowserContext;
  /** A URL on the shell, e.g. shellUrl('/bureau'). */
  shellUrl: (path: string) => string;
  openPage: () => Promise<TrackedPage>;
  /** A GraphQL call to the gateway (for checks and set-up that are not what the test is about). */
  gql: (query: string, variables?: object, token?: string) => Promise<GraphqlResult>;
  /** A demo account's access token. */
  token: (username: string) => Promise<string>;
  stop: () => Promise<void>;
}

/** Starts the services, gateway, shell and portals on free ports with a new data directory `<prefix>…`. */
export async function startFreshPlatform(prefix: string): Promise<FreshPlatform> {
  const dataDir = await mkdtemp(join(tmpdir(), prefix));
  await mkdir(RESULTS, { recursive: true });
  let platform: Platform | undefined;
  let browser: BrowserContext | undefined;
  const stop = async () => {
    await closeChromium(browser);
    await platform?.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const names = [...SERVICES, ...APPS].map((s) => s.name);
    const ports: Record<string, number> = Object.fromEntries(
      await Promise.all(names.map(async (n) => [n, await freePort()] as const)),
    );
    const origins = APPS.map((a) => ports[a.name]!)
      .flatMap((p) => [`http://127.0.0.1:${p}`, `http://localhost:${p}`])
      .join(',');
    platform = await startPlatform({
      ports,
      env: { DATA_DIR: dataDir, LOG_LEVEL: 'warn', CORS_ORIGINS: origins },
    });
    browser = await launchChromium();
  } catch (e) {
    await stop();
    throw e;
  }
  const started = platform;
  const context = browser;

  const gql = async (query: string, variables: object = {}, token?: string) => {
    const res = await fetch(started.manifest!.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphqlResult;
  };

  return {
    platform: started,
    browser: context,
    shellUrl: (path) => new URL(path, started.urls.shell).href,
    async openPage() {
      const page = (await context.newPage()) as TrackedPage;
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(e.message));
      return page;
    },
    gql,
    async token(username) {
      const login = await gql(
        'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}',
        { u: username, p: DEMO_PASSWORD },
      );
      const token = (login.data?.login as { accessToken?: string } | undefined)?.accessToken;
      if (!token) throw new Error(`${username} could not sign in: ${JSON.stringify(login.errors)}`);
      return token;
    },
    stop,
  };
}

/** A full-page screenshot into e2e/test-results. */
export async function shot(page: Page, file: string) {
  await page.screenshot({ path: join(RESULTS, file), fullPage: true });
}
