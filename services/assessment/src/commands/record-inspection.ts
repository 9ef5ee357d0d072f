// 督导检查: an HR or education bureau, or a quality supervisor (质量督导员), of the plan's region records what it
// found at an assessment (「人社、教育部门…加强监管」; the agency 「不得以“转包”“委托”等任何形式…交由社会第三方运营」).
// A violation found — another operator actually running the assessment (转包、外包: always a violation), or an
// irregularity — is written with the inspection in one transaction as PENDING and then delivered to agencies,
// which owns violations (deliver-violations.ts): agencies records it once per inspection, so the retries of a
// delivery that failed half-way can never record it twice. Education bureaus record findings; violations, as in
// agencies, are the HR bureaus' and the supervisors' to record. Replaying a request key returns the same inspection.
import { badInput, principalCan } from '@skills/service-kit';
import { endOfChinaDay, Role } from '@skills/domain';
import { z } from 'zod';
import { BUREAU_HR, SUPERVISORS } from '../access-scope.js';
import type { Context } from '../context.js';
import { InspectionViolation, ViolationSeverity } from '../generated/prisma/enums.js';
import { deliverViolation } from './deliver-violations.js';
import { type CommandInput, id, optionalText, requestKey } from './inputs.js';
import { audit, forbidden, notFound } from './support.js';

export const recordInspectionInput = z.object({
  planId: id,
  sessionId: id.nullish(),
  findings: z
    .string()
    .trim()
    .min(5, '请填写检查发现（不少于 5 个字）')
    .max(2000, '检查发现不能超过 2000 个字'),
  /** 实际组织实施单位, when someone other than the agency runs the assessment */
  actualOperator: optionalText(100, '实际组织实施单位'),
  violationType: z.enum(InspectionViolation).nullish(),
  severity: z.enum(ViolationSeverity).nullish(),
  deadline: z.date().transform(endOfChinaDay).nullish(),
  requestKey,
});
export type RecordInspectionInput = CommandInput<typeof recordInspectionInput>;

const VIOLATION_RECORDERS: readonly Role[] = [...BUREAU_HR, Role.SUPERVISOR];

export async function recordInspection(ctx: Context, input: RecordInspectionInput) {
  const plan = await ctx.prisma.assessmentPlan.findUnique({ where: { id: input.planId } });
  if (!plan) throw notFound();
  const role = SUPERVISORS.find((r) => principalCan(ctx.principal, [r], { regionCode: plan.regionCode }));
  if (!role || !ctx.principal.id) throw forbidden();
  const inspector = ctx.principal.id;
  const key = input.requestKey ?? null;
  const earlier = () =>
    key
      ? ctx.prisma.inspection.findUnique({
          where: { recordedBy_requestKey: { recordedBy: inspector, requestKey: key } },
        })
      : Promise.resolve(null);
  const replayed = await earlier();
  if (replayed) return replayed;

  if (input.sessionId) {
    const session = await ctx.prisma.assessmentSession.findUnique({ where: { id: input.sessionId } });
    if (!session || session.planId !== plan.id) throw badInput('sessionId', '该考场不属于本评价计划');
  }
  const outsourced = !!input.actualOperator && input.actualOperator !== plan.agencyName;
  if (outsourced && input.violationType && input.violationType !== 'OUTSOURCING')
    throw badInput('violationType', '由其他单位实际组织实施的，违规类型应为“转包、外包”');
  const violationType = outsourced ? 'OUTSOURCING' : (input.violationType ?? null);
  if (violationType) {
    if (!VIOLATION_RECORDERS.some((r) => principalCan(ctx.principal, [r], { regionCode: plan.regionCode })))
      throw badInput('violationType', '教育部门可记录检查发现；违规由人社部门或质量督导员认定');
    if (!input.severity) throw badInput('severity', '认定违规时请选择违规程度');
    if (!input.deadline) throw badInput('deadline', '认定违规时请填写整改期限');
    if (input.deadline.getTime() < Date.now()) throw badInput('deadline', '整改期限不能早于今天');
  }

  let inspection;
  try {
    inspection = await ctx.prisma.$transaction(async (tx) => {
      const row = await tx.inspection.create({
        data: {
          planId: plan.id,
          sessionId: input.sessionId ?? null,
          agencyId: plan.agencyId,
          regionCode: plan.regionCode,
          findings: input.findings,
          actualOperator: outsourced ? input.actualOperator : null,
          violationType,
          severity: violationType ? input.severity! : null,
          deadline: violationType ? input.deadline! : null,
          violationStatus: violationType ? 'PENDING' : 'NONE',
          recordedBy: inspector,
          recordedAs: role,
          requestKey: key,
        },
      });
      await audit(tx, ctx, 'inspection.recorded', row.id, `${plan.id} ${violationType ?? 'finding'}`);
      return row;
    });
  } catch (e) {
    const again = await earlier();
    if (again) return again;
    throw e;
  }
  // delivered now when agencies answers; otherwise the periodic delivery keeps trying (the inspection stands)
  return violationType ? deliverViolation(ctx.prisma, ctx.agencies, inspection, ctx.log) : inspection;
}
