// A certificate as a W3C Verifiable Credential 2.0 in the Open Badges 3.0 vocabulary (an OpenBadgeCredential whose
// subject has earned an Achievement: the occupation at a level, or a 专项 project), secured with JOSE as the
// Recommendation "Securing Verifiable Credentials using JOSE and COSE" says: the credential itself is the JWS
// payload (no `vc` claim), header typ `vc+jwt`, cty `vc`, alg EdDSA and a kid naming the issuer's key. Media type
// application/vc+jwt. Verifying needs nothing but the JWKS the platform publishes.
import { skillLevelCode, skillLevelFromCode, skillLevelLabel, type SkillLevel } from '@skills/domain';
import {
  createLocalJWKSet,
  decodeProtectedHeader,
  importJWK,
  jwtVerify,
  SignJWT,
  type JWTPayload,
} from 'jose';
import { CredentialError, parseFacts, type CertificateFacts } from './facts.js';
import { ALG, issuerOfKid, type IssuerKey, type Jwks } from './keys.js';
import { Bitstring, type StatusPurpose } from './status-list.js';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** JOSE header typ and the media type application/vc+jwt */
export const VC_JWT_TYP = 'vc+jwt';

const KIND_NAMES = { SKILL_LEVEL: '职业技能等级证书', SPECIAL_ABILITY: '专项职业能力证书' } as const;

// Open Badges' IdentifierEntry/IdentityObject type enumerations are extensible with the 'ext:' prefix.
const ID_CERTIFICATE_NUMBER = 'ext:CertificateNumber';
const ID_OCCUPATION_CODE = 'ext:OccupationCode';
const ID_SKILL_LEVEL = 'ext:SkillLevel';
const ID_PROJECT_CODE = 'ext:SpecialAbilityProjectCode';
const ID_MASKED_ID_NUMBER = 'ext:MaskedNationalIdentityNumber';

export interface CredentialStatusEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: StatusPurpose;
  /** a string holding the integer index, as the spec requires */
  statusListIndex: string;
  statusListCredential: string;
}

export interface IssueOptions {
  /** the credential's id: the public verification URL of this certificate, `<publicBase>/public/verify?number=…` */
  id: string;
  /** where revocation is published: the status list credential's URL and this certificate's index in it */
  status?: { statusListCredential: string; statusListIndex: number };
  /** JWT iat; defaults to now. Fix it to make the output reproducible. */
  issuedAt?: Date;
}

/** The credential's JSON (the unsecured VC, i.e. the JWS payload). */
export function buildCredential(input: CertificateFacts, opts: IssueOptions): Record<string, unknown> {
  const facts = parseFacts(input);
  const title = KIND_NAMES[facts.kind];
  const subjectName =
    facts.kind === 'SKILL_LEVEL'
      ? `${facts.occupation.name} ${skillLevelLabel(facts.level)}`
      : facts.project.name;
  const otherIdentifier =
    facts.kind === 'SKILL_LEVEL'
      ? [
          { type: 'IdentifierEntry', identifier: facts.occupation.code, identifierType: ID_OCCUPATION_CODE },
          {
            type: 'IdentifierEntry',
            identifier: skillLevelCode(facts.level),
            identifierType: ID_SKILL_LEVEL,
          },
        ]
      : [{ type: 'IdentifierEntry', identifier: facts.project.code, identifierType: ID_PROJECT_CODE }];
  const code = facts.kind === 'SKILL_LEVEL' ? facts.occupation.code : facts.project.code;
  const standard = facts.standard ? `按${facts.standard}` : '按国家职业技能标准（评价规范）';
  const achievement = {
    // one definition per issuer, occupation and level (or project)
    id: `${facts.issuer.id}/achievements/${encodeURIComponent(code)}${facts.kind === 'SKILL_LEVEL' ? `/${skillLevelCode(facts.level)}` : ''}`,
    type: ['Achievement'],
    // "awarded by an authoritative body for demonstrating the knowledge, skills and abilities to perform specific
    // tasks or an occupation" — OB 3.0's definition of Certification fits both kinds
    achievementType: 'Certification',
    name: subjectName,
    description: `${title}：${facts.kind === 'SKILL_LEVEL' ? `${facts.occupation.name}（${facts.occupation.code}）${skillLevelLabel(facts.level)}` : `${facts.project.name}（${facts.project.code}）`}`,
    criteria: {
      narrative:
        facts.kind === 'SKILL_LEVEL'
          ? `${standard}${skillLevelLabel(facts.level)}的要求，经职业技能等级认定（理论知识考试、操作技能考核）合格。`
          : `${standard}，经专项职业能力考核合格。`,
    },
    humanCode: code,
    ...(facts.kind === 'SKILL_LEVEL' ? { fieldOfStudy: facts.occupation.name } : {}),
    otherIdentifier,
    inLanguage: 'zh-CN',
    creator: { id: facts.issuer.id, type: ['Profile'], name: facts.issuer.name },
  };
  const credential: Record<string, unknown> = {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id: opts.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${title} ${subjectName}`,
    issuer: { id: facts.issuer.id, type: ['Profile'], name: facts.issuer.name },
    validFrom: `${facts.issuedOn}T00:00:00+08:00`,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: facts.holderName },
        {
          type: 'IdentityObject',
          identityType: ID_MASKED_ID_NUMBER,
          hashed: false,
          identityHash: facts.holderIdNumberMasked,
        },
        {
          type: 'IdentityObject',
          identityType: ID_CERTIFICATE_NUMBER,
          hashed: false,
          identityHash: facts.number,
        },
      ],
      achievement,
    },
  };
  if (opts.status) {
    const { statusListCredential, statusListIndex } = opts.status;
    if (!Number.isInteger(statusListIndex) || statusListIndex < 0)
      throw new RangeError('statusListIndex must be a non-negative integer');
    const entry: CredentialStatusEntry = {
      id: `${statusListCredential}#${statusListIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(statusListIndex),
      statusListCredential,
    };
    credential.credentialStatus = entry;
  }
  return credential;
}

