// 查看完整身份证号: an unmasked read of an assessor's ID number is written to the audit log (who, whose, when, why)
// before the number is returned.
import type { Context } from '../context.js';

export async function auditIdNumberRead(ctx: Context, assessorId: string, reason: string) {
  await ctx.prisma.auditLog.create({
    data: {
      actorId: ctx.principal.id,
      action: 'pii.id_number.read',
      subject: assessorId,
      reason: reason.slice(0, 200),
    },
  });
}
