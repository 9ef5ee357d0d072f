// 登录会话 — the page's one session (this package is a module-federation singleton, so the shell and every portal
// see the same one), shared by every tab of the browser until 退出登录 (ADR 0010). The access token lives only in
// memory and reaches other tabs by BroadcastChannel; the refresh token is in localStorage, and only the tab
// holding a Web Lock rotates it, so two tabs never send the same one (reuse revokes the session, ADR 0005).
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
/** Name of the BroadcastChannel and of the Web Lock the tabs share. */
export const SESSION_CHANNEL = 'skills.session';
/**
 * How long the tab that rotated the refresh token keeps the lock afterwards: the new token reaches other tabs'
 * storage and channel asynchronously, and the next holder must see it.
 */
const HANDOVER_MS = 50;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What one tab tells the others (same origin only). */
export type SessionMessage =
  | {
      type: 'tokens';
      accessToken: string;
      /** epoch ms */
      expiresAt: number;
      refreshToken: string;
      /** the refresh token this one replaces (now unusable) */
      previous: string | null;
      account: SessionAccount;
    }
  | { type: 'signed-out' };

/** The part of BroadcastChannel the session uses. */
export interface SessionChannel {
  postMessage(message: SessionMessage): void;
  addEventListener(type: 'message', listener: (event: { data: SessionMessage }) => void): void;
}

/** Runs `task` while no other tab of this origin runs one under the same name (navigator.locks). */
export type ExclusiveRunner = <T>(task: () => Promise<T>) => Promise<T>;

function browserStorage(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return typeof globalThis[kind] === 'undefined' ? undefined : globalThis[kind];
  } catch {
    return undefined; // storage disabled by the browser
  }
}

function browserChannel(): SessionChannel | undefined {
  if (typeof window === 'undefined' || typeof BroadcastChannel === 'undefined') return undefined;
  return new BroadcastChannel(SESSION_CHANNEL) as unknown as SessionChannel;
}

