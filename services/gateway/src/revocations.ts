// Logout ends the access token too, not only the refresh token. Access tokens are verified here once and then
// trusted until they expire (15 min, ADR 0008); identity publishes the sessions that ended, and the gateway keeps
// them until every token of theirs has expired. It asks every few seconds, and at once when a logout passed
// through it (so the caller's own next request is refused on this gateway; other replicas within a poll).
import { signClaims, type Logger } from '@skills/service-kit';

export interface Revocations {
  /** true when this sign-in session has ended */
  has(session: string): boolean;
  /** asks identity now (after a logout) */
  refresh(): Promise<void>;
  close(): void;
}

export interface RevocationOptions {
  identityUrl: string;
  claimsSecret: string;
  /** how often to ask identity */
  pollMs: number;
  /** how long an access token lives: an ended session is remembered this long */
  tokenTtlMs: number;
  log: Logger;
}

export function createRevocations(opts: RevocationOptions): Revocations {
  const endpoint = opts.identityUrl.replace(/\/graphql$/, '/internal/sessions/revoked');
  const ended = new Map<string, number>(); // session → when to forget it
  let since: string | undefined;
  let inflight: Promise<void> | undefined;
  let failing = false;

  const ask = async () => {
    const claims = await signClaims({ kind: 'service', id: 'gateway', grants: [] }, opts.claimsSecret);
    const url = since ? `${endpoint}?since=${encodeURIComponent(since)}` : endpoint;
    const res = await fetch(url, {
      headers: { 'x-skills-claims': claims },
      signal: AbortSignal.timeout(5_000),
    });
    if (!res.ok) throw new Error(`identity answered ${res.status}`);
    const body = (await res.json()) as { now: string; revoked: { sid: string; at: string }[] };
    for (const r of body.revoked) ended.set(r.sid, Date.parse(r.at) + opts.tokenTtlMs);
    since = body.now;
    const now = Date.now();
    for (const [sid, until] of ended) if (until < now) ended.delete(sid);
  };
  const refresh = () =>
    (inflight ??= ask()
      .then(() => {
        if (failing) opts.log.info('session revocations: identity answers again');
        failing = false;
      })
      .catch((e: unknown) => {
        // identity down: keep what is known and say so once; tokens still expire on their own
        if (!failing) opts.log.warn({ err: e }, 'session revocations: identity did not answer');
        failing = true;
      })
      .finally(() => (inflight = undefined)));
  const timer = setInterval(() => void refresh(), opts.pollMs);
  timer.unref();
  void refresh();
  return { has: (session) => ended.has(session), refresh, close: () => clearInterval(timer) };
}
