// 登录会话: password login with lock-out, short-lived access tokens (JWT, ES256, kid from the JWKS) and
// rotating refresh tokens (stored hashed; reusing a rotated token revokes its whole family — a stolen token
// is then useless to both parties).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { DomainError, type Grant, type Role } from '@skills/domain';
import { SignJWT } from 'jose';
import type { Config } from './config.js';
import type { PrismaClient } from './db.js';
import { afterFailure, afterSuccess, isLocked, minutesLeft } from './domain/lockout.js';
import { ALG, type KeyStore } from './keys.js';

export const ISSUER = 'skills-identity';
export const AUDIENCE = 'skills-platform';

export const hashPassword = (password: string) => hash(password);

/** Same cost whether or not the account exists, so timing does not reveal which usernames are real. */
const DUMMY_HASH = await hash('timing-equaliser');

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  accountId: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

type AccountWithRoles = NonNullable<Awaited<ReturnType<typeof loadAccount>>>;

function loadAccount(prisma: PrismaClient, where: { id: string } | { username: string }) {
  return prisma.account.findUnique({ where, include: { roles: true } });
}

export function grantsOf(account: {
  roles: { role: string; regionCode: string | null; orgCode: string | null }[];
}): Grant[] {
  return account.roles.map((r) => ({ role: r.role as Role, regionCode: r.regionCode, orgCode: r.orgCode }));
}

async function issue(
  prisma: PrismaClient,
  keys: KeyStore,
  config: Config,
  account: AccountWithRoles,
  family: string,
): Promise<Session> {
  const { kid, key } = await keys.signingKey();
  // sid: the session (refresh-token family), so an access token dies with its session at logout (the gateway
  // reads revokedSessionsSince below)
  const accessToken = await new SignJWT({ name: account.displayName, grants: grantsOf(account), sid: family })
    .setProtectedHeader({ alg: ALG, kid })
    .setSubject(account.id)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(`${config.ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(key);
  const refreshToken = randomBytes(32).toString('base64url');
  await prisma.refreshToken.create({
    data: {
      accountId: account.id,
      tokenHash: sha256(refreshToken),
      family,
      expiresAt: new Date(Date.now() + config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    },
  });
  return { accessToken, refreshToken, expiresIn: config.ACCESS_TOKEN_TTL_SECONDS, accountId: account.id };
}

export async function login(
  prisma: PrismaClient,
  keys: KeyStore,
  config: Config,
  username: string,
  password: string,
): Promise<Session> {
  const account = await loadAccount(prisma, { username: username.trim() });
  const now = new Date();
  if (!account) {
    await verify(DUMMY_HASH, password).catch(() => false);
    throw new DomainError('INVALID_CREDENTIALS');
  }
  if (isLocked(account, now)) throw new DomainError('ACCOUNT_LOCKED', { minutes: minutesLeft(account, now) });
  const ok = await verify(account.passwordHash, password).catch(() => false);
  if (!ok) {
    const next = afterFailure(account, now, config.MAX_FAILED_LOGINS, config.LOCKOUT_MINUTES);
    await prisma.account.update({ where: { id: account.id }, data: next });
    await audit(prisma, account.id, isLocked(next, now) ? 'account.locked' : 'login.failed', account.id);
    if (isLocked(next, now)) throw new DomainError('ACCOUNT_LOCKED', { minutes: minutesLeft(next, now) });
    throw new DomainError('INVALID_CREDENTIALS');
  }
  if (account.status !== 'ACTIVE') throw new DomainError('ACCOUNT_DISABLED');
  if (account.failedLogins || account.lockedUntil)
    await prisma.account.update({ where: { id: account.id }, data: afterSuccess() });
  await audit(prisma, account.id, 'login', account.id);
  return issue(prisma, keys, config, account, randomUUID());
}

export async function refresh(
  prisma: PrismaClient,
  keys: KeyStore,
  config: Config,
  token: string,
): Promise<Session> {
  const row = await prisma.refreshToken.findUnique({ where: { tokenHash: sha256(token) } });
  const now = new Date();
  if (!row || row.revokedAt || row.expiresAt <= now) throw new DomainError('INVALID_TOKEN');
  if (row.replacedAt) {
    // A rotated token came back: someone holds a copy. End every session of this family.
    await prisma.refreshToken.updateMany({
      where: { family: row.family, revokedAt: null },
      data: { revokedAt: now },
    });
    await audit(prisma, row.accountId, 'refresh.reuse_detected', row.accountId, { family: row.family });
    throw new DomainError('INVALID_TOKEN');
  }
  const account = await loadAccount(prisma, { id: row.accountId });
  if (!account || account.status !== 'ACTIVE') throw new DomainError('ACCOUNT_DISABLED');
  // Only one concurrent refresh wins the rotation; the loser sees a replaced token.
  const claimed = await prisma.refreshToken.updateMany({
    where: { id: row.id, replacedAt: null },
    data: { replacedAt: now },
  });
  if (claimed.count !== 1) throw new DomainError('INVALID_TOKEN');
  return issue(prisma, keys, config, account, row.family);
}

/** Ends the session this refresh token belongs to (its whole family). Idempotent. */
export async function logout(prisma: PrismaClient, token: string): Promise<boolean> {
  const row = await prisma.refreshToken.findUnique({ where: { tokenHash: sha256(token) } });
  if (!row) return false;
  await prisma.refreshToken.updateMany({
    where: { family: row.family, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  await audit(prisma, row.accountId, 'logout', row.accountId);
  return true;
}

/**
 * Sessions ended (logout, refresh-token reuse) since `since`: their access tokens must stop working before they
 * expire. The gateway asks for this every few seconds, and at once after a logout it forwarded.
 */
export async function revokedSessionsSince(
  prisma: PrismaClient,
  since: Date,
): Promise<{ sid: string; at: string }[]> {
  const rows = await prisma.refreshToken.groupBy({
    by: ['family'],
    where: { revokedAt: { gt: since } },
    _max: { revokedAt: true },
  });
  return rows.map((r) => ({ sid: r.family, at: r._max.revokedAt!.toISOString() }));
}

export async function audit(
  prisma: Pick<PrismaClient, 'auditLog'>,
  actorId: string | null,
  action: string,
  subject: string | null,
  details?: Record<string, unknown>,
  reason?: string,
) {
  await prisma.auditLog.create({
    data: {
      actorId,
      action,
      subject,
      reason: reason ?? null,
      ...(details ? { details: details as object } : {}),
    },
  });
}
