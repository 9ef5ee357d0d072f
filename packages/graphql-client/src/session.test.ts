import { describe, expect, it, vi } from 'vitest';
import {
  authenticatedFetch,
  REFRESH_TOKEN_KEY,
  SessionManager,
  type ExclusiveRunner,
  type SessionChannel,
  type SessionMessage,
} from './session.js';

const account = {
  id: 'a1',
  username: 'quanzhou.hr',
  displayName: '泉州市人社局',
  organisation: null,
  roles: [],
};

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function fakeGateway() {
  let n = 0;
  const calls: { query: string; auth: string | null }[] = [];
  const fetchImpl = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { query: string; variables: Record<string, string> };
    calls.push({ query: body.query, auth: new Headers(init?.headers).get('authorization') });
    if (body.query.includes('login(')) {
      if (body.variables.password !== 'Demo#2026')
        return json({
          errors: [{ message: '用户名或密码错误', extensions: { code: 'INVALID_CREDENTIALS' } }],
        });
      return json({
        data: { login: { accessToken: `at${++n}`, refreshToken: `rt${n}`, expiresIn: 900, account } },
      });
    }
    if (body.query.includes('refreshSession(')) {
      return json({
        data: {
          refreshSession: { accessToken: `at${++n}`, refreshToken: `rt${n}`, expiresIn: 900, account },
        },
      });
    }
    if (body.query.includes('logout(')) return json({ data: { logout: true } });
    return json({ data: {} });
  });
  return { fetchImpl, calls };
}

describe('session', () => {
  it('signs in, keeps the refresh token in storage and the access token in memory', async () => {
    const storage = memoryStorage();
    const { fetchImpl } = fakeGateway();
    const s = new SessionManager({ storage, fetchImpl });
    s.configure('http://gw/graphql');
    await expect(s.signIn('quanzhou.hr', 'wrong')).rejects.toThrow('用户名或密码错误');
    await s.signIn('quanzhou.hr', 'Demo#2026');
    expect(s.getSnapshot()).toEqual({ status: 'signed-in', account });
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('rt1');
    expect(await s.currentAccessToken()).toBe('at1');
    await s.signOut();
    expect(s.getSnapshot().status).toBe('anonymous');
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('shares one refresh between concurrent callers (a rotated token is never reused)', async () => {
    const { fetchImpl, calls } = fakeGateway();
    const s = new SessionManager({ storage: memoryStorage(), fetchImpl });
    s.configure('http://gw/graphql');
    await s.signIn('quanzhou.hr', 'Demo#2026');
    await Promise.all([s.refresh(), s.refresh(), s.refresh()]);
    expect(calls.filter((c) => c.query.includes('refreshSession(')).length).toBe(1);
  });

  it('refreshes once on TOKEN_EXPIRED and retries with the new token', async () => {
    const gateway = fakeGateway();
    const s = new SessionManager({ storage: memoryStorage(), fetchImpl: gateway.fetchImpl });
    s.configure('http://gw/graphql');
    await s.signIn('quanzhou.hr', 'Demo#2026');
    const seen: (string | null)[] = [];
    const api = vi.fn(async (_u: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Headers(init?.headers).get('authorization'));
      return seen.length === 1
        ? json({ errors: [{ message: '登录已过期', extensions: { code: 'TOKEN_EXPIRED' } }] }, 401)
        : json({ data: { me: { id: 'a1' } } });
    });
    const res = await authenticatedFetch(s, api)('http://gw/graphql', { method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
    expect(seen).toEqual(['Bearer at1', 'Bearer at2']);
  });
});

/** Tabs of one browser: one localStorage, a BroadcastChannel (delivered asynchronously) and one Web Lock. */
function browser() {
  const storage = memoryStorage();
  const members = new Set<(m: SessionMessage) => void>();
  let queue = Promise.resolve();
  const exclusive: ExclusiveRunner = (task) => {
    const run = queue.then(task);
    queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
  const gateway = fakeGateway();
  const tab = () => {
    let self: ((m: SessionMessage) => void) | undefined;
    const channel: SessionChannel = {
      postMessage: (m) => {
        for (const deliver of members) if (deliver !== self) queueMicrotask(() => deliver(m));
      },
      addEventListener: (_type, listener) => {
        self = (m) => listener({ data: m });
        members.add(self);
      },
    };
    const s = new SessionManager({
      storage,
      channel,
      exclusive,
      legacyStorage: undefined,
      handoverMs: 0,
      fetchImpl: gateway.fetchImpl,
    });
    s.configure('http://gw/graphql');
    return s;
  };
  return { storage, gateway, tab };
}

describe('the session across tabs', () => {
  it('a new tab starts signed in; signing out in one tab signs out the others', async () => {
    const { storage, tab } = browser();
    const a = tab();
    await a.signIn('quanzhou.hr', 'Demo#2026');
    const b = tab();
    await b.restore();
    expect(b.getSnapshot()).toEqual({ status: 'signed-in', account });
    // b's restore rotated the token and told a: both now hold b's access token
    expect(await a.currentAccessToken()).toBe(await b.currentAccessToken());

    await a.signOut();
    await new Promise((r) => setTimeout(r, 0));
    expect(b.getSnapshot().status).toBe('anonymous');
    expect(await b.currentAccessToken()).toBeUndefined();
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('tabs refreshing together send each refresh token once, and share the result', async () => {
    const { gateway, tab } = browser();
    const a = tab();
    await a.signIn('quanzhou.hr', 'Demo#2026');
    const b = tab();
    const c = tab();
    await Promise.all([b.restore(), c.restore()]);
    await Promise.all([a.refresh(), b.refresh(), c.refresh(), a.refresh()]);
    const sent = gateway.fetchImpl.mock.calls
      .map(
        ([, init]) =>
          JSON.parse(String(init?.body)) as { query: string; variables: { refreshToken?: string } },
      )
      .filter((body) => body.query.includes('refreshSession('))
      .map((body) => body.variables.refreshToken);
    expect(new Set(sent).size).toBe(sent.length);
    const tokens = await Promise.all([a, b, c].map((t) => t.currentAccessToken()));
    expect(new Set(tokens).size).toBe(1);
  });

  it('a page opened signed in sends its first requests with the restored token, and keeps its cache', async () => {
    const { tab } = browser();
    await tab().signIn('quanzhou.hr', 'Demo#2026');
    const b = tab();
    const changes = vi.fn();
    b.onAccountChange = changes;
    const restoring = b.restore();
    const token = b.currentAccessToken();
    expect(b.getSnapshot().status).toBe('restoring');
    expect(await token).toMatch(/^at\d+$/);
    await restoring;
    expect(changes).not.toHaveBeenCalled();
  });

  it('a sign-in in one tab signs in the tabs that were signed out', async () => {
    const { tab } = browser();
    const a = tab();
    const b = tab();
    await a.signIn('quanzhou.hr', 'Demo#2026');
    await new Promise((r) => setTimeout(r, 0));
    expect(b.getSnapshot().status).toBe('signed-in');
  });
});
