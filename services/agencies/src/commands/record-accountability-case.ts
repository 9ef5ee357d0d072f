// 问题查处与责任追究台账: the college (or a bureau of the agency's region) records a problem found in the agency's
// work, who was held responsible and the measures taken (闽人社文〔2024〕53号 三(二):「建立问题查处和责任追究
// 制度」). Append-only; the same request key records once.
import { DomainError, endOfChinaDay } from '@skills/domain';
import { principalCan } from '@skills/service-kit';
import { z } from 'zod';
import { BUREAU_HR, COLLEGE_SIDE } from '../access-scope.js';
import type { Context } from '../context.js';
import { type CommandInput, id, requestKey } from './inputs.js';
import { forbidden, recordEvent } from './support.js';

const text = (max: number, what: string) =>
  z.string().trim().min(1, `请填写${what}`).max(max, `${what}不能超过 ${max} 个字`);

export const recordAccountabilityCaseInput = z.object({
  agencyId: id,
  problem: text(1000, '发现的问题'),
  responsibility: text(500, '责任认定'),
  measures: text(1000, '处理和整改措施'),
  occurredOn: z.date().transform(endOfChinaDay),
  requestKey,
});
export type RecordAccountabilityCaseInput = CommandInput<typeof recordAccountabilityCaseInput>;

export async function recordAccountabilityCase(ctx: Context, input: RecordAccountabilityCaseInput) {
  const agency = await ctx.prisma.agency.findUnique({ where: { id: input.agencyId } });
  if (!agency) throw new DomainError('NOT_FOUND');
  const own = principalCan(ctx.principal, COLLEGE_SIDE, { orgCode: agency.institutionCode });
  if (!own && !principalCan(ctx.principal, BUREAU_HR, { regionCode: agency.regionCode })) throw forbidden();
  if (input.occurredOn.getTime() > endOfChinaDay(new Date()).getTime())
    throw new DomainError('BAD_USER_INPUT');
  const key = input.requestKey ?? null;
  const earlier = () =>
    key
      ? ctx.prisma.accountabilityCase.findUnique({
          where: { agencyId_requestKey: { agencyId: agency.id, requestKey: key } },
        })
      : Promise.resolve(null);
  const found = await earlier();
  if (found) return found;
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const recorded = await tx.accountabilityCase.create({
        data: {
          agencyId: agency.id,
          problem: input.problem,
          responsibility: input.responsibility,
          measures: input.measures,
          occurredOn: input.occurredOn,
          recordedBy: ctx.principal.id!,
          requestKey: key,
        },
      });
      await recordEvent(tx, ctx, { agencyId: agency.id, type: 'CASE_RECORDED', reason: input.problem });
      return recorded;
    });
  } catch (e) {
    // a concurrent call with the same key won the unique index: answer with its case
    const replayed = await earlier();
    if (replayed) return replayed;
    throw e;
  }
}
