// Filing commands (备案办理). Each checks who may act on this row, validates against the domain rules, and
// writes in one transaction with an event in the append-only history. Submissions are idempotent by requestKey.
import { ancestorsOf, DomainError, findRegion, Role, type AgencyKind, type SchoolType } from '@skills/domain';
import { lockKey, nextNumber, principalCan } from '@skills/service-kit';
import { BUREAU_HR, COLLEGE_SIDE } from './access-scope.js';
import type { Context } from './context.js';
import { checkExpansion, checkScope, type ScopeRequest, type ScopeValue } from './domain/scope-rules.js';
import {
  filingNumber,
  filingNumberScope,
  nextStatus,
  OPEN_STATUSES,
  type FilingAction,
  type FilingStatus,
} from './domain/workflow.js';
import type { Prisma } from './generated/prisma/client.js';

type Tx = Prisma.TransactionClient;

export const forbidden = () => new DomainError('FORBIDDEN');

/** The city a region belongs to (the deciding bureau), or the region itself when it is a city. */
export function cityOf(regionCode: string): string {
  const region = findRegion(regionCode);
  if (region?.kind === 'CITY') return region.code;
  return ancestorsOf(regionCode).find((r) => r.kind === 'CITY')?.code ?? regionCode;
}

/** A college directly under a city has no county bureau in between. */
export const needsCounty = (regionCode: string) =>
  ['COUNTY', 'FUNCTIONAL_ZONE'].includes(findRegion(regionCode)?.kind ?? '');

