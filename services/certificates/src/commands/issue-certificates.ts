// 颁发证书: certificates for a batch of final results, by the right issuer (谁评价、谁发证、谁负责 — the agency's
// college for 职业技能等级证书, the city HR bureau for 专项职业能力证书), for passed results of an agency that was
// filed for the occupation × level on the assessment date (results and filings asked through the graph).
// Idempotent: one certificate per result (FinalResult id unique), however often or concurrently this runs; the
// numbers come from counter rows in the same transaction, so they are gapless per issuer and year (ADR 0016).
import {
  certificateKindInfo,
  chinaYear,
  DomainError,
  errorMessage,
  formatCertificateNumber,
  issuerCode,
  type ErrorCode,
} from '@skills/domain';
import { isUniqueViolation, nextNumber, principalCan, type Principal } from '@skills/service-kit';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { certificateVisibility, COLLEGE_SIDE, SPECIAL_ISSUERS } from '../access-scope.js';
import type { Context } from '../context.js';
import { issuanceOf, issuerOf, type IssuerTarget } from '../domain/issuer-rules.js';
import type { AgencyFacts, ResultFacts } from '../facts-client.js';
import type { Certificate, Issuer } from '../generated/prisma/client.js';
import { type CommandInput, id, requestKey } from './inputs.js';
import { audit, TX_OPTIONS, type Tx } from './support.js';

export const issueCertificatesInput = z.object({
  resultIds: z.array(id).min(1, '请选择要颁发证书的评价结果').max(1000, '一次最多颁发 1000 张证书'),
  requestKey,
});
export type IssueCertificatesInput = CommandInput<typeof issueCertificatesInput>;

export interface Refusal {
  resultId: string;
  code: ErrorCode;
  message: string;
}

export interface IssuanceOutcome {
  /** issued by this call */
  issued: Certificate[];
  /** issued before (a repeated or concurrent call): the same certificates, not new ones */
  existing: Certificate[];
  refused: Refusal[];
}

/** May the caller act for this issuer? The agency's college; for 专项 the city's (or the province's) HR bureau. */
export const mayIssueFor = (p: Principal, issuer: IssuerTarget) =>
  issuer.kind === 'AGENCY'
    ? principalCan(p, COLLEGE_SIDE, { orgCode: issuer.institutionCode })
    : principalCan(p, SPECIAL_ISSUERS, { regionCode: issuer.regionCode });

/** A certificate being issued: the result, who issues it, with which code. */
interface Planned {
  result: ResultFacts;
  agency: AgencyFacts;
  kind: 'SKILL_LEVEL' | 'SPECIAL_ABILITY';
  issuer: Issuer;
}

const MAX_ATTEMPTS = 20;

export async function issueCertificates(
  ctx: Context,
  input: IssueCertificatesInput,
): Promise<IssuanceOutcome> {
  const ids = [...new Set(input.resultIds)];
  if (ids.length > ctx.config.ISSUANCE_BATCH_MAX)
    throw new DomainError(
      'VALIDATION_FAILED',
      {},
      { message: `一次最多颁发 ${ctx.config.ISSUANCE_BATCH_MAX} 张证书` },
    );
  const refused: Refusal[] = [];
  const refuse = (resultId: string, code: ErrorCode, params: Record<string, string> = {}) =>
    refused.push({ resultId, code, message: errorMessage(code, params) });
  const visible = certificateVisibility(ctx.principal);

  const before = await ctx.prisma.certificate.findMany({ where: { resultId: { in: ids } } });
  const existing = before.filter((c) => visible.allows(c));
  for (const c of before) if (!visible.allows(c)) refuse(c.resultId!, 'FORBIDDEN');
  const certified = new Set(before.map((c) => c.resultId));
  const wanted = ids.filter((r) => !certified.has(r));
  if (wanted.length === 0) return { issued: [], existing, refused };

  const results = await ctx.facts.results(wanted);
  const agencyIds = [...new Set([...results.values()].map((r) => r.agencyId))];
  const agencies = new Map(
    await Promise.all(agencyIds.map(async (a) => [a, await ctx.facts.agency(a)] as const)),
  );
  const accepted: {
    result: ResultFacts;
    agency: AgencyFacts;
    kind: Planned['kind'];
    issuer: IssuerTarget;
  }[] = [];
  for (const resultId of wanted) {
    const result = results.get(resultId);
    if (!result) {
      refuse(resultId, 'NOT_FOUND');
      continue;
    }
    const agency = agencies.get(result.agencyId) ?? null;
    // who may issue is decided first: a caller who may not learns nothing about the result
    if (!agency || !mayIssueFor(ctx.principal, issuerOf(result, agency).issuer)) {
      const kind = result.kind === 'SPECIAL_ABILITY' ? 'SPECIAL_ABILITY' : 'SKILL_LEVEL';
      const info = certificateKindInfo(kind);
      refuse(resultId, 'ISSUER_NOT_ALLOWED', { kind: info.name, issuer: info.issuerName });
      continue;
    }
    const decision = issuanceOf(result, agency);
    if (!decision.ok) {
      refused.push({ resultId, code: decision.error.code, message: decision.error.message });
      continue;
    }
    accepted.push({ result, agency, kind: decision.value.certificateKind, issuer: decision.value.issuer });
  }
  if (accepted.length === 0) return { issued: [], existing, refused };

  const issuers = new Map<string, Issuer>();
  for (const a of accepted)
    if (!issuers.has(a.issuer.id)) issuers.set(a.issuer.id, await ensureIssuer(ctx.prisma, a.issuer));
  // counters are taken in one order (issuer code, then result) so concurrent batches never deadlock
  const planned: Planned[] = accepted
    .map((a) => ({ ...a, issuer: issuers.get(a.issuer.id)! }))
    .sort((x, y) => x.issuer.code.localeCompare(y.issuer.code) || x.result.id.localeCompare(y.result.id));

  const issued: Certificate[] = [];
  for (let attempt = 1; ; attempt++) {
    const done = await ctx.prisma.certificate.findMany({
      where: { resultId: { in: planned.map((p) => p.result.id) } },
    });
    const doneIds = new Set(done.map((c) => c.resultId));
    const todo = planned.filter((p) => !doneIds.has(p.result.id));
    if (todo.length === 0) {
      // a concurrent call issued them first: they are this call's answer too
      existing.push(...done);
      break;
    }
    try {
      issued.push(
        ...(await ctx.prisma.$transaction((tx) => issueAll(tx, ctx, todo, input.requestKey), TX_OPTIONS)),
      );
      existing.push(...done);
      break;
    } catch (e) {
      // another call issued one of these results while this one waited for the counter: start again from
      // what is issued now (the rolled-back transaction took no number)
      if (!isUniqueViolation(e) || attempt >= MAX_ATTEMPTS) throw e;
    }
  }
  return { issued, existing, refused };
}

