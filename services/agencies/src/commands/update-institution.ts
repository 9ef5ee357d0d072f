// 职业院校名录维护: a roster keeper (city or provincial bureau) corrects one college — its name, type, region or
// majors — within its region (before and after the change). Audited.
import { DomainError, findRegion } from '@skills/domain';
import { principalCan } from '@skills/service-kit';
import { z } from 'zod';
import type { Context } from '../context.js';
import { SchoolType } from '../generated/prisma/enums.js';
import { ROSTER_KEEPERS } from './import-institutions.js';
import { type CommandInput, creditCode } from './inputs.js';
import { forbidden } from './support.js';

export const updateInstitutionInput = z.object({
  creditCode,
  name: z.string().trim().min(2, '院校名称应为 2–60 个字').max(60, '院校名称应为 2–60 个字').nullish(),
  schoolType: z.enum(SchoolType).nullish(),
  regionCode: z.string().trim().nullish(),
  majors: z
    .array(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^\d{4,8}[A-Z]?$/, '专业代码不正确（如 460103）'),
    )
    .max(300, '开设专业不能超过 300 个')
    .nullish(),
});
export type UpdateInstitutionInput = CommandInput<typeof updateInstitutionInput>;

export async function updateInstitution(ctx: Context, input: UpdateInstitutionInput) {
  const college = await ctx.prisma.institution.findUnique({ where: { creditCode: input.creditCode } });
  if (!college) throw new DomainError('NOT_FOUND');
  const regionCode = input.regionCode ?? college.regionCode;
  if (
    !principalCan(ctx.principal, ROSTER_KEEPERS, { regionCode: college.regionCode }) ||
    !principalCan(ctx.principal, ROSTER_KEEPERS, { regionCode })
  )
    throw forbidden();
  if (!findRegion(regionCode)) throw new DomainError('REGION_NOT_FOUND');
  return ctx.prisma.$transaction(async (tx) => {
    const updated = await tx.institution.update({
      where: { creditCode: college.creditCode },
      data: {
        ...(input.name ? { name: input.name } : {}),
        ...(input.schoolType ? { schoolType: input.schoolType } : {}),
        regionCode,
        ...(input.majors ? { majors: [...new Set(input.majors)] } : {}),
        demo: false,
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: ctx.principal.id,
        action: 'roster.institution.update',
        subject: college.creditCode,
        reason: JSON.stringify({
          name: input.name,
          schoolType: input.schoolType,
          regionCode,
          majors: input.majors,
        }),
      },
    });
    return updated;
  });
}
