// 申请备案: a college files a new agency with the city bureau of its locality (属地管理).
import { DomainError, Role } from '@skills/domain';
import { principalCan } from '@skills/service-kit';
import { z } from 'zod';
import type { Context } from '../context.js';
import { ENDED_AGENCY_STATUSES } from '../domain/workflow.js';
import { AgencyKind } from '../generated/prisma/enums.js';
import {
  collegeDuties,
  type CommandInput,
  creditCode,
  optionalText,
  requestKey,
  scopeRequest,
} from './inputs.js';
import { forbidden, recordSubmission, refuseIfOpen, submitOnce, validatedScope, type Tx } from './support.js';

export const applyForFilingInput = z.object({
  institutionCode: creditCode,
  kind: z.enum(AgencyKind),
  name: optionalText(60, '机构名称'),
  scope: scopeRequest,
  duties: collegeDuties,
  requestKey,
});
export type ApplyForFilingInput = CommandInput<typeof applyForFilingInput>;

export async function applyForFiling(ctx: Context, input: ApplyForFilingInput) {
  if (!principalCan(ctx.principal, [Role.COLLEGE_ADMIN], { orgCode: input.institutionCode }))
    throw forbidden();
  /**
   * A college has one live agency per kind. While it is 申请中 a new filing reuses it (after a refusal or a
   * withdrawal), unless a filing of it is still open; a filed or suspended agency refuses; a cancelled (注销) or
   * lapsed (到期) one stays in the register as it was, and the new filing starts a new agency.
   */
  const applyingAgency = async (db: Tx) => {
    const live = await db.agency.findFirst({
      where: {
        institutionCode: input.institutionCode,
        kind: input.kind,
        status: { notIn: [...ENDED_AGENCY_STATUSES] },
      },
    });
    if (live && live.status !== 'APPLYING') throw new DomainError('FILING_ALREADY_OPEN');
    if (live) await refuseIfOpen(db, live.id);
    return live;
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
      await applyingAgency(ctx.prisma);
      const scope = await validatedScope(ctx, institution.schoolType, input.kind, input.scope, false);
      return { institution, scope };
    },
    async (tx, { institution, scope }) => {
      const duties = {
        designatedUnit: input.duties.designatedUnit,
        managementRules: input.duties.managementRules,
        noOutsourcingCommittedAt: new Date(),
        noOutsourcingCommittedBy: ctx.principal.id,
      };
      const applying = await applyingAgency(tx);
      if (applying) await tx.agency.update({ where: { id: applying.id }, data: duties });
      const agency =
        applying ??
        (await tx.agency.create({
          data: {
            institutionCode: institution.creditCode,
            kind: input.kind,
            name:
              input.name ??
              `${institution.name}${input.kind === 'APPRAISAL_AGENCY' ? '职业技能考核鉴定所' : '职业技能等级评价中心'}`,
            regionCode: institution.regionCode,
            ...duties,
          },
        }));
      return recordSubmission(tx, ctx, {
        agencyId: agency.id,
        type: 'INITIAL',
        scope,
        regionCode: institution.regionCode,
        requestKey: input.requestKey,
      });
    },
  );
}
