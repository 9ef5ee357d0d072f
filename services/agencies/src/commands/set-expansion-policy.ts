// 设定增设评价数量: a city's HR bureau (or the province's) sets how many evaluations an agency of the city must
// have done in its current filing period before it may expand (ADR 0012). Setting the same value again changes
// nothing; every change is audited with who, when and why.
import { DomainError, findRegion, Role } from '@skills/domain';
import { principalCan } from '@skills/service-kit';
import { z } from 'zod';
import type { Context } from '../context.js';
import { cityOf } from '../domain/workflow.js';
import { type CommandInput, optionalText } from './inputs.js';
import { forbidden } from './support.js';

export const setExpansionPolicyInput = z.object({
  cityCode: z.string().trim(),
  minEvaluations: z
    .number()
    .int('评价数量应为整数')
    .min(1, '评价数量至少为 1 人次')
    .max(1_000_000, '评价数量不能超过 1000000 人次'),
  reason: optionalText(500, '设定理由'),
});
export type SetExpansionPolicyInput = CommandInput<typeof setExpansionPolicyInput>;

export async function setExpansionPolicy(ctx: Context, input: SetExpansionPolicyInput) {
  if (!principalCan(ctx.principal, [Role.CITY_HR, Role.PROVINCE_HR], { regionCode: input.cityCode }))
    throw forbidden();
  const region = findRegion(input.cityCode);
  if (!region || cityOf(region.code) !== region.code) throw new DomainError('REGION_NOT_FOUND');
  if (!input.reason) throw new DomainError('REASON_REQUIRED');
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.expansionPolicy.findUnique({ where: { cityCode: region.code } });
    if (before?.minEvaluations === input.minEvaluations) return before;
    const policy = await tx.expansionPolicy.upsert({
      where: { cityCode: region.code },
      create: {
        cityCode: region.code,
        minEvaluations: input.minEvaluations,
        setBy: ctx.principal.id!,
        reason: input.reason,
      },
      update: {
        minEvaluations: input.minEvaluations,
        setBy: ctx.principal.id!,
        setAt: new Date(),
        reason: input.reason,
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: ctx.principal.id,
        action: 'policy.expansion_min_evaluations.set',
        subject: region.code,
        reason: `${before?.minEvaluations ?? '未设定'} → ${input.minEvaluations}：${input.reason}`,
      },
    });
    return policy;
  });
}
