// 合作方接口密钥: high-entropy random keys shown once, stored as SHA-256 (a slow hash adds nothing for 256-bit
// random secrets and would cost on every partner request). Named, scoped to a partner organisation, limited to
// listed operations, revocable.
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from './db.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface NewApiKey {
  name: string;
  organisationCode: string;
  allowedOperations: string[];
  createdBy: string;
}

export async function createApiKey(prisma: PrismaClient, input: NewApiKey) {
  const prefix = randomBytes(6).toString('hex');
  const secret = `sk_${prefix}_${randomBytes(24).toString('base64url')}`;
  const row = await prisma.apiKey.create({ data: { ...input, prefix, keyHash: sha256(secret) } });
  return { row, secret };
}

/** The active key for a presented secret, or null. Records when it was last used (at most once a minute). */
export async function verifyApiKey(prisma: PrismaClient, secret: string) {
  if (!/^sk_[0-9a-f]{12}_[\w-]{32}$/.test(secret)) return null;
  const row = await prisma.apiKey.findUnique({ where: { keyHash: sha256(secret) } });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return row;
}
