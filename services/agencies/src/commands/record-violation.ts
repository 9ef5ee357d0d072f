// 违规: found in an inspection by an HR bureau or quality supervisor of the agency's region, with a deadline for
// rectification (整改期限) — a day in China: the rectification may take until its end, 23:59:59 Beijing time.
import { DomainError, endOfChinaDay, Role } from '@skills/domain';
import { principalCan } from '@skills/service-kit';
import { z } from 'zod';
import { BUREAU_HR } from '../access-scope.js';
import type { Context } from '../context.js';
import { ViolationSeverity, ViolationType } from '../generated/prisma/enums.js';
import { type CommandInput, id, optionalText } from './inputs.js';
import { forbidden, recordEvent } from './support.js';

export const recordViolationInput = z.object({
  agencyId: id,
  type: z.enum(ViolationType),
  severity: z.enum(ViolationSeverity),
  description: optionalText(1000, '违规情况'),
  deadline: z.date().transform(endOfChinaDay),
});
export type RecordViolationInput = CommandInput<typeof recordViolationInput>;

export async function recordViolation(ctx: Context, input: RecordViolationInput) {
  const agency = await ctx.prisma.agency.findUnique({ where: { id: input.agencyId } });
  if (!agency) throw new DomainError('NOT_FOUND');
  if (!principalCan(ctx.principal, [...BUREAU_HR, Role.SUPERVISOR], { regionCode: agency.regionCode }))
    throw forbidden();
  const description = input.description;
  if (!description) throw new DomainError('REASON_REQUIRED');
  return ctx.prisma.$transaction(async (tx) => {
    const v = await tx.violation.create({
      data: {
        agencyId: agency.id,
        type: input.type,
        severity: input.severity,
        description,
        deadline: input.deadline,
        foundBy: ctx.principal.id!,
      },
    });
    await recordEvent(tx, ctx, {
      agencyId: agency.id,
      type: 'VIOLATION_RECORDED',
      reason: `${input.type}: ${description}`,
    });
    return v;
  });
}
