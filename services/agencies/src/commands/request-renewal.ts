// 延续: a filed (or lapsed) agency asks for a new period with its current scope.
import { DomainError } from '@skills/domain';
import { z } from 'zod';
import type { Context } from '../context.js';
import { skillLevel } from '../domain/json-columns.js';
import { type CommandInput, id, requestKey } from './inputs.js';
import { ENDED_AGENCY_STATUSES } from '../domain/workflow.js';
import type { AgencyKind } from '../generated/prisma/enums.js';
import { collegesOwn, recordSubmission, refuseIfOpen, submitOnce, type Tx } from './support.js';

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
      await refuseIfSucceeded(ctx.prisma, agency);
      return agency.scope.map((s) => ({
        occupationCode: s.occupationCode,
        kind: s.kind,
        levels: s.levels.map((l) => skillLevel.parse(l)),
      }));
    },
    async (tx, scope) => {
      await refuseIfSucceeded(tx, agency);
      return recordSubmission(tx, ctx, {
        agencyId: agency.id,
        type: 'RENEWAL',
        scope,
        regionCode: agency.regionCode,
        requestKey: input.requestKey,
      });
    },
  );
}

/** A lapsed agency whose college has since filed a new one of its kind is not renewed: the new one is live. */
async function refuseIfSucceeded(
  db: Tx,
  agency: { id: string; institutionCode: string; kind: AgencyKind; status: string },
) {
  if (agency.status !== 'EXPIRED') return;
  const successor = await db.agency.count({
    where: {
      institutionCode: agency.institutionCode,
      kind: agency.kind,
      id: { not: agency.id },
      status: { notIn: [...ENDED_AGENCY_STATUSES] },
    },
  });
  if (successor) throw new DomainError('FILING_ALREADY_OPEN');
}
