// 申请撤销: the college of the issuing agency asks the HR bureau of its region to revoke one of its own
// certificates (a wrong result found later, fraud); the bureau decides (decide-revocation.ts). One open request
// per certificate: asking again answers the open one.
import { DomainError } from '@skills/domain';
import { z } from 'zod';
import { certificateVisibility, mayRequestRevocation } from '../access-scope.js';
import type { Context } from '../context.js';
import { certificateKey, type CommandInput, reason } from './inputs.js';
import { audit, forbidden, notFound } from './support.js';

export const requestRevocationInput = z.object({ number: certificateKey, reason });
export type RequestRevocationInput = CommandInput<typeof requestRevocationInput>;

export async function requestRevocation(ctx: Context, input: RequestRevocationInput) {
  return ctx.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "number" FROM "Certificate" WHERE "number" = ${input.number} FOR UPDATE`;
    const c = await tx.certificate.findUnique({ where: { number: input.number } });
    if (!c || !certificateVisibility(ctx.principal).allows(c)) throw notFound();
    if (!mayRequestRevocation(ctx.principal, c)) throw forbidden();
    if (c.status === 'REVOKED')
      throw new DomainError('CERTIFICATE_REVOKED', {
        number: c.number,
        date: c.revokedAt!.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }),
      });
    const open = await tx.revocationRequest.findFirst({
      where: { certificateNumber: c.number, status: 'PENDING' },
    });
    if (open) return open;
    const request = await tx.revocationRequest.create({
      data: { certificateNumber: c.number, reason: input.reason, requestedBy: ctx.principal.id ?? '' },
    });
    await tx.certificateEvent.create({
      data: {
        certificateNumber: c.number,
        type: 'REVOCATION_REQUESTED',
        actorId: ctx.principal.id,
        reason: input.reason,
      },
    });
    await audit(tx, ctx, 'certificate.revocation_requested', c.number, input.reason);
    return request;
  });
}
