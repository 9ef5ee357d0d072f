// 登录会话 — the page's one session (this package is a module-federation singleton, so the shell and every portal
// see the same one). The access token lives only in memory; the refresh token in sessionStorage (ADR 0007).
// The auth mutations go straight to the gateway with fetch, outside Apollo's link chain, so refreshing a token
// never waits on (or recurses into) the request that needed it.

/** 角色授权 as `me.roles` returns it */
export interface SessionRole {
  role: string;
  roleName: string;
  regionCode: string | null;
  regionName: string | null;
  orgCode: string | null;
}

/** The signed-in account (登录账号). */
export interface SessionAccount {
  id: string;
  username: string;
  displayName: string;
  organisation: { code: string; name: string; kind: string; regionCode: string } | null;
  roles: SessionRole[];
}

export type SessionStatus = 'anonymous' | 'restoring' | 'signed-in';

export interface SessionSnapshot {
  status: SessionStatus;
  account: SessionAccount | null;
}

/** A sign-in or refresh failure, with the server's Chinese message and its code. */
export class SessionError extends Error {
  override name = 'SessionError';
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  account: SessionAccount;
}

const ACCOUNT_FIELDS = `account { id username displayName organisation { code name kind regionCode } roles { role roleName regionCode regionName orgCode } }`;
const LOGIN = `mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) { accessToken refreshToken expiresIn ${ACCOUNT_FIELDS} } }`;
const REFRESH = `mutation RefreshSession($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresIn ${ACCOUNT_FIELDS} } }`;
const LOGOUT = `mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }`;

/** Storage key of the refresh token. */
export const REFRESH_TOKEN_KEY = 'skills.refreshToken';
/** Refresh this many seconds before the access token expires (never sooner than half its lifetime). */
export const REFRESH_MARGIN_SECONDS = 60;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStorage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined; // storage disabled by the browser
  }
}

/** The `extensions.code` and messages of a GraphQL response body, if it has errors. */
function readErrors(body: unknown): { code: string | undefined; message: string } | undefined {
  const errors = (body as { errors?: { message?: string; extensions?: { code?: unknown } }[] } | null)
    ?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const code = errors[0]?.extensions?.code;
  return {
    code: typeof code === 'string' ? code : undefined,
    message: errors.map((e) => e.message ?? '').join('；'),
  };
}

export interface SessionManagerOptions {
  storage?: Storage | undefined;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

export class SessionManager {
  private uri: string | undefined;
  private accessToken: string | undefined;
  private expiresAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<boolean> | undefined;
  private snapshot: SessionSnapshot = { status: 'anonymous', account: null };
  private readonly listeners = new Set<() => void>();
  private readonly storage: Storage | undefined;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  /** Called after the signed-in account changes (the client clears its cache here). */
  onAccountChange: ((account: SessionAccount | null) => void) | undefined;

  constructor(options: SessionManagerOptions = {}) {
    this.storage = 'storage' in options ? options.storage : defaultStorage();
    this.fetchImpl = options.fetchImpl ?? ((...args) => fetch(...args));
    this.now = options.now ?? (() => Date.now());
  }

  /** The gateway URL the auth mutations are sent to. */
  configure(uri: string): void {
    this.uri = uri;
  }

  getSnapshot = (): SessionSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The bearer token for the next request, refreshed first when it is about to expire. */
  async currentAccessToken(): Promise<string | undefined> {
    if (this.accessToken && this.now() >= this.expiresAt - 5_000) await this.refresh();
    return this.accessToken;
  }

  hasRefreshToken(): boolean {
    return Boolean(this.storage?.getItem(REFRESH_TOKEN_KEY));
  }

  async signIn(username: string, password: string): Promise<SessionAccount> {
    const payload = await this.call<{ login: AuthPayload }>(LOGIN, { username, password });
    this.accept(payload.login);
    return payload.login.account;
  }

  /**
   * Rotates the refresh token for a new access token. Concurrent callers share one request (a rotated token
   * reused would revoke the whole session). Returns false, signed out, when the session is gone.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** On start: a refresh token from this tab's storage becomes a session again (after a page reload). */
  async restore(): Promise<void> {
    if (!this.hasRefreshToken() || this.snapshot.status === 'signed-in') return;
    this.set({ status: 'restoring', account: null });
    await this.refresh();
  }

