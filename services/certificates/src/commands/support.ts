// What the commands share: the transaction client, refusals and the audit log.
import { DomainError } from '@skills/domain';
import type { Context } from '../context.js';
import type { Prisma } from '../generated/prisma/client.js';

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

/** Long transactions queue on counter rows under concurrent issuance: wait for them instead of failing. */
export const TX_OPTIONS = { maxWait: 60_000, timeout: 60_000 } as const;
