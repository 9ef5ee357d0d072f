// 备案决定: the city HR bureau approves (准予备案), returns for correction (退回补正) or rejects (不予备案). An
// approval takes effect in the same transaction: a first filing gets its filing number and period, an 增设 adds
// its occupations and levels, a 延续 opens the next period (FilingPeriod).
import { addChinaYears, chinaYear, DomainError } from '@skills/domain';
import { nextNumber } from '@skills/service-kit';
import { z } from 'zod';
import type { Context } from '../context.js';
import { scopeValues } from '../domain/json-columns.js';
import { renewalPeriod } from '../domain/periods.js';
import { cityOf, filingNumber, filingNumberScope } from '../domain/workflow.js';
import { checkExpansionConditions } from './expansion-conditions.js';
import { type CommandInput, id, optionalText } from './inputs.js';
import { moveFiling, type FilingWithAgency } from './move-filing.js';
import { recordEvent, type Tx } from './support.js';

export const FilingDecision = { APPROVE: 'APPROVE', RETURN: 'RETURN', REJECT: 'REJECT' } as const;

export const decideFilingInput = z.object({
  filingId: id,
  decision: z.enum(FilingDecision),
  reason: optionalText(500, '决定理由'),
  studentServiceJudgement: optionalText(500, '在校生评价保障核实意见'),
});
export type DecideFilingInput = CommandInput<typeof decideFilingInput>;

export function decideFiling(ctx: Context, input: DecideFilingInput) {
  return moveFiling(ctx, {
    filingId: input.filingId,
    action: input.decision,
    reason: input.reason,
    data: (now) => ({
      decisionReason: input.reason ?? null,
      decidedAt: now,
      ...(input.studentServiceJudgement ? { studentServiceJudgement: input.studentServiceJudgement } : {}),
    }),
    check: async (filing) => {
      if (input.decision !== 'APPROVE') return;
      // an expansion is approved only if the agency still meets the conditions (the count is read again)
      if (filing.type === 'SCOPE_CHANGE') await checkExpansionConditions(ctx, filing.agencyId);
      if (filing.type === 'INITIAL' && filing.agency.kind === 'THIRD_PARTY_ORGANISATION')
        await checkStudentsServed(ctx, filing.agency.institutionCode, input.studentServiceJudgement);
    },
    ...(input.decision === 'APPROVE'
      ? { effects: (tx, filing, now) => takeEffect(tx, ctx, filing, now) }
      : {}),
  });
}

async function takeEffect(tx: Tx, ctx: Context, filing: FilingWithAgency, now: Date) {
  const agency = await tx.agency.findUniqueOrThrow({ where: { id: filing.agencyId } });
  const years = ctx.config.FILING_PERIOD_YEARS;
  const step = { agencyId: agency.id, filingId: filing.id };
  if (filing.type === 'RENEWAL') {
    // a renewal opens the next period: 「备案期内」 starts again with it
    const period = renewalPeriod(agency.validUntil, now, years);
    await tx.filingPeriod.create({
      data: { agencyId: agency.id, ...period, reason: 'RENEWAL', filingId: filing.id },
    });
    await tx.agency.update({
      where: { id: agency.id },
      data: { status: 'FILED', validUntil: period.validUntil },
    });
    await recordEvent(tx, ctx, { ...step, type: 'AGENCY_RENEWED', from: agency.status, to: 'FILED' });
    return;
  }
  // 增设 adds levels to an occupation already in scope: the approved levels are the union, never a replacement
  const have = new Map(
    (await tx.scopeItem.findMany({ where: { agencyId: agency.id } })).map((i) => [
      i.occupationCode,
      i.levels,
    ]),
  );
  for (const s of scopeValues.parse(filing.requestedScope)) {
    const levels = [...new Set([...(have.get(s.occupationCode) ?? []), ...s.levels])].sort((a, b) => b - a);
    await tx.scopeItem.upsert({
      where: { agencyId_occupationCode: { agencyId: agency.id, occupationCode: s.occupationCode } },
      create: { agencyId: agency.id, occupationCode: s.occupationCode, kind: s.kind, levels },
      update: { levels },
    });
  }
  if (filing.type === 'SCOPE_CHANGE') {
    await recordEvent(tx, ctx, { ...step, type: 'SCOPE_EXTENDED' });
    return;
  }
  const city = cityOf(filing.regionCode);
  const year = chinaYear(now); // the year in China: an approval on 1 January at 01:00 is numbered in the new year
  // unique and gapless under concurrent approvals: the counter row is locked until this transaction ends
  const sequence = await nextNumber(tx, filingNumberScope(city, year));
  const validUntil = addChinaYears(now, years); // through the eve of the same China day, years on
  await tx.agency.update({
    where: { id: agency.id },
    data: { status: 'FILED', filingNumber: filingNumber(city, year, sequence), validFrom: now, validUntil },
  });
  await tx.filingPeriod.create({
    data: { agencyId: agency.id, validFrom: now, validUntil, reason: 'INITIAL', filingId: filing.id },
  });
  await recordEvent(tx, ctx, { ...step, type: 'AGENCY_FILED', from: agency.status, to: 'FILED' });
}

/**
 * 第三方社会培训评价组织 (闽人社文〔2024〕53号 一(三)): 「支持具备条件的职业院校在确保满足本校在校生职业技能评价
 * 的前提下，备案成立第三方社会培训评价组织」. The college's own students are served when it has a filed 职业技能等级
 * 评价机构 (valid today); otherwise the city may still approve, recording its judgement that they are served.
 */
async function checkStudentsServed(
  ctx: Context,
  institutionCode: string,
  judgement: string | null | undefined,
) {
  const own = await ctx.prisma.agency.count({
    where: { institutionCode, kind: 'SKILL_LEVEL_AGENCY', status: 'FILED', validUntil: { gt: new Date() } },
  });
  if (!own && !judgement) throw new DomainError('THIRD_PARTY_NEEDS_STUDENT_SERVICE');
}
