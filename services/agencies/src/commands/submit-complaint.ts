// 社会监督: anyone — signed in or not — complains about an agency; the complaint lands in the queue of the bureaus
// of the agency's region (「主动接受人社、教育部门监管和社会监督」). Validated, and rate-limited here by what the
// subgraph knows: complaints per agency per hour, and per signed-in caller per hour (per-address limits belong to
// the gateway). The same text about the same agency within a day is the same complaint.
import { DomainError } from '@skills/domain';
import { z } from 'zod';
import { publicAgencies } from '../access-scope.js';
import type { Context } from '../context.js';
import { type CommandInput, id } from './inputs.js';

export const submitComplaintInput = z.object({
  agencyId: id,
  content: z
    .string()
    .trim()
    .min(10, '请具体说明投诉的情况（不少于 10 个字）')
    .max(1000, '投诉内容不能超过 1000 个字'),
  contact: z
    .string()
    .trim()
    .max(50, '联系方式不能超过 50 个字')
    .regex(
      /^(1\d{10}|[^@\s]+@[^@\s]+\.[^@\s]+|0\d{2,3}-?\d{7,8})?$/,
      '联系方式应为手机号、固定电话或电子邮箱',
    )
    .nullish()
    .transform((v) => v || null),
});
export type SubmitComplaintInput = CommandInput<typeof submitComplaintInput>;

const HOUR = 3_600_000;

export async function submitComplaint(ctx: Context, input: SubmitComplaintInput) {
  // only agencies the public can see can be complained about by the public (no probing for applying ones)
  const agency = await ctx.prisma.agency.findFirst({ where: { id: input.agencyId, ...publicAgencies() } });
  if (!agency) throw new DomainError('NOT_FOUND');
  const now = Date.now();
  const same = await ctx.prisma.complaint.findFirst({
    where: { agencyId: agency.id, content: input.content, submittedAt: { gt: new Date(now - 24 * HOUR) } },
  });
  if (same) return same;
  const lastHour = { gt: new Date(now - HOUR) };
  const perAgency = await ctx.prisma.complaint.count({
    where: { agencyId: agency.id, submittedAt: lastHour },
  });
  if (perAgency >= ctx.config.COMPLAINTS_PER_AGENCY_PER_HOUR)
    throw new DomainError('TOO_MANY_REQUESTS', { minutes: 60 });
  if (ctx.principal.id) {
    const perCaller = await ctx.prisma.complaint.count({
      where: { submittedBy: ctx.principal.id, submittedAt: lastHour },
    });
    if (perCaller >= ctx.config.COMPLAINTS_PER_CALLER_PER_HOUR)
      throw new DomainError('TOO_MANY_REQUESTS', { minutes: 60 });
  }
  return ctx.prisma.complaint.create({
    data: {
      agencyId: agency.id,
      regionCode: agency.regionCode,
      content: input.content,
      contact: input.contact ?? null,
      submittedBy: ctx.principal.id,
    },
  });
}
