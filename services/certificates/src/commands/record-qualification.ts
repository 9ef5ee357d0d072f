// 登记职业资格证书: 职业资格证书 are issued by the departments of 《国家职业资格目录清单》, never by this platform
// (谁评价、谁发证); an HR bureau records one here — with the department's own number — so that it counts in the
// 1+X statistics and shows in the holder's and the college's lists. Idempotent by number: recording the same
// certificate again answers it; the same number for another holder is a conflict.
import { DomainError, parseIdNumber, unwrap, type SkillLevel } from '@skills/domain';
import { isUniqueViolation, nextNumber, principalCan } from '@skills/service-kit';
import { z } from 'zod';
import { BUREAU_HR } from '../access-scope.js';
import type { Context } from '../context.js';
import type { Certificate } from '../generated/prisma/client.js';
import { type CommandInput, optionalText } from './inputs.js';
import { audit, forbidden, TX_OPTIONS } from './support.js';

export const recordQualificationInput = z.object({
  number: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z-]{6,40}$/, '证书编号应为 6 至 40 位字母、数字或连字符'),
  holderName: z.string().trim().min(1, '请填写持证人姓名').max(50, '姓名不能超过 50 个字'),
  idNumber: z.string().trim(),
  occupationCode: z.string().trim().min(1, '请填写职业（工种）编码').max(40),
  level: z.number().int().min(1).max(5).nullish(),
  /** the department of the national list that issued it */
  issuerName: z.string().trim().min(2, '请填写发证部门').max(100, '发证部门不能超过 100 个字'),
  issuedAt: z.date(),
  /** where it is recorded (the bureaus of this region see it) */
  regionCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '行政区划代码应为 6 位数字'),
  holderInstitutionCode: optionalText(18, '院校统一社会信用代码'),
  holderGraduationYear: z.number().int().min(1990).max(2100).nullish(),
});
export type RecordQualificationInput = CommandInput<typeof recordQualificationInput>;

export async function recordQualification(
  ctx: Context,
  input: RecordQualificationInput,
  retried = false,
): Promise<Certificate> {
  try {
    return await record(ctx, input);
  } catch (e) {
    // the same certificate or a new department recorded concurrently: the second look finds it
    if (isUniqueViolation(e) && !retried) return recordQualification(ctx, input, true);
    throw e;
  }
}

async function record(ctx: Context, input: RecordQualificationInput) {
  if (!principalCan(ctx.principal, BUREAU_HR, { regionCode: input.regionCode })) throw forbidden();
  const idNumber = unwrap(parseIdNumber(input.idNumber)).value;
  const known = await ctx.prisma.certificate.findUnique({ where: { number: input.number } });
  if (known) {
    if (known.kind === 'VOCATIONAL_QUALIFICATION' && known.idNumber === idNumber) return known;
    throw new DomainError('CONFLICT');
  }
  return ctx.prisma.$transaction(async (tx) => {
    // one Issuer row per department name; its code is a serial (D + 9 digits), never part of a number
    const issuerId = `department:${input.issuerName}`;
    let issuer = await tx.issuer.findUnique({ where: { id: issuerId } });
    if (!issuer) {
      const serial = await nextNumber(tx, 'issuer:department');
      issuer = await tx.issuer.create({
        data: {
          id: issuerId,
          kind: 'NAMED_DEPARTMENT',
          code: `D${String(serial).padStart(9, '0')}`,
          name: input.issuerName,
          regionCode: input.regionCode,
        },
      });
    }
    const c = await tx.certificate.create({
      data: {
        number: input.number,
        kind: 'VOCATIONAL_QUALIFICATION',
        holderName: input.holderName,
        idNumber,
        holderInstitutionCode: input.holderInstitutionCode?.toUpperCase() ?? null,
        holderGraduationYear: input.holderGraduationYear ?? null,
        occupationCode: input.occupationCode,
        level: (input.level ?? null) as SkillLevel | null,
        issuerId: issuer.id,
        issuerName: issuer.name,
        regionCode: input.regionCode,
        issuedAt: input.issuedAt,
        issuedBy: ctx.principal.id,
        events: { create: { type: 'ISSUED', actorId: ctx.principal.id, reason: '登记职业资格证书' } },
      },
    });
    await audit(tx, ctx, 'certificate.qualification_recorded', c.number, input.issuerName);
    return c;
  }, TX_OPTIONS);
}
