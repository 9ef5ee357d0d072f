export {
  certificateFactsSchema,
  CredentialError,
  parseFacts,
  type CertificateFacts,
  type SkillLevelFacts,
  type SpecialAbilityFacts,
} from './facts.js';
export {
  ALG,
  generateIssuerKey,
  importIssuerKey,
  issuerOfKid,
  loadOrCreateIssuerKey,
  openIssuerKey,
  publicJwks,
  sealIssuerKey,
  type IssuerKey,
  type IssuerKeyStore,
  type IssuerPublicJwk,
  type Jwks,
} from './keys.js';
export { Bitstring, pickStatusIndex, STATUS_LIST_MIN_BITS, type StatusPurpose } from './status-list.js';
export {
  buildCredential,
  isRevoked,
  issueCredential,
  issueStatusListCredential,
  OB_CONTEXT,
  signCredential,
  VC_CONTEXT,
  VC_JWT_TYP,
  verifyCredential,
  verifyStatusListCredential,
  type CredentialStatusEntry,
  type IssueOptions,
  type StatusListOptions,
  type VerifiedCredential,
  type VerifiedStatusList,
} from './credential.js';
export {
  credentialRoutes,
  JWKS_MEDIA_TYPE,
  statusListPath,
  VC_JWT_MEDIA_TYPE,
  type CredentialRoutesOptions,
} from './routes.js';
