// 安排考评员/质量督导员: an assessor (by the agency) or a quality supervisor (by the region's HR bureau) for a
// session, with the relations they declare (回避). An assessor who teaches a candidate of the plan, or is related
// to one, is refused. Idempotent per session and ID number (assigning again updates the declaration).
import {
  CONFLICT_RELATION_NAMES,
  DomainError,
  maskIdNumber,
  parseIdNumber,
  Role,
  unwrap,
} from '@skills/domain';
import { principalCan } from '@skills/service-kit';
import { z } from 'zod';
import { BUREAU_HR, managesPlan } from '../access-scope.js';
import type { Context } from '../context.js';
import { conflicts, ConflictType, toJson } from '../domain/json-columns.js';
import { StaffRole } from '../generated/prisma/enums.js';
import { type CommandInput, id, optionalText } from './inputs.js';
import { audit, forbidden, notFound, requireStatus, type Tx } from './support.js';

export const assignSessionStaffInput = z.object({
  sessionId: id,
  role: z.enum(StaffRole),
  name: z.string().trim().min(1, '请填写姓名').max(30, '姓名不能超过 30 个字'),
  idNumber: z.string().trim(),
  assessorId: optionalText(64, '考评员编号'),
  conflicts: z
    .array(z.object({ type: z.enum(ConflictType), personIdNumber: z.string().trim() }))
    .nullish()
    .transform((v) => v ?? []),
});
export type AssignSessionStaffInput = CommandInput<typeof assignSessionStaffInput>;

/** The first candidate of the plan that this staff member declared a relation to, if any. */
export async function conflictOf(
  db: Tx | Context['prisma'],
  planId: string,
  declared: { type: keyof typeof ConflictType; personIdNumber: string }[],
) {
  if (!declared.length) return null;
  const hit = await db.registration.findFirst({
    where: {
      planId,
      status: 'REGISTERED',
      candidate: { idNumber: { in: declared.map((d) => d.personIdNumber) } },
    },
    include: { candidate: true },
  });
  if (!hit) return null;
  const relation = declared.find((d) => d.personIdNumber === hit.candidate.idNumber)!.type;
  return { candidate: hit.candidate, relation };
}

export async function assignSessionStaff(ctx: Context, input: AssignSessionStaffInput) {
  const session = await ctx.prisma.assessmentSession.findUnique({
    where: { id: input.sessionId },
    include: { plan: true },
  });
  if (!session) throw notFound();
  const { plan } = session;
  const allowed =
    input.role === 'ASSESSOR'
      ? managesPlan(ctx.principal, plan)
      : principalCan(ctx.principal, [...BUREAU_HR, Role.SUPERVISOR], { regionCode: plan.regionCode });
  if (!allowed) throw forbidden();
  requireStatus(plan, ['OPEN', 'CLOSED'], '安排考务人员');
  const idNumber = unwrap(parseIdNumber(input.idNumber)).value;
  const declared = input.conflicts.map((c) => ({
    type: c.type,
    personIdNumber: unwrap(parseIdNumber(c.personIdNumber)).value,
  }));
  return ctx.prisma.$transaction(async (tx) => {
    const hit = await conflictOf(tx, plan.id, declared);
    if (hit)
      throw new DomainError('ASSESSOR_CONFLICT', {
        assessor: input.name,
        candidate: `${hit.candidate.name}（${maskIdNumber(hit.candidate.idNumber)}）`,
        relation: CONFLICT_RELATION_NAMES[hit.relation],
      });
    const data = {
      role: input.role,
      name: input.name,
      assessorId: input.assessorId ?? null,
      conflicts: toJson(conflicts, declared),
      assignedBy: ctx.principal.id,
    };
    const staff = await tx.sessionStaff.upsert({
      where: { sessionId_idNumber: { sessionId: session.id, idNumber } },
      create: { ...data, sessionId: session.id, idNumber },
      update: data,
    });
    await audit(tx, ctx, 'session.staff_assigned', staff.id, `${session.id} ${input.role}`);
    return staff;
  });
}
