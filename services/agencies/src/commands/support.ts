// What the commands share: the transaction client, the append-only history, the scope check against the
// catalogue, and submitting once per idempotency key.
import { DomainError, type AgencyKind, type SchoolType } from '@skills/domain';
import { lockKey, principalCan } from '@skills/service-kit';
import { COLLEGE_SIDE } from '../access-scope.js';
import type { Context } from '../context.js';
import { toJson, scopeValues } from '../domain/json-columns.js';
import { checkScope, type ScopeRequest, type ScopeValue } from '../domain/scope-rules.js';
import { OPEN_STATUSES } from '../domain/workflow.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { AgencyEventType, FilingKind } from '../generated/prisma/enums.js';

export type Tx = Prisma.TransactionClient;
export type Filing = Awaited<ReturnType<Tx['filing']['create']>>;

export const forbidden = () => new DomainError('FORBIDDEN');

/** The agency a college acts on: it exists, and it is the caller's college's own. */
export function collegesOwn<A extends { institutionCode: string }>(ctx: Context, agency: A | null): A {
  if (!agency) throw new DomainError('NOT_FOUND');
  if (!principalCan(ctx.principal, COLLEGE_SIDE, { orgCode: agency.institutionCode })) throw forbidden();
  return agency;
}

/** One step in the agency's append-only history: who (the caller), when, why. */
export async function recordEvent(
  tx: Tx,
  ctx: Pick<Context, 'principal'>,
  e: {
    agencyId: string;
    filingId?: string;
    type: AgencyEventType;
    from?: string | null;
    to?: string | null;
    reason?: string | null;
  },
) {
  await tx.agencyEvent.create({
    data: {
      agencyId: e.agencyId,
      filingId: e.filingId ?? null,
      type: e.type,
      fromStatus: e.from ?? null,
      toStatus: e.to ?? null,
      actorId: ctx.principal.id,
      actorRole: ctx.principal.grants.map((g) => g.role).join(',') || null,
      reason: e.reason ?? null,
    },
  });
}

/** Validates requested scope against the catalogue; throws the first refusal, listing every one in details. */
export async function validatedScope(
  ctx: Context,
  schoolType: SchoolType,
  kind: AgencyKind,
  scope: ScopeRequest[],
  expansion: boolean,
): Promise<ScopeValue[]> {
  const facts = await ctx.catalogue.lookup(scope.map((s) => s.occupationCode));
  const { values, errors } = checkScope({ schoolType, agencyKind: kind, expansion }, scope, (c) =>
    facts.get(c),
  );
  if (errors.length)
    throw new DomainError(errors[0]!.code, errors[0]!.params, {
      all: errors.map((e) => ({ code: e.code, message: e.message })),
    });
  return values;
}

/** The filing this college submitted under `requestKey`: a key means nothing outside the college that sent it. */
function findByKey(db: Tx, institutionCode: string, requestKey: string | null | undefined) {
  return requestKey
    ? db.filing.findFirst({ where: { requestKey, agency: { institutionCode } } })
    : Promise.resolve(null);
}

/**
 * Submits once per key. `prepare` checks and validates outside any transaction (the catalogue is asked over
 * HTTP); `submit` runs in a transaction that first takes the college's submission lock, so the college's
 * submissions are written one at a time: a replay that waited for the first call finds that call's filing, and
 * the one-open-filing rule cannot be raced. A replay refused by `prepare` because the first call has just
 * committed (its agency now has an open filing) looks the key up again and gets that filing: every caller with
 * one key gets the same answer.
 */
export async function submitOnce<T>(
  ctx: Context,
  institutionCode: string,
  requestKey: string | null | undefined,
  prepare: () => Promise<T>,
  submit: (tx: Tx, prepared: T) => Promise<Filing>,
): Promise<Filing> {
  const earlier = await findByKey(ctx.prisma, institutionCode, requestKey);
  if (earlier) return earlier;
  try {
    const prepared = await prepare();
    return await ctx.prisma.$transaction(async (tx) => {
      await lockKey(tx, `filing-submission:${institutionCode}`);
      return (await findByKey(tx, institutionCode, requestKey)) ?? (await submit(tx, prepared));
    });
  } catch (e) {
    const replayed = await findByKey(ctx.prisma, institutionCode, requestKey);
    if (replayed) return replayed;
    throw e;
  }
}

/** The one-open-filing rule (checked before and again inside the college's submission lock). */
export async function refuseIfOpen(db: Tx, agencyId: string) {
  if (await db.filing.count({ where: { agencyId, status: { in: [...OPEN_STATUSES] } } }))
    throw new DomainError('FILING_ALREADY_OPEN');
}

/** Records a submitted filing and its first event (inside submitOnce's transaction). */
export async function recordSubmission(
  tx: Tx,
  ctx: Context,
  f: {
    agencyId: string;
    type: FilingKind;
    scope: ScopeValue[];
    regionCode: string;
    requestKey?: string | null;
  },
) {
  await refuseIfOpen(tx, f.agencyId);
  const filing = await tx.filing.create({
    data: {
      agencyId: f.agencyId,
      type: f.type,
      status: 'SUBMITTED',
      requestedScope: toJson(scopeValues, f.scope),
      regionCode: f.regionCode,
      submittedBy: ctx.principal.id!,
      requestKey: f.requestKey ?? null,
    },
  });
  const SUBMITTED: Record<FilingKind, AgencyEventType> = {
    INITIAL: 'FILING_SUBMITTED',
    SCOPE_CHANGE: 'SCOPE_CHANGE_SUBMITTED',
    RENEWAL: 'RENEWAL_SUBMITTED',
  };
  await recordEvent(tx, ctx, {
    agencyId: f.agencyId,
    filingId: filing.id,
    type: SUBMITTED[f.type],
    to: 'SUBMITTED',
  });
  return filing;
}
