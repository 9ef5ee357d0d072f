// One step of a filing through the workflow (domain/workflow.ts): who may take it, the reason it needs, and the
// optimistic write that lets only the first of two concurrent steps win. The step commands (county opinion,
// decision, resubmission, withdrawal) call it with what their step adds.
import { DomainError, Role } from '@skills/domain';
import { principalCan } from '@skills/service-kit';
import type { Context } from '../context.js';
import { scopeValues, toJson } from '../domain/json-columns.js';
import type { ScopeValue } from '../domain/scope-rules.js';
import { needsCounty, nextStatus, type FilingAction } from '../domain/workflow.js';
import type { Prisma } from '../generated/prisma/client.js';
import { forbidden, recordEvent, type Filing, type Tx } from './support.js';

const ACTION_ROLES: Record<FilingAction, readonly Role[]> = {
  COUNTY_OPINION: [Role.COUNTY_HR],
  APPROVE: [Role.CITY_HR],
  RETURN: [Role.CITY_HR],
  REJECT: [Role.CITY_HR],
  RESUBMIT: [Role.COLLEGE_ADMIN],
  WITHDRAW: [Role.COLLEGE_ADMIN],
};

/** Steps that may be taken without a reason. */
const REASON_OPTIONAL: readonly FilingAction[] = ['APPROVE', 'RESUBMIT'];

export type FilingWithAgency = Prisma.FilingGetPayload<{ include: { agency: true } }>;

export interface FilingStep {
  filingId: string;
  action: FilingAction;
  reason?: string | null;
  /** fields the step sets on the filing besides its status, at the step's time */
  data?: (now: Date) => Prisma.FilingUpdateManyMutationInput;
  /** checks that need the filing (e.g. a corrected scope), before anything is written */
  check?: (filing: FilingWithAgency) => Promise<{ scope?: ScopeValue[] } | void>;
  /** what the step changes besides the filing, in the same transaction (e.g. the agency on approval) */
  effects?: (tx: Tx, filing: FilingWithAgency, now: Date) => Promise<void>;
}

export async function moveFiling(ctx: Context, step: FilingStep): Promise<Filing> {
  const filing = await ctx.prisma.filing.findUnique({
    where: { id: step.filingId },
    include: { agency: true },
  });
  if (!filing) throw new DomainError('NOT_FOUND');
  const target = { regionCode: filing.regionCode, orgCode: filing.agency.institutionCode };
  if (!principalCan(ctx.principal, ACTION_ROLES[step.action], target)) throw forbidden();
  if (!step.reason && !REASON_OPTIONAL.includes(step.action)) throw new DomainError('REASON_REQUIRED');
  const from = filing.status;
  const to = nextStatus(from, step.action, needsCounty(filing.regionCode));
  const checked = (await step.check?.(filing)) ?? {};
  const now = new Date();
  return ctx.prisma.$transaction(async (tx) => {
    // Optimistic: only the first of two concurrent steps finds the filing still in `from`.
    const moved = await tx.filing.updateMany({
      where: { id: filing.id, status: from },
      data: {
        status: to,
        ...step.data?.(now),
        ...(checked.scope ? { requestedScope: toJson(scopeValues, checked.scope) } : {}),
      },
    });
    if (moved.count !== 1) throw new DomainError('CONFLICT');
    await recordEvent(tx, ctx, {
      agencyId: filing.agencyId,
      filingId: filing.id,
      type: `FILING_${step.action}`,
      from,
      to,
      reason: step.reason ?? null,
    });
    await step.effects?.(tx, filing, now);
    return tx.filing.findUniqueOrThrow({ where: { id: filing.id } });
  });
}
