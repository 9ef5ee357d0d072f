// 社会考生注册: a signed-in candidate (portal-candidate) records themself as a social candidate — 退役军人, 农民工,
// 乡村振兴人才, 校企合作企业职工 or 其他社会人员 — bound to their account and their ID number (no duplicate persons:
// an ID number already held by someone else's record is refused).
import { DomainError, isMobilePhone, parseIdNumber, unwrap } from '@skills/domain';
import { badInput } from '@skills/service-kit';
import { z } from 'zod';
import type { Context } from '../context.js';
import { priorCertificates, toJson } from '../domain/json-columns.js';
import { type CommandInput, optionalText } from './inputs.js';
import { audit, forbidden } from './support.js';

export const enrolCandidateInput = z.object({
  category: z.enum(['VETERAN', 'MIGRANT_WORKER', 'RURAL_TALENT', 'PARTNER_EMPLOYEE', 'OTHER_SOCIAL'], {
    error: '请选择社会考生类别（在校生由学校登记）',
  }),
  name: z.string().trim().min(1, '请填写姓名').max(30, '姓名不能超过 30 个字'),
  idNumber: z.string().trim(),
  phone: optionalText(20, '手机号码'),
  residenceRegionCode: z.string().trim(),
  workYears: z.number().int().min(0, '工作年限不能为负数').max(60, '工作年限不正确').nullish(),
  priorCertificates: z
    .array(
      z.object({
        occupationCode: z.string().trim().min(1, '请填写证书的职业编码'),
        level: z.number().int().min(1, '证书等级不正确').max(5, '证书等级不正确'),
        year: z.number().int().min(1990).max(2100).nullish(),
      }),
    )
    .nullish()
    .transform((v) => v ?? []),
});
export type EnrolCandidateInput = CommandInput<typeof enrolCandidateInput>;

export async function enrolCandidate(ctx: Context, input: EnrolCandidateInput) {
  if (ctx.principal.kind !== 'user' || !ctx.principal.id) throw forbidden();
  const idNumber = unwrap(parseIdNumber(input.idNumber)).value;
  // checked here, after authorization (the schema's checks run before the caller's role is)
  if (!/^\d{6}$/.test(input.residenceRegionCode))
    throw badInput('residenceRegionCode', '常住地行政区划代码应为 6 位数字');
  if (input.phone && !isMobilePhone(input.phone)) throw badInput('phone', '手机号码不正确，应为 11 位手机号');
  const accountId = ctx.principal.id;
  return ctx.prisma.$transaction(async (tx) => {
    const mine = await tx.candidate.findUnique({ where: { accountId } });
    const byId = await tx.candidate.findUnique({ where: { idNumber } });
    if ((mine && mine.idNumber !== idNumber) || (byId && byId.accountId !== accountId))
      throw new DomainError('CONFLICT');
    const data = {
      category: input.category,
      name: input.name,
      phone: input.phone ?? null,
      regionCode: input.residenceRegionCode,
      workYears: input.workYears ?? null,
      priorCertificates: toJson(priorCertificates, input.priorCertificates),
    };
    const c = byId
      ? await tx.candidate.update({ where: { id: byId.id }, data })
      : await tx.candidate.create({ data: { ...data, idNumber, accountId, createdBy: accountId } });
    await audit(tx, ctx, 'candidate.enrolled', c.id);
    return c;
  });
}
