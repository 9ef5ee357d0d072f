// 撤销证书: the HR bureau of the agency's region (city, county, or the province) revokes a certificate, with the
// reason. The number stays (a revoked number is never given again); verification shows 已撤销 and the date.
// Idempotent: revoking a revoked certificate answers it as it is. Audited, and a row of the certificate's history.
import { z } from 'zod';
import { mayRevoke } from '../access-scope.js';
import type { Context } from '../context.js';
import { certificateKey, type CommandInput, reason } from './inputs.js';
import { audit, forbidden, notFound, type Tx } from './support.js';

export const revokeCertificateInput = z.object({ number: certificateKey, reason });
export type RevokeCertificateInput = CommandInput<typeof revokeCertificateInput>;

export async function revokeCertificate(ctx: Context, input: RevokeCertificateInput) {
  return ctx.prisma.$transaction((tx) => revokeIn(tx, ctx, input.number, input.reason));
}

/** Revokes inside the caller's transaction (also used when a bureau approves an agency's request). */
export async function revokeIn(tx: Tx, ctx: Context, number: string, why: string) {
  // the row lock makes two concurrent revocations one revocation
  const rows = await tx.$queryRaw<
    { number: string }[]
  >`SELECT "number" FROM "Certificate" WHERE "number" = ${number} FOR UPDATE`;
  if (rows.length === 0) throw notFound();
  const c = await tx.certificate.findUniqueOrThrow({ where: { number } });
  if (!mayRevoke(ctx.principal, c)) throw forbidden();
  if (c.status === 'REVOKED') return c;
  const revoked = await tx.certificate.update({
    where: { number },
    data: {
      status: 'REVOKED',
      revokedAt: new Date(),
      revokedBy: ctx.principal.id,
      revocationReason: why,
      events: { create: { type: 'REVOKED', actorId: ctx.principal.id, reason: why } },
    },
  });
  await audit(tx, ctx, 'certificate.revoked', number, why);
  return revoked;
}