/** Signs a credential JSON as vc+jwt with the issuer's key. */
export async function signCredential(
  credential: Record<string, unknown>,
  key: IssuerKey,
  issuedAt = new Date(),
): Promise<string> {
  const issuer = credential.issuer as { id?: string } | undefined;
  if (issuer?.id !== key.issuerId)
    throw new CredentialError('UNTRUSTED_KEY', 'the key belongs to another issuer');
  const privateKey = await importJWK(key.privateJwk, ALG);
  // iss and jti restate issuer.id and id (the spec asks that they do not conflict)
  return new SignJWT(credential as JWTPayload)
    .setProtectedHeader({ alg: ALG, typ: VC_JWT_TYP, cty: 'vc', kid: key.kid })
    .setIssuer(key.issuerId)
    .setJti(String(credential.id))
    .setIssuedAt(Math.floor(issuedAt.getTime() / 1000))
    .sign(privateKey);
}

/** The certificate as a compact JWS (application/vc+jwt). */
export async function issueCredential(
  facts: CertificateFacts,
  key: IssuerKey,
  opts: IssueOptions,
): Promise<string> {
  return signCredential(buildCredential(facts, opts), key, opts.issuedAt);
}

export interface VerifiedCredential {
  facts: CertificateFacts;
  /** the verified credential JSON (JWS payload) */
  credential: Record<string, unknown>;
  kid: string;
}

/**
 * Checks the signature against the published JWKS only (typ vc+jwt, alg EdDSA), that the signing key belongs to the
 * credential's issuer, and that the credential is an OpenBadgeCredential of ours; returns its facts. Status is a
 * separate question (isRevoked), as it needs the status list.
 */
export async function verifyCredential(jws: string, jwks: Jwks): Promise<VerifiedCredential> {
  const { payload, protectedHeader } = await verifyVcJwt(jws, jwks);
  return { facts: factsOf(payload), credential: payload, kid: protectedHeader.kid! };
}

async function verifyVcJwt(jws: string, jwks: Jwks) {
  let header;
  try {
    header = decodeProtectedHeader(jws);
  } catch (e) {
    throw new CredentialError('INVALID_SIGNATURE', 'not a compact JWS', { cause: e });
  }
  let result;
  try {
    result = await jwtVerify<Record<string, unknown>>(jws, createLocalJWKSet(jwks), {
      algorithms: [ALG],
      typ: VC_JWT_TYP,
    });
  } catch (e) {
    throw new CredentialError('INVALID_SIGNATURE', `signature does not verify: ${(e as Error).message}`, {
      cause: e,
    });
  }
  const { payload } = result;
  const issuerId = (payload.issuer as { id?: unknown } | undefined)?.id;
  if (typeof issuerId !== 'string' || issuerOfKid(header.kid ?? '') !== issuerId || payload.iss !== issuerId)
    throw new CredentialError('UNTRUSTED_KEY', 'credential is not signed by a key of its issuer');
  const types = payload.type;
  if (!Array.isArray(types) || !types.includes('VerifiableCredential'))
    throw new CredentialError('INVALID_CREDENTIAL', 'payload is not a verifiable credential');
  if (!Array.isArray(payload['@context']) || payload['@context'][0] !== VC_CONTEXT)
    throw new CredentialError('INVALID_CREDENTIAL', 'credential is not VC Data Model 2.0');
  return result;
}

type Json = Record<string, unknown>;