async function event(
  tx: Tx,
  ctx: Context,
  e: {
    agencyId: string;
    filingId?: string;
    type: string;
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
async function validatedScope(
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

type Filing = Awaited<ReturnType<Tx['filing']['create']>>;

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
async function submitOnce<T>(
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

/** The one-open-filing rule, checked again inside the college's submission lock. */
async function refuseIfOpen(tx: Tx, agencyId: string) {
  if (await tx.filing.count({ where: { agencyId, status: { in: [...OPEN_STATUSES] } } }))
    throw new DomainError('FILING_ALREADY_OPEN');
}

export interface ApplyInput {
  institutionCode: string;
  kind: AgencyKind;
  name?: string | null;
  scope: ScopeRequest[];
  requestKey?: string | null;
}

/** 申请备案: a college files a new agency. */
export async function applyForFiling(ctx: Context, input: ApplyInput) {
  if (!principalCan(ctx.principal, [Role.COLLEGE_ADMIN], { orgCode: input.institutionCode }))
    throw forbidden();
  const agencyOf = (db: Tx) =>
    db.agency.findUnique({
      where: { institutionCode_kind: { institutionCode: input.institutionCode, kind: input.kind } },
    });
  const refuseIfFiled = async (db: Tx) => {
    const agency = await agencyOf(db);
    if (agency && agency.status !== 'APPLYING') throw new DomainError('FILING_ALREADY_OPEN');
    if (agency) await refuseIfOpen(db, agency.id);
    return agency;
  };
  return submitOnce(
    ctx,
    input.institutionCode,
    input.requestKey,
    async () => {
      const institution = await ctx.prisma.institution.findUnique({
        where: { creditCode: input.institutionCode },
      });
      if (!institution) throw new DomainError('NOT_FOUND');
      await refuseIfFiled(ctx.prisma);
      const scope = await validatedScope(
        ctx,
        institution.schoolType as SchoolType,
        input.kind,
        input.scope,
        false,
      );
      return { institution, scope };
    },
    async (tx, { institution, scope }) => {
      const a =
        (await refuseIfFiled(tx)) ??
        (await tx.agency.create({
          data: {
            institutionCode: institution.creditCode,
            kind: input.kind,
            name:
              input.name?.trim() ||
              `${institution.name}${input.kind === 'APPRAISAL_AGENCY' ? '职业技能考核鉴定所' : '职业技能等级评价中心'}`,
            regionCode: institution.regionCode,
          },
        }));
      const filing = await tx.filing.create({
        data: {
          agencyId: a.id,
          type: 'INITIAL',
          status: 'SUBMITTED',
          requestedScope: scope as unknown as Prisma.InputJsonValue,
          regionCode: institution.regionCode,
          submittedBy: ctx.principal.id!,
          requestKey: input.requestKey ?? null,
        },
      });
      await event(tx, ctx, {
        agencyId: a.id,
        filingId: filing.id,
        type: 'FILING_SUBMITTED',
        to: 'SUBMITTED',
      });
      return filing;
    },
  );
}

/** Records a scope change or renewal and its first event (inside submitOnce's transaction). */
async function recordSubmission(
  tx: Tx,
  ctx: Context,
  f: {
    agencyId: string;
    type: 'SCOPE_CHANGE' | 'RENEWAL';
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
      requestedScope: f.scope as unknown as Prisma.InputJsonValue,
      regionCode: f.regionCode,
      submittedBy: ctx.principal.id!,
      requestKey: f.requestKey ?? null,
    },
  });
  await event(tx, ctx, {
    agencyId: f.agencyId,
    filingId: filing.id,
    type: `${f.type}_SUBMITTED`,
    to: 'SUBMITTED',
  });
  return filing;
}

/** 增设: a filed agency asks to add occupations or levels (A.4 conditions first). */
export async function requestScopeChange(
  ctx: Context,
  agencyId: string,
  scope: ScopeRequest[],
  requestKey?: string | null,
) {
  const agency = await ctx.prisma.agency.findUnique({
    where: { id: agencyId },
    include: { institution: true, violations: true },
  });
  if (!agency) throw new DomainError('NOT_FOUND');
  if (!principalCan(ctx.principal, COLLEGE_SIDE, { orgCode: agency.institutionCode })) throw forbidden();
  return submitOnce(
    ctx,
    agency.institutionCode,
    requestKey,
    async () => {
      const blocked = checkExpansion({
        agencyStatus: agency.status,
        periodStart: agency.validFrom ?? agency.createdAt,
        violations: agency.violations,
        volume: null, // the assessment subgraph will report this (seam: see config EXPANSION_MIN_EVALUATIONS)
        minVolume: ctx.config.EXPANSION_MIN_EVALUATIONS,
      });
      if (blocked) throw blocked;
      await refuseIfOpen(ctx.prisma, agencyId);
      return validatedScope(
        ctx,
        agency.institution.schoolType as SchoolType,
        agency.kind as AgencyKind,
        scope,
        true,
      );
    },
    (tx, values) =>
      recordSubmission(tx, ctx, {
        agencyId,
        type: 'SCOPE_CHANGE',
        scope: values,
        regionCode: agency.regionCode,
        requestKey,
      }),
  );
}

const ACTION_ROLES: Record<FilingAction, readonly Role[]> = {
  COUNTY_OPINION: [Role.COUNTY_HR],
  APPROVE: [Role.CITY_HR],
  RETURN: [Role.CITY_HR],
  REJECT: [Role.CITY_HR],
  RESUBMIT: [Role.COLLEGE_ADMIN],
  WITHDRAW: [Role.COLLEGE_ADMIN],
};

export interface ActInput {
  filingId: string;
  action: FilingAction;
  reason?: string | null;
  /** county opinion: does the county agree to filing */
  agree?: boolean | null;
  /** resubmission: the corrected scope, checked by the same rules as the original request */
  scope?: ScopeRequest[] | undefined;
}

/** Moves a filing one step: county opinion, city decision, resubmission or withdrawal. */
export async function actOnFiling(ctx: Context, input: ActInput) {
  const filing = await ctx.prisma.filing.findUnique({
    where: { id: input.filingId },
    include: { agency: true },
  });
  if (!filing) throw new DomainError('NOT_FOUND');
  const roles = ACTION_ROLES[input.action];
  const target = { regionCode: filing.regionCode, orgCode: filing.agency.institutionCode };
  if (!principalCan(ctx.principal, roles, target)) throw forbidden();
  const reason = input.reason?.trim() || null;
  if (!reason && input.action !== 'APPROVE' && input.action !== 'RESUBMIT')
    throw new DomainError('REASON_REQUIRED');
  const from = filing.status as FilingStatus;
  const to = nextStatus(from, input.action, needsCounty(filing.regionCode));
  let corrected: ScopeValue[] | null = null;
  if (input.scope) {
    // only a resubmission of a filing that asked for scope may change it
    if (input.action !== 'RESUBMIT' || filing.type === 'RENEWAL')
      throw new DomainError('SCOPE_NOT_CHANGEABLE');
    const institution = await ctx.prisma.institution.findUniqueOrThrow({
      where: { creditCode: filing.agency.institutionCode },
    });
    corrected = await validatedScope(
      ctx,
      institution.schoolType as SchoolType,
      filing.agency.kind as AgencyKind,
      input.scope,
      filing.type === 'SCOPE_CHANGE',
    );
  }
  const now = new Date();
  return ctx.prisma.$transaction(async (tx) => {
    // Optimistic: only the first of two concurrent decisions wins.
    const moved = await tx.filing.updateMany({
      where: { id: filing.id, status: from },
      data: {
        status: to,
        ...(input.action === 'COUNTY_OPINION'
          ? { countyOpinion: reason, countyAgrees: input.agree ?? true }
          : {}),
        ...(['APPROVE', 'RETURN', 'REJECT'].includes(input.action)
          ? { decisionReason: reason, decidedAt: now }
          : {}),
        ...(corrected ? { requestedScope: corrected as unknown as Prisma.InputJsonValue } : {}),
      },
    });
    if (moved.count !== 1) throw new DomainError('CONFLICT');
    await event(tx, ctx, {
      agencyId: filing.agencyId,
      filingId: filing.id,
      type: `FILING_${input.action}`,
      from,
      to,
      reason,
    });
    if (to === 'APPROVED') await applyApproval(tx, ctx, filing, now);
    return tx.filing.findUniqueOrThrow({ where: { id: filing.id } });
  });
}

async function applyApproval(
  tx: Tx,
  ctx: Context,
  filing: { id: string; type: string; agencyId: string; requestedScope: unknown; regionCode: string },
  now: Date,
) {
  const agency = await tx.agency.findUniqueOrThrow({ where: { id: filing.agencyId } });
  const scope = filing.requestedScope as ScopeValue[];
  const years = ctx.config.FILING_PERIOD_YEARS;
  const until = (from: Date) =>
    new Date(Date.UTC(from.getUTCFullYear() + years, from.getUTCMonth(), from.getUTCDate()));
  if (filing.type === 'RENEWAL') {
    const validUntil = until(agency.validUntil && agency.validUntil > now ? agency.validUntil : now);
    await tx.agency.update({ where: { id: agency.id }, data: { status: 'FILED', validUntil } });
    await event(tx, ctx, {
      agencyId: agency.id,
      filingId: filing.id,
      type: 'AGENCY_RENEWED',
      from: agency.status,
      to: 'FILED',
    });
    return;
  }
  // 增设 adds levels to an occupation already in scope: the approved levels are the union, never a replacement
  const have = new Map(
    (await tx.scopeItem.findMany({ where: { agencyId: agency.id } })).map((i) => [
      i.occupationCode,
      i.levels,
    ]),
  );
  for (const s of scope) {
    const levels = [...new Set([...(have.get(s.occupationCode) ?? []), ...s.levels])].sort((a, b) => b - a);
    await tx.scopeItem.upsert({
      where: { agencyId_occupationCode: { agencyId: agency.id, occupationCode: s.occupationCode } },
      create: { agencyId: agency.id, occupationCode: s.occupationCode, kind: s.kind, levels },
      update: { levels },
    });
  }
  if (filing.type === 'INITIAL') {
    const city = cityOf(filing.regionCode);
    const year = now.getUTCFullYear();
    // unique and gapless under concurrent approvals: the counter row is locked until this transaction ends
    const sequence = await nextNumber(tx, filingNumberScope(city, year));
    await tx.agency.update({
      where: { id: agency.id },
      data: {
        status: 'FILED',
        filingNumber: filingNumber(city, year, sequence),
        validFrom: now,
        validUntil: until(now),
      },
    });
    await event(tx, ctx, {
      agencyId: agency.id,
      filingId: filing.id,
      type: 'AGENCY_FILED',
      from: agency.status,
      to: 'FILED',
    });
  } else {
    await event(tx, ctx, { agencyId: agency.id, filingId: filing.id, type: 'SCOPE_EXTENDED' });
  }
}

/** 暂停 / 注销 / 恢复 by the city bureau, with a reason. */
export async function changeAgencyStatus(
  ctx: Context,
  agencyId: string,
  to: 'SUSPENDED' | 'CANCELLED' | 'FILED',
  reason: string,
) {
  const agency = await ctx.prisma.agency.findUnique({ where: { id: agencyId } });
  if (!agency) throw new DomainError('NOT_FOUND');
  if (!principalCan(ctx.principal, [Role.CITY_HR, Role.PROVINCE_HR], { regionCode: agency.regionCode }))
    throw forbidden();
  if (!reason.trim()) throw new DomainError('REASON_REQUIRED');
  const allowed: Record<string, string[]> = {
    SUSPENDED: ['FILED'],
    CANCELLED: ['FILED', 'SUSPENDED'],
    FILED: ['SUSPENDED'],
  };
  if (!allowed[to]!.includes(agency.status)) {
    throw new DomainError('FILING_WRONG_STATE', {
      status: agency.status,
      action: to === 'FILED' ? '恢复' : to === 'SUSPENDED' ? '暂停' : '注销',
    });
  }
  return ctx.prisma.$transaction(async (tx) => {
    const moved = await tx.agency.updateMany({
      where: { id: agencyId, status: agency.status },
      data: { status: to },
    });
    if (moved.count !== 1) throw new DomainError('CONFLICT');
    await event(tx, ctx, {
      agencyId,
      type: to === 'FILED' ? 'AGENCY_RESTORED' : `AGENCY_${to}`,
      from: agency.status,
      to,
      reason: reason.trim(),
    });
    return tx.agency.findUniqueOrThrow({ where: { id: agencyId } });
  });
}

export const VIOLATION_TYPES = [
  'OUTSOURCING',
  'RECORDS',
  'ASSESSMENT_IRREGULARITY',
  'CERTIFICATE_IRREGULARITY',
  'OTHER',
] as const;

/** 违规: found in an inspection by a bureau or quality supervisor of the region. */
export async function recordViolation(
  ctx: Context,
  input: {
    agencyId: string;
    type: string;
    severity: string;
    description: string;
    deadline: Date;
    consequence?: string | null;
  },
) {
  const agency = await ctx.prisma.agency.findUnique({ where: { id: input.agencyId } });
  if (!agency) throw new DomainError('NOT_FOUND');
  if (!principalCan(ctx.principal, [...BUREAU_HR, Role.SUPERVISOR], { regionCode: agency.regionCode }))
    throw forbidden();
  if (!input.description.trim()) throw new DomainError('REASON_REQUIRED');
  return ctx.prisma.$transaction(async (tx) => {
    const v = await tx.violation.create({
      data: {
        agencyId: agency.id,
        type: input.type,
        severity: input.severity,
        description: input.description.trim(),
        deadline: input.deadline,
        foundBy: ctx.principal.id!,
        consequence: input.consequence ?? 'NONE',
      },
    });
    await event(tx, ctx, {
      agencyId: agency.id,
      type: 'VIOLATION_RECORDED',
      reason: `${input.type}: ${input.description.trim()}`,
    });
    return v;
  });
}

export async function closeViolation(ctx: Context, violationId: string, note: string) {
  const v = await ctx.prisma.violation.findUnique({ where: { id: violationId }, include: { agency: true } });
  if (!v) throw new DomainError('NOT_FOUND');
  if (!principalCan(ctx.principal, BUREAU_HR, { regionCode: v.agency.regionCode })) throw forbidden();
  if (!note.trim()) throw new DomainError('REASON_REQUIRED');
  if (v.closedAt) return v;
  return ctx.prisma.$transaction(async (tx) => {
    const closed = await tx.violation.update({
      where: { id: v.id },
      data: { closedAt: new Date(), closedBy: ctx.principal.id, closingNote: note.trim() },
    });
    await event(tx, ctx, { agencyId: v.agencyId, type: 'VIOLATION_CLOSED', reason: note.trim() });
    return closed;
  });
}

/** 延续: a filed (or lapsed) agency asks for a new period with its current scope. */
export async function requestRenewal(ctx: Context, agencyId: string, requestKey?: string | null) {
  const agency = await ctx.prisma.agency.findUnique({ where: { id: agencyId }, include: { scope: true } });
  if (!agency) throw new DomainError('NOT_FOUND');
  if (!principalCan(ctx.principal, COLLEGE_SIDE, { orgCode: agency.institutionCode })) throw forbidden();
  return submitOnce(
    ctx,
    agency.institutionCode,
    requestKey,
    async () => {
      if (!['FILED', 'EXPIRED'].includes(agency.status)) throw new DomainError('AGENCY_NOT_FILED');
      await refuseIfOpen(ctx.prisma, agencyId);
      return agency.scope.map((s) => ({
        occupationCode: s.occupationCode,
        kind: s.kind as ScopeValue['kind'],
        levels: s.levels as ScopeValue['levels'],
      }));
    },
    (tx, scope) =>
      recordSubmission(tx, ctx, {
        agencyId,
        type: 'RENEWAL',
        scope,
        regionCode: agency.regionCode,
        requestKey,
      }),
  );
}

/** 到期: filings past their period become EXPIRED (run at start and hourly); each gets a history event. */
export async function expireLapsedFilings(prisma: Context['prisma'], now = new Date()): Promise<number> {
  const lapsed = await prisma.agency.findMany({
    where: { status: 'FILED', validUntil: { lt: now } },
    select: { id: true },
  });
  for (const a of lapsed) {
    await prisma.$transaction(async (tx) => {
      const moved = await tx.agency.updateMany({
        where: { id: a.id, status: 'FILED' },
        data: { status: 'EXPIRED' },
      });
      if (moved.count) {
        await tx.agencyEvent.create({
          data: {
            agencyId: a.id,
            type: 'AGENCY_EXPIRED',
            fromStatus: 'FILED',
            toStatus: 'EXPIRED',
            actorId: 'system',
            reason: '备案有效期届满',
          },
        });
      }
    });
  }
  return lapsed.length;
}