function browserLock(): ExclusiveRunner | undefined {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return undefined;
  return <T>(task: () => Promise<T>) => locks.request(SESSION_CHANNEL, task) as Promise<T>;
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
  /** where the refresh token is kept (default: localStorage, shared by the browser's tabs) */
  storage?: Storage | undefined;
  /** the other tabs (default: a BroadcastChannel in a browser) */
  channel?: SessionChannel | undefined;
  /** mutual exclusion with the other tabs for a refresh (default: navigator.locks) */
  exclusive?: ExclusiveRunner | undefined;
  /** a per-tab store an older version kept the refresh token in; moved to `storage` on restore */
  legacyStorage?: Storage | undefined;
  /** ms the rotating tab keeps the lock after a refresh (default 50) */
  handoverMs?: number;
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
  private readonly legacyStorage: Storage | undefined;
  private readonly channel: SessionChannel | undefined;
  private readonly exclusive: ExclusiveRunner;
  private readonly handoverMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  /** The refresh token this tab's access token came with (from its own rotation or another tab's). */
  private refreshTokenInUse: string | undefined;
  /** Refresh tokens this tab knows were rotated away: never sent again, whatever a lagging store says. */
  private readonly retired = new Set<string>();
  /** Called after the signed-in account changes (the client clears its cache here). */
  onAccountChange: ((account: SessionAccount | null) => void) | undefined;

  constructor(options: SessionManagerOptions = {}) {
    this.storage = 'storage' in options ? options.storage : browserStorage('localStorage');
    this.legacyStorage =
      'legacyStorage' in options ? options.legacyStorage : browserStorage('sessionStorage');
    this.channel = 'channel' in options ? options.channel : browserChannel();
    this.exclusive = options.exclusive ?? browserLock() ?? ((task) => task());
    this.handoverMs = options.handoverMs ?? HANDOVER_MS;
    this.fetchImpl = options.fetchImpl ?? ((...args) => fetch(...args));
    this.now = options.now ?? (() => Date.now());
    this.channel?.addEventListener('message', (event) => this.receive(event.data));
    // without BroadcastChannel, a sign-out elsewhere still shows as the stored token disappearing
    if (!this.channel && typeof window !== 'undefined' && !('storage' in options))
      window.addEventListener('storage', (e) => {
        if (e.key === REFRESH_TOKEN_KEY && e.newValue === null) this.clear({ broadcast: false });
      });
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
    // a page opened signed in sends its first requests with the restored token, not anonymously
    if (this.snapshot.status === 'restoring' && this.refreshing) await this.refreshing;
    if (this.accessToken && this.now() >= this.expiresAt - 5_000) await this.refresh();
    return this.accessToken;
  }

  hasRefreshToken(): boolean {
    return Boolean(this.storedRefreshToken());
  }

  /** Signs in; a session already open in the browser (another account, or this one) is replaced and revoked. */
  async signIn(username: string, password: string): Promise<SessionAccount> {
    const payload = await this.call<{ login: AuthPayload }>(LOGIN, { username, password });
    const replaced = this.storedRefreshToken() ?? null;
    this.accept(payload.login, replaced);
    if (replaced) this.call(LOGOUT, { refreshToken: replaced }).catch(() => undefined);
    return payload.login.account;
  }

  /**
   * Rotates the refresh token for a new access token. Concurrent callers in this tab share one request, and
   * tabs take turns (Web Lock); a tab that waited while another rotated uses the tokens that tab sent instead.
   * Returns false, signed out, when the session is gone.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.doRefresh(this.accessToken).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** On start: the browser's stored refresh token becomes this tab's session (a new tab, a link, a reload). */
  async restore(): Promise<void> {
    const legacy = this.legacyStorage?.getItem(REFRESH_TOKEN_KEY);
    if (legacy && this.legacyStorage !== this.storage) {
      // a session from the version that kept it per tab: it becomes the browser's
      if (!this.storage?.getItem(REFRESH_TOKEN_KEY)) this.storage?.setItem(REFRESH_TOKEN_KEY, legacy);
      this.legacyStorage?.removeItem(REFRESH_TOKEN_KEY);
    }
    if (!this.hasRefreshToken() || this.snapshot.status === 'signed-in') return;
    this.set({ status: 'restoring', account: null });
    await this.refresh();
  }

  /** Revokes the refresh token at the server (best effort) and forgets everything, in every tab. */
  async signOut(): Promise<void> {
    const refreshToken = this.storedRefreshToken();
    this.clear({ broadcast: true });
    if (refreshToken) {
      try {
        await this.call(LOGOUT, { refreshToken });
      } catch {
        // the local session is gone either way; an unreachable server cannot keep it
      }
    }
  }

  /** The newest refresh token this tab knows of: storage, unless the channel already told of a newer one. */
  private storedRefreshToken(): string | undefined {
    const stored = this.storage?.getItem(REFRESH_TOKEN_KEY) ?? undefined;
    if (stored && this.retired.has(stored)) return this.refreshTokenInUse;
    return stored;
  }

  private doRefresh(accessTokenBefore: string | undefined): Promise<boolean> {
    return new Promise<boolean>((settle) => {
      void this.exclusive(async () => {
        // another tab refreshed while this one waited for the lock, and its tokens have arrived
        if (this.accessToken && this.accessToken !== accessTokenBefore) return settle(true);
        const refreshToken = this.storedRefreshToken();
        if (!refreshToken) {
          this.clear({ broadcast: false });
          return settle(false);
        }
        try {
          const payload = await this.call<{ refreshSession: AuthPayload }>(REFRESH, { refreshToken });
          this.accept(payload.refreshSession, refreshToken);
          settle(true);
          // the caller goes on; the lock is held a little longer for the other tabs to see the new token
          if (this.handoverMs > 0) await new Promise((r) => setTimeout(r, this.handoverMs));
        } catch (e) {
          // a network failure keeps the refresh token for a later try; a refused token ends the session
          if (e instanceof SessionError && e.code !== 'NETWORK_ERROR') this.clear({ broadcast: true });
          else if (this.snapshot.status === 'restoring') this.set({ status: 'anonymous', account: null });
          settle(false);
        }
      }).catch(() => settle(false));
    });
  }

  private accept(payload: AuthPayload, previous: string | null): void {
    this.storage?.setItem(REFRESH_TOKEN_KEY, payload.refreshToken);
    const tokens: SessionMessage = {
      type: 'tokens',
      accessToken: payload.accessToken,
      expiresAt: this.now() + payload.expiresIn * 1000,
      refreshToken: payload.refreshToken,
      previous,
      account: payload.account,
    };
    this.adopt(tokens);
    this.channel?.postMessage(tokens);
  }

  /** Takes tokens from this tab's own sign-in or refresh, or from another tab's. */
  private adopt(tokens: Extract<SessionMessage, { type: 'tokens' }>): void {
    const previousAccount = this.snapshot.account?.id;
    // restoring, this page has cached nothing for any account yet (requests waited): nothing to clear, and
    // clearing would cancel the page's first queries
    const restoring = this.snapshot.status === 'restoring';
    if (tokens.previous && tokens.previous !== tokens.refreshToken) this.retired.add(tokens.previous);
    this.refreshTokenInUse = tokens.refreshToken;
    this.accessToken = tokens.accessToken;
    this.expiresAt = tokens.expiresAt;
    this.schedule((tokens.expiresAt - this.now()) / 1000);
    this.set({ status: 'signed-in', account: tokens.account });
    if (previousAccount !== tokens.account.id && !restoring) this.onAccountChange?.(tokens.account);
  }

  private receive(message: SessionMessage): void {
    if (message.type === 'tokens') this.adopt(message);
    else if (message.type === 'signed-out') this.clear({ broadcast: false });
  }

  /** Forgets the session here; `broadcast` also ends it in the other tabs. */
  private clear({ broadcast }: { broadcast: boolean }): void {
    const had = this.snapshot.account !== null;
    this.accessToken = undefined;
    this.expiresAt = 0;
    this.refreshTokenInUse = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (broadcast) {
      this.storage?.removeItem(REFRESH_TOKEN_KEY);
      this.channel?.postMessage({ type: 'signed-out' });
    }
    if (this.snapshot.status !== 'anonymous') this.set({ status: 'anonymous', account: null });
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
