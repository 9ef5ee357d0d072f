// Issuer signing keys: one Ed25519 key pair per issuer (an agency or an HR bureau), kept as JWK. The key id is
// `${issuer.id}#${RFC 7638 thumbprint}`, so a verifier holding the platform's JWKS can tell which issuer a key
// belongs to: a credential naming issuer A is refused when signed by a key of issuer B, even though both keys are
// in the same published set. Retired keys stay in the JWKS so credentials signed with them still verify.
import { hkdfSync } from 'node:crypto';
import {
  calculateJwkThumbprint,
  compactDecrypt,
  CompactEncrypt,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';
import { CredentialError } from './facts.js';

/** The only signature algorithm used: EdDSA over Ed25519 (RFC 8037). */
export const ALG = 'EdDSA';

/** An Ed25519 public key as published (kty OKP, crv Ed25519, x) with kid, alg and use. */
export interface IssuerPublicJwk extends JWK {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: typeof ALG;
  use: 'sig';
}

/** An issuer's key pair as JWK; `privateJwk` adds d and must never leave the issuing service unencrypted. */
export interface IssuerKey {
  kid: string;
  issuerId: string;
  publicJwk: IssuerPublicJwk;
  privateJwk: IssuerPublicJwk & { d: string };
}

export interface Jwks {
  keys: IssuerPublicJwk[];
}

/** The issuer a key id names: everything before the last '#'. */
export function issuerOfKid(kid: string): string | null {
  const i = kid.lastIndexOf('#');
  return i > 0 ? kid.slice(0, i) : null;
}

export async function generateIssuerKey(issuerId: string): Promise<IssuerKey> {
  const { privateKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
  return importIssuerKey(issuerId, await exportJWK(privateKey));
}

/** Checks a stored private JWK (Ed25519 with d) and derives its kid and public half. */
export async function importIssuerKey(issuerId: string, jwk: JWK): Promise<IssuerKey> {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x || !jwk.d)
    throw new CredentialError('INVALID_KEY', 'issuer key must be an Ed25519 private JWK');
  // importing checks that x and d are well formed
  await importJWK({ kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d }, ALG).catch((e: unknown) => {
    throw new CredentialError('INVALID_KEY', 'issuer key does not import as Ed25519', { cause: e });
  });
  const kid = `${issuerId}#${await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: jwk.x })}`;
  const publicJwk: IssuerPublicJwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid, alg: ALG, use: 'sig' };
  return { kid, issuerId, publicJwk, privateJwk: { ...publicJwk, d: jwk.d } };
}

/** The JWKS to publish: public halves only (d is dropped even if a private JWK is passed by mistake). */
export function publicJwks(keys: readonly (IssuerKey | IssuerPublicJwk)[]): Jwks {
  return {
    keys: keys.map((k) => {
      const j = 'publicJwk' in k ? k.publicJwk : k;
      return { kty: 'OKP', crv: 'Ed25519', x: j.x, kid: j.kid, alg: ALG, use: 'sig' };
    }),
  };
}

// At rest the private JWK is a JWE (dir, A256GCM) under a key derived from a secret held outside the database
// (config / a Kubernetes Secret). The protected header carries the kid, checked on opening, so a sealed key copied
// onto another issuer's row does not open as that issuer's key.
function wrappingKey(secret: string | Uint8Array): Uint8Array {
  const ikm = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  if (ikm.length < 32)
    throw new CredentialError('INVALID_KEY', 'key-encryption secret must be at least 32 bytes');
  return new Uint8Array(hkdfSync('sha256', ikm, new Uint8Array(0), 'skills/credentials issuer key v1', 32));
}

export async function sealIssuerKey(key: IssuerKey, secret: string | Uint8Array): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(key.privateJwk)))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: key.kid, cty: 'jwk+json' })
    .encrypt(wrappingKey(secret));
}

export async function openIssuerKey(
  sealed: string,
  issuerId: string,
  secret: string | Uint8Array,
): Promise<IssuerKey> {
  let jwk: JWK;
  let kid: string | undefined;
  try {
    const { plaintext, protectedHeader } = await compactDecrypt(sealed, wrappingKey(secret));
    jwk = JSON.parse(new TextDecoder().decode(plaintext)) as JWK;
    kid = protectedHeader.kid;
  } catch (e) {
    throw new CredentialError('INVALID_KEY', 'sealed issuer key does not open with this secret', {
      cause: e,
    });
  }
  const key = await importIssuerKey(issuerId, jwk);
  if (kid !== key.kid)
    throw new CredentialError('INVALID_KEY', 'sealed issuer key belongs to another issuer');
  return key;
}

/** Where a service keeps its issuers' sealed keys (its own table). */
export interface IssuerKeyStore {
  /** the issuer's current key, sealed, or null when it has none yet */
  current(issuerId: string): Promise<{ sealed: string } | null>;
  /** stores a new current key; false when another process stored one first (a unique constraint on the issuer) */
  insert(row: {
    issuerId: string;
    kid: string;
    publicJwk: IssuerPublicJwk;
    sealed: string;
  }): Promise<boolean>;
}

/**
 * The issuer's signing key, made on first use. Two replicas issuing the first certificate of an issuer at once both
 * generate a key; the store keeps one (insert returns false for the other) and both sign with that one.
 */
export async function loadOrCreateIssuerKey(
  store: IssuerKeyStore,
  issuerId: string,
  secret: string | Uint8Array,
): Promise<IssuerKey> {
  const existing = await store.current(issuerId);
  if (existing) return openIssuerKey(existing.sealed, issuerId, secret);
  const key = await generateIssuerKey(issuerId);
  const sealed = await sealIssuerKey(key, secret);
  if (await store.insert({ issuerId, kid: key.kid, publicJwk: key.publicJwk, sealed })) return key;
  const winner = await store.current(issuerId);
  if (!winner) throw new CredentialError('INVALID_KEY', 'issuer key was neither stored nor found');
  return openIssuerKey(winner.sealed, issuerId, secret);
}
