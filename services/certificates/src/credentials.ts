// The certificate's documents (ADR 0017): the facts a PDF and a verifiable credential carry, the issuers' signing
// keys (sealed in this service's database), the status list index of each credential, the published JWKS and the
// status list credentials. The rules of the formats live in @skills/credentials and @skills/documents; what is
// here is where this service keeps things and which URLs it names.
import { hkdfSync } from 'node:crypto';
import {
  Bitstring,
  credentialRoutes,
  issueStatusListCredential,
  loadOrCreateIssuerKey,
  pickStatusIndex,
  publicJwks,
  STATUS_LIST_MIN_BITS,
  statusListPath,
  type CertificateFacts,
  type IssuerKey,
  type IssuerKeyStore,
  type IssuerPublicJwk,
} from '@skills/credentials';
import { chinaDay, DomainError, maskIdNumber, type SkillLevel } from '@skills/domain';
import { createServiceGraphClient, isUniqueViolation } from '@skills/service-kit';
import type { Config } from './config.js';
import type { PrismaClient } from './db.js';
import type { Certificate, Issuer } from './generated/prisma/client.js';

/** Entries used per list before the next list starts (random picks stay quick below ~75% full). */
const LIST_CAPACITY = 98_304;

export const credentialsBase = (c: Config) => c.CREDENTIALS_BASE_URL ?? c.PUBLIC_BASE_URL;
export const issuerUrl = (c: Config, issuerCode: string) =>
  `${credentialsBase(c)}/credentials/issuers/${issuerCode}`;
export const statusListUrl = (c: Config, listId: string) => `${credentialsBase(c)}${statusListPath(listId)}`;
export const jwksUrl = (c: Config) => `${credentialsBase(c)}/credentials/jwks.json`;
/** the public verification page of a certificate: what the QR code holds, and the credential's id */
export const verifyUrl = (c: Config, number: string) =>
  `${c.PUBLIC_BASE_URL}/public/verify?number=${encodeURIComponent(number)}`;

/** The secret sealing the keys: CREDENTIAL_KEY_SECRET, or (unset) a key derived from CLAIMS_SECRET. */
function sealingSecret(c: Config): string | Uint8Array {
  if (c.CREDENTIAL_KEY_SECRET) return c.CREDENTIAL_KEY_SECRET;
  return new Uint8Array(
    hkdfSync('sha256', c.CLAIMS_SECRET, new Uint8Array(0), 'certificates credential keys', 32),
  );
}

function keyStore(prisma: PrismaClient): IssuerKeyStore {
  return {
    current: async (issuerId) => {
      const k = await prisma.issuerSigningKey.findUnique({
        where: { issuerId },
        select: { sealedKey: true },
      });
      return k ? { sealed: k.sealedKey } : null;
    },
    insert: async (row) => {
      try {
        await prisma.issuerSigningKey.create({
          data: {
            kid: row.kid,
            issuerId: row.issuerId,
            publicJwk: row.publicJwk as object,
            sealedKey: row.sealed,
          },
        });
        return true;
      } catch (e) {
        if (isUniqueViolation(e)) return false;
        throw e;
      }
    },
  };
}

/** The issuer's signing key, made (and sealed) on first use; keyed by the issuer's URL, which its kid begins with. */
export function issuerKey(
  prisma: PrismaClient,
  config: Config,
  issuer: Pick<Issuer, 'code'>,
): Promise<IssuerKey> {
  return loadOrCreateIssuerKey(keyStore(prisma), issuerUrl(config, issuer.code), sealingSecret(config));
}

/**
 * The certificate's place in its issuer's status list, given once: a random free index of the issuer's current
 * list, kept by the unique (list, index) constraint when two requests race.
 */
export async function statusEntryOf(
  prisma: PrismaClient,
  c: Pick<Certificate, 'number' | 'statusList' | 'statusListIndex'>,
  issuer: Pick<Issuer, 'id' | 'code'>,
): Promise<{ list: string; index: number }> {
  if (c.statusList && c.statusListIndex !== null) return { list: c.statusList, index: c.statusListIndex };
  for (let attempt = 0; attempt < 5; attempt++) {
    const used = await prisma.certificate.count({
      where: { issuerId: issuer.id, statusList: { not: null } },
    });
    const list = `${issuer.code}-${Math.floor(used / LIST_CAPACITY) + 1}`;
    const index = await pickStatusIndex(
      async (i) => (await prisma.certificate.count({ where: { statusList: list, statusListIndex: i } })) > 0,
      STATUS_LIST_MIN_BITS,
    );
    try {
      const { count } = await prisma.certificate.updateMany({
        where: { number: c.number, statusList: null },
        data: { statusList: list, statusListIndex: index },
      });
      if (count === 1) return { list, index };
      // another request gave it one first
      const now = await prisma.certificate.findUniqueOrThrow({ where: { number: c.number } });
      return { list: now.statusList!, index: now.statusListIndex! };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e; // the index was taken meanwhile: draw again
    }
  }
  throw new DomainError('SERVICE_UNAVAILABLE', { service: '证书状态列表' });
}

