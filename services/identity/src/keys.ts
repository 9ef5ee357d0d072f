// JWT signing keys: ES256 pairs kept in the database so every identity replica signs with the same key and the
// gateway can verify with the published JWKS. A key signs until it retires (rotation); it stays in the JWKS
// until every token it signed has expired.
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose';
import type { PrismaClient } from './db.js';

export const ALG = 'ES256';

export interface KeyStore {
  signingKey(): Promise<{ kid: string; key: CryptoKey }>;
  jwks(): Promise<{ keys: JWK[] }>;
}

export function createKeyStore(
  prisma: PrismaClient,
  rotationDays: number,
  maxTokenSeconds: number,
): KeyStore {
  let cached: { kid: string; key: CryptoKey; retiresAt: Date } | null = null;

  async function rotate(now: Date) {
    const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
    const kid = randomUUID();
    const retiresAt = new Date(now.getTime() + rotationDays * 86_400_000);
    await prisma.signingKey.create({
      data: {
        kid,
        privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALG } as object,
        publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' } as object,
        retiresAt,
        expiresAt: new Date(retiresAt.getTime() + maxTokenSeconds * 1000 + 3_600_000),
      },
    });
  }

  return {
    async signingKey() {
      const now = new Date();
      if (cached && cached.retiresAt > now) return cached;
      let row = await prisma.signingKey.findFirst({
        where: { retiresAt: { gt: now } },
        orderBy: { createdAt: 'desc' },
      });
      if (!row) {
        await rotate(now);
        row = await prisma.signingKey.findFirst({
          where: { retiresAt: { gt: now } },
          orderBy: { createdAt: 'asc' },
        });
      }
      const key = (await importJWK(row!.privateJwk as JWK, ALG)) as CryptoKey;
      cached = { kid: row!.kid, key, retiresAt: row!.retiresAt };
      return cached;
    },
    async jwks() {
      await this.signingKey(); // make sure there is one to publish
      const rows = await prisma.signingKey.findMany({
        where: { expiresAt: { gt: new Date() } },
        orderBy: { createdAt: 'desc' },
      });
      return { keys: rows.map((r) => r.publicJwk as JWK) };
    },
  };
}
