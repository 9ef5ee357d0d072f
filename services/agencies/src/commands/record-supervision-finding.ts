// 监管发现: an HR or education bureau of the agency's region records what it found in supervising the agency
// (闽人社文〔2024〕53号 三(三):「各级人社、教育部门依照职能做好…监督管理工作」). Append-only; once per key.
import { DomainError } from '@skills/domain';
import { principalCan } from '@skills/service-kit';
import { z } from 'zod';
import { BUREAUS } from '../access-scope.js';
import type { Context } from '../context.js';
import { type CommandInput, id, requestKey } from './inputs.js';
import { forbidden, recordEvent } from './support.js';

export const recordSupervisionFindingInput = z.object({
  agencyId: id,
  finding: z
    .string()
    .trim()
    .min(5, '请填写监管发现（不少于 5 个字）')
    .max(2000, '监管发现不能超过 2000 个字'),
  requestKey,
});
export type RecordSupervisionFindingInput = CommandInput<typeof recordSupervisionFindingInput>;

export async function recordSupervisionFinding(ctx: Context, input: RecordSupervisionFindingInput) {
  const agency = await ctx.prisma.agency.findUnique({ where: { id: input.agencyId } });
  if (!agency) throw new DomainError('NOT_FOUND');
  const role = BUREAUS.find((r) => principalCan(ctx.principal, [r], { regionCode: agency.regionCode }));
  if (!role) throw forbidden();
  const key = input.requestKey ?? null;
  const earlier = () =>
    key
      ? ctx.prisma.supervisionFinding.findUnique({
          where: { agencyId_requestKey: { agencyId: agency.id, requestKey: key } },
        })
      : Promise.resolve(null);
  const found = await earlier();
  if (found) return found;
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const finding = await tx.supervisionFinding.create({
        data: {
          agencyId: agency.id,
          finding: input.finding,
          recordedBy: ctx.principal.id!,
          recordedAs: role,
          requestKey: key,
        },
      });
      await recordEvent(tx, ctx, { agencyId: agency.id, type: 'FINDING_RECORDED', reason: input.finding });
      return finding;
    });
  } catch (e) {
    const replayed = await earlier();
    if (replayed) return replayed;
    throw e;
  }
}
