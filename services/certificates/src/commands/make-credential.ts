// 可验证电子证书: the certificate as a W3C Verifiable Credential (Open Badges 3.0), signed by its issuer's key as
// vc+jwt, with its place in the issuer's status list (given on the first download, then kept). Made from the row
// each time with the issue date as iat, so every download is the same bytes. A revoked certificate's credential is
// still given: its status list says revoked, which is what a verifier must see (ADR 0017).
import { issueCredential, VC_JWT_TYP } from '@skills/credentials';
import { z } from 'zod';
import type { Context } from '../context.js';
import {
  certificateFactsOf,
  issuerKey,
  jwksUrl,
  statusEntryOf,
  statusListUrl,
  verifyUrl,
} from '../credentials.js';
import { downloadableCertificate } from './certificate-documents.js';
import { certificateNumber, type CommandInput } from './inputs.js';

export const makeCredentialInput = z.object({ number: certificateNumber });
export type MakeCredentialInput = CommandInput<typeof makeCredentialInput>;

export interface CertificateCredential {
  number: string;
  /** compact JWS, media type application/vc+jwt */
  jws: string;
  mediaType: string;
  fileName: string;
  jwksUrl: string;
  statusListCredential: string;
}

export async function makeCredential(
  ctx: Context,
  input: MakeCredentialInput,
): Promise<CertificateCredential> {
  const c = await downloadableCertificate(ctx, input.number);
  const facts = await certificateFactsOf(c, c.issuer, ctx.config, ctx.names);
  const entry = await statusEntryOf(ctx.prisma, c, c.issuer);
  const key = await issuerKey(ctx.prisma, ctx.config, c.issuer);
  const listUrl = statusListUrl(ctx.config, entry.list);
  const jws = await issueCredential(facts, key, {
    id: verifyUrl(ctx.config, c.number),
    status: { statusListCredential: listUrl, statusListIndex: entry.index },
    issuedAt: c.issuedAt,
  });
  return {
    number: c.number,
    jws,
    mediaType: `application/${VC_JWT_TYP}`,
    fileName: `证书-${c.number}.jwt`,
    jwksUrl: jwksUrl(ctx.config),
    statusListCredential: listUrl,
  };
}
