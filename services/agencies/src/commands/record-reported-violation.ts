// 违规移送: a violation found where another service owns the facts — a quality supervisor or bureau inspecting an
// assessment (the assessment subgraph's Inspection: another operator running it, 转包、外包, or an irregularity).
// Only the assessment service may report one, with its own signed claims, after it checked the inspector's role
// and region against the plan; agencies owns violations, so it records it here once per source however often the
// report is delivered (assessment retries from its outbox until it has this answer).
import { DomainError, endOfChinaDay } from '@skills/domain';
import { z } from 'zod';
import type { Context } from '../context.js';
import { ViolationSeverity, ViolationType } from '../generated/prisma/enums.js';
import { type CommandInput, id } from './inputs.js';
import { forbidden, recordEvent } from './support.js';

/** the services whose findings become violations here (the field's access rule says the same) */
const REPORTERS = ['assessment'];

export const recordReportedViolationInput = z.object({
  agencyId: id,
  type: z.enum(ViolationType),
  severity: z.enum(ViolationSeverity),
  description: z.string().trim().min(1, '请填写违规情况').max(2000, '违规情况不能超过 2000 个字'),
  deadline: z.date().transform(endOfChinaDay),
  /** the reporting service's row, e.g. "inspection:<uuid>" */
  source: z.string().trim().min(1).max(120),
  /** who found it (the inspector's account id), for the record */
  foundBy: z.string().trim().min(1).max(100),
});
export type RecordReportedViolationInput = CommandInput<typeof recordReportedViolationInput>;

export async function recordReportedViolation(ctx: Context, input: RecordReportedViolationInput) {
  const reporter = ctx.principal.kind === 'service' ? ctx.principal.id : null;
  if (!reporter || !REPORTERS.includes(reporter)) throw forbidden();
  const sourceRef = `${reporter}:${input.source}`;
  const earlier = () => ctx.prisma.violation.findUnique({ where: { sourceRef } });
  const found = await earlier();
  if (found) return found;
  const agency = await ctx.prisma.agency.findUnique({ where: { id: input.agencyId } });
  if (!agency) throw new DomainError('NOT_FOUND');
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const v = await tx.violation.create({
        data: {
          agencyId: agency.id,
          type: input.type,
          severity: input.severity,
          description: input.description,
          deadline: input.deadline,
          foundBy: input.foundBy,
          sourceRef,
        },
      });
      await recordEvent(tx, ctx, {
        agencyId: agency.id,
        type: 'VIOLATION_RECORDED',
        reason: `${input.type}: ${input.description}（${sourceRef}）`,
      });
      return v;
    });
  } catch (e) {
    // the same report delivered twice at once: the other delivery recorded it
    const replayed = await earlier();
    if (replayed) return replayed;
    throw e;
  }
}
