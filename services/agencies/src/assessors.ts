// 考评员与质量督导员: people with qualifications by occupation and level, the agency they serve, and the
// relationships (teacher of, relative of) that assessment uses for 回避. ID numbers are validated, stored for
// conflict checks, and shown masked; an unmasked read needs a reason and is audited.
import {
  DomainError,
  isMobilePhone,
  parseIdNumber,
  parseOccupationCode,
  parseSkillLevel,
  Role,
} from '@skills/domain';
import { principalCan } from '@skills/service-kit';
import { COLLEGE_SIDE } from './access-scope.js';
import type { Context } from './context.js';
import { forbidden } from './filings.js';
import type { Prisma } from './generated/prisma/client.js';

export interface Qualification {
  occupationCode: string;
  level: number;
}

export interface Conflict {
  type: 'TEACHER_OF' | 'RELATIVE_OF';
  personName: string;
  personIdNumber?: string | null;
}

export interface AssessorInput {
  kind: 'ASSESSOR' | 'SUPERVISOR';
  agencyId?: string | null;
  name: string;
  idNumber: string;
  phone?: string | null;
  qualifications: Qualification[];
  conflicts: Conflict[];
}

function validate(input: AssessorInput) {
  const id = parseIdNumber(input.idNumber);
  if (!id.ok) throw id.error;
  if (input.phone && !isMobilePhone(input.phone.trim()))
    throw new DomainError('BAD_USER_INPUT', {}, { field: 'phone' });
  const name = input.name.trim();
  if (!name || name.length > 30) throw new DomainError('BAD_USER_INPUT', {}, { field: 'name' });
  const qualifications = input.qualifications.map((q) => {
    const code = parseOccupationCode(q.occupationCode);
    if (!code.ok) throw code.error;
    const level = parseSkillLevel(q.level);
    if (!level.ok) throw level.error;
    return { occupationCode: code.value.code, level: level.value };
  });
  if (input.kind === 'ASSESSOR' && qualifications.length === 0)
    throw new DomainError('VALIDATION_FAILED', {}, { field: 'qualifications' });
  const conflicts = input.conflicts.map((c) => {
    if (c.personIdNumber) {
      const p = parseIdNumber(c.personIdNumber);
      if (!p.ok) throw p.error;
      return { type: c.type, personName: c.personName.trim(), personIdNumber: p.value.value };
    }
    return { type: c.type, personName: c.personName.trim(), personIdNumber: null };
  });
  return { name, idNumber: id.value.value, phone: input.phone?.trim() || null, qualifications, conflicts };
}

/**
 * Registers (or updates, by kind + ID number: idempotent) an assessor for a college's own agency, or a
 * quality supervisor for a city bureau's region.
 */
export async function registerAssessor(ctx: Context, input: AssessorInput) {
  const v = validate(input);
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
    name: v.name,
    phone: v.phone,
    agencyId,
    qualifications: v.qualifications as unknown as Prisma.InputJsonValue,
    conflicts: v.conflicts as unknown as Prisma.InputJsonValue,
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
    if (agencyId) {
      await tx.agencyEvent.create({
        data: {
          agencyId,
          type: existing ? 'ASSESSOR_UPDATED' : 'ASSESSOR_REGISTERED',
          actorId: ctx.principal.id,
          reason: v.name,
        },
      });
    }
    return row;
  });
}

export async function auditPiiRead(ctx: Context, subject: string, reason: string) {
  await ctx.prisma.auditLog.create({
    data: { actorId: ctx.principal.id, action: 'pii.id_number.read', subject, reason: reason.slice(0, 200) },
  });
}
