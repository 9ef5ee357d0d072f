// 联系方式: the college keeps its agency's public contact point (address, consulting phone) up to date, so
// candidates know whom to ask. Recorded in the agency's history; the same values twice change nothing.
import { DomainError, isContactPhone } from '@skills/domain';
import { z } from 'zod';
import type { Context } from '../context.js';
import { type CommandInput, id, optionalText } from './inputs.js';
import { collegesOwn, recordEvent } from './support.js';

export const updateAgencyContactInput = z.object({
  agencyId: id,
  address: optionalText(200, '联系地址'),
  contactPhone: optionalText(30, '咨询电话').refine((v) => v === null || isContactPhone(v), {
    message: '咨询电话格式不正确（手机号码，或带区号的固定电话，如 0595-22274285）',
  }),
});
export type UpdateAgencyContactInput = CommandInput<typeof updateAgencyContactInput>;

export async function updateAgencyContact(ctx: Context, input: UpdateAgencyContactInput) {
  const agency = collegesOwn(ctx, await ctx.prisma.agency.findUnique({ where: { id: input.agencyId } }));
  const address = input.address ?? null;
  const contactPhone = input.contactPhone ?? null;
  if (!address && !contactPhone) throw new DomainError('BAD_USER_INPUT', {}, { field: 'address' });
  if (agency.address === address && agency.contactPhone === contactPhone) return agency;
  return ctx.prisma.$transaction(async (tx) => {
    const updated = await tx.agency.update({ where: { id: agency.id }, data: { address, contactPhone } });
    await recordEvent(tx, ctx, {
      agencyId: agency.id,
      type: 'CONTACT_UPDATED',
      reason: [address, contactPhone].filter(Boolean).join('；'),
    });
    return updated;
  });
}