function factsOf(c: Json): CertificateFacts {
  try {
    if (!(c.type as string[]).includes('OpenBadgeCredential')) throw new Error('not an OpenBadgeCredential');
    const issuer = c.issuer as Json;
    const subject = c.credentialSubject as Json;
    const identity = (t: string) =>
      (subject.identifier as Json[]).find((i) => i.identityType === t)?.identityHash as string | undefined;
    const achievement = subject.achievement as Json;
    const other = (t: string) =>
      (achievement.otherIdentifier as Json[]).find((i) => i.identifierType === t)?.identifier as
        string | undefined;
    const narrative = String((achievement.criteria as Json).narrative);
    const standard = /^按(《[^《》]+》)/.exec(narrative)?.[1];
    const common = {
      number: identity(ID_CERTIFICATE_NUMBER),
      holderName: identity('name'),
      holderIdNumberMasked: identity(ID_MASKED_ID_NUMBER),
      issuer: { id: issuer.id, name: issuer.name },
      issuedOn: String(c.validFrom).slice(0, 10),
      ...(standard ? { standard } : {}),
    };
    const levelCode = other(ID_SKILL_LEVEL);
    const facts = levelCode
      ? {
          ...common,
          kind: 'SKILL_LEVEL',
          occupation: { code: other(ID_OCCUPATION_CODE), name: achievement.fieldOfStudy },
          level: skillLevelFromCode(levelCode) as SkillLevel,
        }
      : {
          ...common,
          kind: 'SPECIAL_ABILITY',
          project: { code: other(ID_PROJECT_CODE), name: achievement.name },
        };
    return parseFacts(facts);
  } catch (e) {
    throw new CredentialError(
      'INVALID_CREDENTIAL',
      `credential does not hold certificate facts: ${(e as Error).message}`,
      { cause: e },
    );
  }
}

// ---- status list credential -------------------------------------------------------------------------------------

export interface StatusListOptions {
  /** the URL the list is served at; credentialStatus.statusListCredential points here */
  id: string;
  purpose?: StatusPurpose;
  issuedAt?: Date;
  /** the list's validity start (defaults to issuedAt) */
  validFrom?: Date;
}

/** A signed BitstringStatusListCredential (vc+jwt) publishing `list`. */
export async function issueStatusListCredential(
  list: Bitstring,
  key: IssuerKey,
  opts: StatusListOptions,
): Promise<string> {
  const issuedAt = opts.issuedAt ?? new Date();
  const credential = {
    '@context': [VC_CONTEXT],
    id: opts.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: { id: key.issuerId },
    validFrom: (opts.validFrom ?? issuedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: {
      id: `${opts.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: opts.purpose ?? 'revocation',
      encodedList: list.encode(),
    },
  };
  return signCredential(credential, key, issuedAt);
}

export interface VerifiedStatusList {
  id: string;
  issuerId: string;
  purpose: StatusPurpose;
  list: Bitstring;
}

export async function verifyStatusListCredential(jws: string, jwks: Jwks): Promise<VerifiedStatusList> {
  const { payload } = await verifyVcJwt(jws, jwks);
  const subject = payload.credentialSubject as Json | undefined;
  if (
    !(payload.type as string[]).includes('BitstringStatusListCredential') ||
    subject?.type !== 'BitstringStatusList'
  )
    throw new CredentialError('INVALID_STATUS_LIST', 'not a BitstringStatusListCredential');
  const purpose = subject.statusPurpose;
  if (purpose !== 'revocation' && purpose !== 'suspension')
    throw new CredentialError('INVALID_STATUS_LIST', 'unknown statusPurpose');
  return {
    id: String(payload.id),
    issuerId: (payload.issuer as Json).id as string,
    purpose,
    list: Bitstring.decode(String(subject.encodedList)),
  };
}

/**
 * Whether a credential is revoked: both the credential and the status list credential it points to must verify
 * against the JWKS, come from the same issuer, and name the same list and purpose; then the bit at statusListIndex
 * is the answer. A credential without a revocation entry throws, as its status cannot be known.
 */
export async function isRevoked(
  credential: string,
  statusListCredential: string,
  jwks: Jwks,
): Promise<boolean> {
  const { credential: vc } = await verifyCredential(credential, jwks);
  const entries = [vc.credentialStatus].flat().filter(Boolean) as Json[];
  const entry = entries.find(
    (e) => e.type === 'BitstringStatusListEntry' && e.statusPurpose === 'revocation',
  );
  if (!entry) throw new CredentialError('STATUS_LIST_MISMATCH', 'credential has no revocation status entry');
  const list = await verifyStatusListCredential(statusListCredential, jwks);
  if (list.id !== entry.statusListCredential)
    throw new CredentialError('STATUS_LIST_MISMATCH', 'status list is not the one the credential names');
  if (list.purpose !== 'revocation')
    throw new CredentialError('STATUS_LIST_MISMATCH', 'status list purpose is not revocation');
  if (list.issuerId !== (vc.issuer as Json).id)
    throw new CredentialError('STATUS_LIST_MISMATCH', 'status list comes from another issuer');
  const index = Number(entry.statusListIndex);
  if (!/^\d+$/.test(String(entry.statusListIndex)) || index >= list.list.length)
    throw new CredentialError('STATUS_LIST_MISMATCH', 'statusListIndex outside the list');
  return list.list.get(index);
}
