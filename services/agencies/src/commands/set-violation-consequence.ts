// 处理结果: the city (or province) HR bureau decides what a violation leads to — 责令整改 only (NONE), 暂停
// (SUSPENSION) or 注销 (CANCELLATION). A suspension or cancellation takes effect on the agency in the same
// transaction, with its history event; setting the same consequence again changes nothing.
import { DomainError, Role } from '@skills/domain';
import { principalCan } from '@skills/service-kit';
import { z } from 'zod';
import type { Context } from '../context.js';
import { VIOLATION_CONSEQUENCE_NAMES } from '../domain/names.js';
import type { AgencyEventType, AgencyStatus } from '../generated/prisma/enums.js';
import { ViolationConsequence } from '../generated/prisma/enums.js';
import { type CommandInput, id, optionalText } from './inputs.js';
import { forbidden, recordEvent } from './support.js';

export const setViolationConsequenceInput = z.object({
  violationId: id,
  consequence: z.enum(ViolationConsequence),
  reason: optionalText(500, '处理理由'),
});
export type SetViolationConsequenceInput = CommandInput<typeof setViolationConsequenceInput>;

/** What a consequence does to the agency: from which statuses, to which, with which event. */
const EFFECT: Partial<
  Record<ViolationConsequence, { from: readonly AgencyStatus[]; to: AgencyStatus; event: AgencyEventType }>
> = {
  SUSPENSION: { from: ['FILED'], to: 'SUSPENDED', event: 'AGENCY_SUSPENDED' },
  CANCELLATION: { from: ['FILED', 'SUSPENDED'], to: 'CANCELLED', event: 'AGENCY_CANCELLED' },
};

export async function setViolationConsequence(ctx: Context, input: SetViolationConsequenceInput) {
  const v = await ctx.prisma.violation.findUnique({
    where: { id: input.violationId },
    include: { agency: true },
  });
  if (!v) throw new DomainError('NOT_FOUND');
  if (!principalCan(ctx.principal, [Role.CITY_HR, Role.PROVINCE_HR], { regionCode: v.agency.regionCode }))
    throw forbidden();
  if (!input.reason) throw new DomainError('REASON_REQUIRED');
  if (v.consequence === input.consequence) return v;
  const effect = EFFECT[input.consequence];
  if (effect && !effect.from.includes(v.agency.status))
    throw new DomainError('FILING_WRONG_STATE', {
      status: v.agency.status,
      action: VIOLATION_CONSEQUENCE_NAMES[input.consequence],
    });
  return ctx.prisma.$transaction(async (tx) => {
    const set = await tx.violation.updateMany({
      where: { id: v.id, consequence: v.consequence },
      data: { consequence: input.consequence },
    });
    if (set.count !== 1) throw new DomainError('CONFLICT');
    if (effect) {
      const moved = await tx.agency.updateMany({
        where: { id: v.agencyId, status: v.agency.status },
        data: { status: effect.to },
      });
      if (moved.count !== 1) throw new DomainError('CONFLICT');
      await recordEvent(tx, ctx, {
        agencyId: v.agencyId,
        type: effect.event,
        from: v.agency.status,
        to: effect.to,
        reason: input.reason,
      });
    }
    return tx.violation.findUniqueOrThrow({ where: { id: v.id } });
  });
}