async function issueAll(tx: Tx, ctx: Context, todo: Planned[], key: string | null | undefined) {
  const now = new Date();
  const year = chinaYear(now);
  const actorId = ctx.principal.id ?? 'anonymous';
  const requestKey = key ?? randomUUID();
  const batch = await tx.issuanceBatch.upsert({
    where: { actorId_requestKey: { actorId, requestKey } },
    create: { actorId, requestKey, requested: todo.length },
    update: {},
  });
  const out: Certificate[] = [];
  for (const p of todo) {
    const sequence = await nextNumber(tx, `certificate:${p.issuer.code}:${year}`);
    const number = formatCertificateNumber({
      kind: p.kind,
      issuer: p.issuer.code,
      year,
      level: p.kind === 'SPECIAL_ABILITY' ? null : p.result.level,
      sequence,
    });
    const c = p.result.candidate;
    out.push(
      await tx.certificate.create({
        data: {
          number,
          kind: p.kind,
          holderName: c.name,
          idNumber: c.idNumber,
          candidateId: p.result.candidateId,
          holderAccountId: c.accountId,
          holderInstitutionCode: c.institutionCode,
          holderGraduationYear: c.graduationYear,
          occupationCode: p.result.occupationCode,
          level: p.kind === 'SPECIAL_ABILITY' ? null : p.result.level,
          issuerId: p.issuer.id,
          issuerName: p.issuer.name,
          agencyId: p.agency.id,
          agencyName: p.agency.name,
          institutionCode: p.agency.institutionCode,
          regionCode: p.agency.regionCode,
          resultId: p.result.id,
          planId: p.result.planId,
          theory: p.result.theory,
          practical: p.result.practical,
          assessedOn: p.result.assessmentDate,
          issuedAt: now,
          issuedBy: ctx.principal.id,
          batchId: batch.id,
          events: { create: { type: 'ISSUED', actorId: ctx.principal.id } },
        },
      }),
    );
  }
  await audit(tx, ctx, 'certificate.issued', batch.id, out.map((c) => c.number).join(','));
  return out;
}

/**
 * The issuer's row and code, registered at its first issuance: an agency gets the next serial of its region
 * (a counter; a concurrent registration of the same agency rolls back, taking no serial), a bureau serial 0000.
 */
export async function ensureIssuer(prisma: Context['prisma'], target: IssuerTarget): Promise<Issuer> {
  const known = await prisma.issuer.findUnique({ where: { id: target.id } });
  if (known) return known;
  try {
    return await prisma.$transaction(async (tx) => {
      const serial = target.kind === 'HR_BUREAU' ? 0 : await nextNumber(tx, `issuer:${target.regionCode}`);
      return tx.issuer.create({
        data: {
          id: target.id,
          kind: target.kind,
          code: issuerCode(target.regionCode, serial),
          name: target.name,
          regionCode: target.regionCode,
          agencyId: target.kind === 'AGENCY' ? target.agencyId : null,
          institutionCode: target.kind === 'AGENCY' ? target.institutionCode : null,
        },
      });
    }, TX_OPTIONS);
  } catch (e) {
    if (isUniqueViolation(e)) return prisma.issuer.findUniqueOrThrow({ where: { id: target.id } });
    throw e;
  }
}