/** Occupation and 专项 project names, from the catalogue through the graph with this service's claims. */
export interface CatalogueNames {
  occupation(code: string): Promise<string | null>;
  project(code: string): Promise<string | null>;
}

export function createCatalogueNames(config: Config): CatalogueNames {
  const graph = createServiceGraphClient({
    url: config.CATALOGUE_GRAPH_URL,
    claimsSecret: config.CLAIMS_SECRET,
    service: 'certificates',
    askedTitle: '职业目录服务',
  });
  const names = new Map<string, Promise<string | null>>();
  const cached = (key: string, ask: () => Promise<string | null>) => {
    let p = names.get(key);
    if (!p) {
      p = ask();
      names.set(key, p);
      p.catch(() => names.delete(key)); // unreachable now is not "no name" later
    }
    return p;
  };
  return {
    occupation: (code) =>
      cached(`o:${code}`, async () => {
        const a = await graph.askWithErrors<{ occupation: { name: string } | null }>(
          'query($code: String!) { occupation(code: $code) { name } }',
          { code },
        );
        return a.data?.occupation?.name ?? null;
      }),
    project: (code) =>
      cached(`p:${code}`, async () => {
        const a = await graph.askWithErrors<{ specialAbilityProject: { name: string } | null }>(
          'query($code: String!) { specialAbilityProject(code: $code) { name } }',
          { code },
        );
        return a.data?.specialAbilityProject?.name ?? null;
      }),
  };
}

const day = (at: Date) => {
  const d = chinaDay(at);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
};

/** What the PDF and the credential say: the public verification's facts, the ID number masked. */
export async function certificateFactsOf(
  c: Certificate,
  issuer: Pick<Issuer, 'code'>,
  config: Config,
  names: CatalogueNames,
): Promise<CertificateFacts> {
  const common = {
    number: c.number,
    holderName: c.holderName,
    holderIdNumberMasked: maskIdNumber(c.idNumber),
    issuer: { id: issuerUrl(config, issuer.code), name: c.issuerName },
    issuedOn: day(c.issuedAt),
  };
  if (c.kind === 'SKILL_LEVEL') {
    const name = await names.occupation(c.occupationCode);
    return {
      ...common,
      kind: 'SKILL_LEVEL',
      occupation: { code: c.occupationCode, name: name ?? c.occupationCode },
      level: c.level as SkillLevel,
    };
  }
  if (c.kind === 'SPECIAL_ABILITY') {
    const name = await names.project(c.occupationCode);
    return {
      ...common,
      kind: 'SPECIAL_ABILITY',
      project: { code: c.occupationCode, name: name ?? c.occupationCode },
    };
  }
  // 职业资格证书 are recorded here, issued by the departments of the national list: not ours to sign or print
  throw new DomainError('FORBIDDEN');
}

/** /credentials/jwks.json and /credentials/status/<list>: public, before GraphQL (service-kit's routes). */
export function credentialsRoutes(prisma: () => PrismaClient | undefined, config: Config) {
  return credentialRoutes({
    jwks: async () => {
      const db = prisma();
      const rows = db ? await db.issuerSigningKey.findMany({ orderBy: { createdAt: 'asc' } }) : [];
      return publicJwks(rows.map((r) => r.publicJwk as unknown as IssuerPublicJwk));
    },
    statusList: async (listId) => {
      const db = prisma();
      const m = /^([0-9A-Z]+)-(\d+)$/.exec(listId);
      if (!db || !m) return null;
      const issuer = await db.issuer.findUnique({ where: { code: m[1]! } });
      if (!issuer) return null;
      // the bits are the certificates' statuses, read now: revoking a certificate is flipping its bit
      const entries = await db.certificate.findMany({
        where: { statusList: listId },
        select: { statusListIndex: true, status: true, revokedAt: true },
      });
      if (entries.length === 0) return null;
      const bits = new Bitstring(STATUS_LIST_MIN_BITS);
      let changed = issuer.createdAt;
      for (const e of entries)
        if (e.status === 'REVOKED' && e.statusListIndex !== null) {
          bits.set(e.statusListIndex, true);
          if (e.revokedAt && e.revokedAt > changed) changed = e.revokedAt;
        }
      // signed as of its last change, so an unchanged list is the same bytes (and ETag) on every replica
      return issueStatusListCredential(bits, await issuerKey(db, config, issuer), {
        id: statusListUrl(config, listId),
        issuedAt: changed,
      });
    },
  });
}