  /** Revokes the refresh token at the server (best effort) and forgets everything. */
  async signOut(): Promise<void> {
    const refreshToken = this.storage?.getItem(REFRESH_TOKEN_KEY);
    this.clear();
    if (refreshToken) {
      try {
        await this.call(LOGOUT, { refreshToken });
      } catch {
        // the local session is gone either way; an unreachable server cannot keep it
      }
    }
  }

  private async doRefresh(): Promise<boolean> {
    const refreshToken = this.storage?.getItem(REFRESH_TOKEN_KEY);
    if (!refreshToken) {
      this.clear();
      return false;
    }
    try {
      const payload = await this.call<{ refreshSession: AuthPayload }>(REFRESH, { refreshToken });
      this.accept(payload.refreshSession);
      return true;
    } catch (e) {
      // a network failure keeps the refresh token for a later try; a refused token ends the session
      if (e instanceof SessionError && e.code !== 'NETWORK_ERROR') this.clear();
      else if (this.snapshot.status === 'restoring') this.set({ status: 'anonymous', account: null });
      return false;
    }
  }

  private accept(payload: AuthPayload): void {
    const previous = this.snapshot.account?.id;
    this.accessToken = payload.accessToken;
    this.expiresAt = this.now() + payload.expiresIn * 1000;
    this.storage?.setItem(REFRESH_TOKEN_KEY, payload.refreshToken);
    this.schedule(payload.expiresIn);
    this.set({ status: 'signed-in', account: payload.account });
    if (previous !== payload.account.id) this.onAccountChange?.(payload.account);
  }

  private clear(): void {
    const had = this.snapshot.account !== null;
    this.accessToken = undefined;
    this.expiresAt = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.storage?.removeItem(REFRESH_TOKEN_KEY);
    this.set({ status: 'anonymous', account: null });
    if (had) this.onAccountChange?.(null);
  }

  private schedule(expiresIn: number): void {
    if (this.timer) clearTimeout(this.timer);
    const seconds = Math.max(expiresIn / 2, expiresIn - REFRESH_MARGIN_SECONDS);
    this.timer = setTimeout(() => void this.refresh(), seconds * 1000);
    // never keep a Node process (tests) alive for a refresh
    (this.timer as { unref?: () => void }).unref?.();
  }

  private set(snapshot: SessionSnapshot): void {
    this.snapshot = snapshot;
    for (const l of this.listeners) l();
  }

  private async call<T>(query: string, variables: object): Promise<T> {
    if (!this.uri) throw new SessionError('GraphQL 客户端尚未配置', 'NOT_CONFIGURED');
    let response: Response;
    try {
      response = await this.fetchImpl(this.uri, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new SessionError('无法连接服务，请稍后重试', 'NETWORK_ERROR');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new SessionError(`服务返回了无法识别的响应（HTTP ${response.status}）`, 'NETWORK_ERROR');
    }
    const failure = readErrors(body);
    if (failure) throw new SessionError(failure.message, failure.code);
    const data = (body as { data?: T }).data;
    if (!data) throw new SessionError(`服务返回了空响应（HTTP ${response.status}）`, 'NETWORK_ERROR');
    return data;
  }
}

/** The page's session. */
export const session = new SessionManager();

/**
 * `fetch` for the HTTP link: sends the bearer token, and on a 401 TOKEN_EXPIRED (or INVALID_TOKEN, e.g. after a
 * signing-key rotation) refreshes once and retries.
 */
export function authenticatedFetch(manager: SessionManager, fetchImpl: typeof fetch = (...a) => fetch(...a)) {
  return async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const send = async () => {
      const token = await manager.currentAccessToken();
      const headers = new Headers(init.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      return fetchImpl(input, { ...init, headers });
    };
    const response = await send();
    if (response.status !== 401) return response;
    let code: string | undefined;
    try {
      code = readErrors(await response.clone().json())?.code;
    } catch {
      code = undefined;
    }
    // one refresh, one retry; a refused refresh token signs the page out and the 401 reaches the caller
    if ((code === 'TOKEN_EXPIRED' || code === 'INVALID_TOKEN') && (await manager.refresh())) return send();
    return response;
  };
}
