// 暂停 / 注销 / 恢复: the city (or province) HR bureau suspends, cancels or restores a filed agency, with a reason.
import { DomainError, Role } from '@skills/domain';
import { principalCan } from '@skills/service-kit';
import { z } from 'zod';
import type { Context } from '../context.js';
import type { AgencyEventType, AgencyStatus } from '../generated/prisma/enums.js';
import { type CommandInput, id, optionalText } from './inputs.js';
import { forbidden, recordEvent } from './support.js';

export const AgencyStatusChange = { SUSPENDED: 'SUSPENDED', CANCELLED: 'CANCELLED', FILED: 'FILED' } as const;
type AgencyStatusChange = keyof typeof AgencyStatusChange;

export const changeAgencyStatusInput = z.object({
  agencyId: id,
  status: z.enum(AgencyStatusChange),
  reason: optionalText(500, '理由'),
});
export type ChangeAgencyStatusInput = CommandInput<typeof changeAgencyStatusInput>;

const CHANGES: Record<
  AgencyStatusChange,
  { from: readonly AgencyStatus[]; event: AgencyEventType; action: string }
> = {
  SUSPENDED: { from: ['FILED'], event: 'AGENCY_SUSPENDED', action: '暂停' },
  CANCELLED: { from: ['FILED', 'SUSPENDED'], event: 'AGENCY_CANCELLED', action: '注销' },
  FILED: { from: ['SUSPENDED'], event: 'AGENCY_RESTORED', action: '恢复' },
};

export async function changeAgencyStatus(ctx: Context, input: ChangeAgencyStatusInput) {
  const agency = await ctx.prisma.agency.findUnique({ where: { id: input.agencyId } });
  if (!agency) throw new DomainError('NOT_FOUND');
  if (!principalCan(ctx.principal, [Role.CITY_HR, Role.PROVINCE_HR], { regionCode: agency.regionCode }))
    throw forbidden();
  if (!input.reason) throw new DomainError('REASON_REQUIRED');
  const change = CHANGES[input.status];
  if (!change.from.includes(agency.status))
    throw new DomainError('FILING_WRONG_STATE', { status: agency.status, action: change.action });
  return ctx.prisma.$transaction(async (tx) => {
    const moved = await tx.agency.updateMany({
      where: { id: agency.id, status: agency.status },
      data: { status: input.status },
    });
    if (moved.count !== 1) throw new DomainError('CONFLICT');
    await recordEvent(tx, ctx, {
      agencyId: agency.id,
      type: change.event,
      from: agency.status,
      to: input.status,
      reason: input.reason,
    });
    return tx.agency.findUniqueOrThrow({ where: { id: agency.id } });
  });
}
