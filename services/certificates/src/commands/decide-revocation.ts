// 审核撤销申请: the HR bureau of the certificate's region approves (the certificate is revoked with the request's
// reason) or rejects (with its reason) an agency's request.
import { DomainError } from '@skills/domain';
import { z } from 'zod';
import { mayRevoke } from '../access-scope.js';
import { REVOCATION_STATUS_NAMES } from '../domain/names.js';
import type { Context } from '../context.js';
import { type CommandInput, id, reason } from './inputs.js';
import { revokeIn } from './revoke-certificate.js';
import { audit, forbidden, notFound } from './support.js';

export const decideRevocationInput = z.object({ requestId: id, approve: z.boolean(), decision: reason });
export type DecideRevocationInput = CommandInput<typeof decideRevocationInput>;

export async function decideRevocation(ctx: Context, input: DecideRevocationInput) {
  return ctx.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "RevocationRequest" WHERE "id" = ${input.requestId} FOR UPDATE`;
    const request = await tx.revocationRequest.findUnique({
      where: { id: input.requestId },
      include: { certificate: true },
    });
    if (!request) throw notFound();
    if (!mayRevoke(ctx.principal, request.certificate)) throw forbidden();
    if (request.status !== 'PENDING')
      throw new DomainError('REVOCATION_WRONG_STATE', {
        status: REVOCATION_STATUS_NAMES[request.status],
        action: input.approve ? '批准' : '驳回',
      });
    const decided = await tx.revocationRequest.update({
      where: { id: request.id },
      data: {
        status: input.approve ? 'APPROVED' : 'REJECTED',
        decidedBy: ctx.principal.id,
        decidedAt: new Date(),
        decision: input.decision,
      },
    });
    if (input.approve) await revokeIn(tx, ctx, request.certificateNumber, request.reason);
    else {
      await tx.certificateEvent.create({
        data: {
          certificateNumber: request.certificateNumber,
          type: 'REVOCATION_REJECTED',
          actorId: ctx.principal.id,
          reason: input.decision,
        },
      });
      await audit(tx, ctx, 'certificate.revocation_rejected', request.certificateNumber, input.decision);
    }
    return decided;
  });
}
