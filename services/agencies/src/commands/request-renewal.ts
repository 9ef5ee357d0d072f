// 延续: a filed (or lapsed) agency asks for a new period with its current scope.
import { DomainError } from '@skills/domain';
import { z } from 'zod';
import type { Context } from '../context.js';
import { skillLevel } from '../domain/json-columns.js';
import { type CommandInput, id, requestKey } from './inputs.js';
import { collegesOwn, recordSubmission, refuseIfOpen, submitOnce } from './support.js';

export const requestRenewalInput = z.object({ agencyId: id, requestKey });
export type RequestRenewalInput = CommandInput<typeof requestRenewalInput>;

const RENEWABLE = ['FILED', 'EXPIRED'];

export async function requestRenewal(ctx: Context, input: RequestRenewalInput) {
  const agency = collegesOwn(
    ctx,
    await ctx.prisma.agency.findUnique({ where: { id: input.agencyId }, include: { scope: true } }),
  );
  return submitOnce(
    ctx,
    agency.institutionCode,
    input.requestKey,
    async () => {
      if (!RENEWABLE.includes(agency.status)) throw new DomainError('AGENCY_NOT_FILED');
      await refuseIfOpen(ctx.prisma, agency.id);
      return agency.scope.map((s) => ({
        occupationCode: s.occupationCode,
        kind: s.kind,
        levels: s.levels.map((l) => skillLevel.parse(l)),
      }));
    },
    (tx, scope) =>
      recordSubmission(tx, ctx, {
        agencyId: agency.id,
        type: 'RENEWAL',
        scope,
        regionCode: agency.regionCode,
        requestKey: input.requestKey,
      }),
  );
}
