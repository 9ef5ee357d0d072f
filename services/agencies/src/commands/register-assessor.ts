// 登记考评员 / 质量督导员: a college registers an assessor for its own agency, a city (or province) HR bureau a
// quality supervisor. Idempotent by kind + ID number: registering again updates. ID numbers are validated by the
// domain (check character), stored for conflict checks (回避) and shown masked.
import {
  DomainError,
  isMobilePhone,
  parseIdNumber,
  parseOccupationCode,
  parseSkillLevel,
  Role,
  type Result,
} from '@skills/domain';
import { principalCan } from '@skills/service-kit';
import { z } from 'zod';
import { COLLEGE_SIDE } from '../access-scope.js';
import type { Context } from '../context.js';
import { conflicts, ConflictType, qualifications, toJson } from '../domain/json-columns.js';
import { AssessorKind } from '../generated/prisma/enums.js';
import { type CommandInput, id, optionalText } from './inputs.js';
import { forbidden, recordEvent } from './support.js';

export const registerAssessorInput = z.object({
  kind: z.enum(AssessorKind),
  agencyId: id.nullish(),
  name: z.string().trim().min(1, '请填写姓名').max(30, '姓名不能超过 30 个字'),
  idNumber: z.string().trim(),
  phone: optionalText(20, '手机号码'),
  qualifications: z.array(z.object({ occupationCode: z.string().trim(), level: z.number().int() })),
  conflicts: z
    .array(
      z.object({
        type: z.enum(ConflictType),
        personName: z.string().trim().min(1, '请填写回避对象姓名').max(30, '姓名不能超过 30 个字'),
        personIdNumber: optionalText(18, '回避对象身份证号'),
      }),
    )
    .nullish()
    .transform((c) => c ?? []),
});
export type RegisterAssessorInput = CommandInput<typeof registerAssessorInput>;

const valueOf = <T>(r: Result<T>): T => {
  if (!r.ok) throw r.error;
  return r.value;
};

/** The domain's checks (ID check character, occupation code form, level), which answer with their own codes. */
function checked(input: RegisterAssessorInput) {
  if (input.phone && !isMobilePhone(input.phone))
    throw new DomainError('BAD_USER_INPUT', {}, { field: 'phone' });
  const quals = input.qualifications.map((q) => ({
    occupationCode: valueOf(parseOccupationCode(q.occupationCode)).code,
    level: valueOf(parseSkillLevel(q.level)),
  }));
  if (input.kind === 'ASSESSOR' && quals.length === 0)
    throw new DomainError('VALIDATION_FAILED', {}, { field: 'qualifications' });
  return {
    idNumber: valueOf(parseIdNumber(input.idNumber)).value,
    qualifications: quals,
    conflicts: input.conflicts.map((c) => ({
      type: c.type,
      personName: c.personName,
      personIdNumber: c.personIdNumber ? valueOf(parseIdNumber(c.personIdNumber)).value : null,
    })),
  };
}

export async function registerAssessor(ctx: Context, input: RegisterAssessorInput) {
  const v = checked(input);
  let agencyId: string | null = null;
  if (input.kind === 'ASSESSOR') {
    const agency = input.agencyId
      ? await ctx.prisma.agency.findUnique({ where: { id: input.agencyId } })
      : null;
    if (!agency) throw new DomainError('NOT_FOUND');
    if (!principalCan(ctx.principal, COLLEGE_SIDE, { orgCode: agency.institutionCode })) throw forbidden();
    agencyId = agency.id;
  } else if (!ctx.principal.grants.some((g) => g.role === Role.CITY_HR || g.role === Role.PROVINCE_HR)) {
    throw forbidden();
  }
  const data = {
    name: input.name,
    phone: input.phone,
    agencyId,
    qualifications: toJson(qualifications, v.qualifications),
    conflicts: toJson(conflicts, v.conflicts),
  };
  return ctx.prisma.$transaction(async (tx) => {
    const existing = await tx.assessor.findUnique({
      where: { kind_idNumber: { kind: input.kind, idNumber: v.idNumber } },
    });
    if (existing?.agencyId && agencyId && existing.agencyId !== agencyId) {
      // one agency at a time; moving needs the first agency to release the person
      throw new DomainError('CONFLICT');
    }
    const row = existing
      ? await tx.assessor.update({ where: { id: existing.id }, data })
      : await tx.assessor.create({ data: { ...data, kind: input.kind, idNumber: v.idNumber } });
    if (agencyId)
      await recordEvent(tx, ctx, {
        agencyId,
        type: existing ? 'ASSESSOR_UPDATED' : 'ASSESSOR_REGISTERED',
        reason: input.name,
      });
    return row;
  });
}
