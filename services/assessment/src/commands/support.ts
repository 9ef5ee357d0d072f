// What the commands share: the transaction client, refusals, the audit log and the plan a command acts on.
import { DomainError } from '@skills/domain';
import type { Context } from '../context.js';
import { PLAN_STATUS_NAMES } from '../domain/names.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { PlanStatus } from '../generated/prisma/enums.js';

export type Tx = Prisma.TransactionClient;

export const forbidden = () => new DomainError('FORBIDDEN');
export const notFound = () => new DomainError('NOT_FOUND');

/** One row of the audit log: who (the caller), what, on which row, why. */
export function audit(
  db: Tx | Context['prisma'],
  ctx: Pick<Context, 'principal'>,
  action: string,
  subject: string,
  reason?: string | null,
) {
  return db.auditLog.create({
    data: { actorId: ctx.principal.id, action, subject, reason: reason?.slice(0, 500) ?? null },
  });
}

/** Refuses unless the plan is in one of these states. */
export function requireStatus(plan: { status: PlanStatus }, allowed: PlanStatus[], action: string) {
  if (!allowed.includes(plan.status))
    throw new DomainError('PLAN_WRONG_STATE', { status: PLAN_STATUS_NAMES[plan.status], action });
}

/** A unique-constraint violation (a concurrent duplicate), by Prisma's code. */
export const isUniqueViolation = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'P2002';
