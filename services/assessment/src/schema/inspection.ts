// 督导检查: recorded by the region's bureaus and quality supervisors; seen by them and by the agency's college
// (it has to rectify) — the plan's records rule, on the root list, the plan's nested list and the mutation alike.
import { access } from '@skills/service-kit';
import { planVisibility, regionsWithin, SUPERVISORS } from '../access-scope.js';
import { builder } from '../builder.js';
import { recordInspection, recordInspectionInput } from '../commands/record-inspection.js';
import type { Context } from '../context.js';
import type { Prisma } from '../generated/prisma/client.js';
import { InspectionViolationEnum, typed, ViolationDeliveryEnum, ViolationSeverityEnum } from './common.js';
import { AssessmentPlan } from './plan.js';

/** 督导检查记录 */
export const Inspection = builder.prismaObject('Inspection', {
  description: '督导检查记录：检查发现，认定违规的移送评价机构服务记入违规记录',
  fields: (t) => ({
    id: t.exposeID('id'),
    findings: t.exposeString('findings', { description: '检查发现' }),
    actualOperator: t.exposeString('actualOperator', {
      nullable: true,
      description: '实际组织实施单位（非本评价机构时即转包、外包）',
    }),
    violationType: t.expose('violationType', { type: InspectionViolationEnum, nullable: true }),
    severity: t.expose('severity', { type: ViolationSeverityEnum, nullable: true }),
    deadline: t.expose('deadline', { type: 'DateTime', nullable: true, description: '整改期限' }),
    violationStatus: t.expose('violationStatus', { type: ViolationDeliveryEnum }),
    violationId: t.exposeString('violationId', {
      nullable: true,
      description: '评价机构服务中的违规记录编号（已移送后）',
    }),
    recordedAs: t.exposeString('recordedAs', { description: '检查人身份（角色）' }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
    plan: t.relation('plan'),
    session: t.relation('session', { nullable: true }),
  }),
});

function inspectionsWhere(ctx: Context, regionCode?: string | null): Prisma.InspectionWhereInput {
  return {
    AND: [
      { plan: planVisibility(ctx.principal).recordsWhere },
      regionCode ? { regionCode: { in: regionsWithin(regionCode) } } : {},
    ],
  };
}

builder.prismaObjectField(AssessmentPlan, 'inspections', (t) =>
  t.relation('inspections', {
    description: '督导检查记录（本地区监管部门、质量督导员和本院校可见）',
    query: { orderBy: { recordedAt: 'desc' } },
    nullable: true,
    authScopes: (plan, _a, ctx) => planVisibility(ctx.principal).recordsVisible(plan),
    unauthorizedResolver: () => null,
  }),
);

builder.queryField('inspections', (t) =>
  t.prismaConnection(
    {
      type: 'Inspection',
      cursor: 'id',
      defaultSize: 50,
      maxSize: 200,
      description: '督导检查记录：本地区人社、教育部门和质量督导员；院校看本校评价机构的',
      ...access.authenticated(),
      args: { regionCode: t.arg.string() },
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.inspection.findMany({
          ...query,
          where: inspectionsWhere(ctx, args.regionCode),
          orderBy: [{ recordedAt: 'desc' }, { id: 'asc' }],
        }),
      totalCount: (_p, args, ctx) =>
        ctx.prisma.inspection.count({ where: inspectionsWhere(ctx, args.regionCode) }),
    },
    {},
  ),
);

builder.mutationField('recordInspection', (t) =>
  t.prismaField({
    type: 'Inspection',
    description:
      '记录督导检查：检查发现；发现由其他单位实际组织实施（转包、外包）或违规组织评价的，认定违规并移送评价机构服务记入违规记录',
    ...access.roles(...SUPERVISORS),
    args: t.validate(
      {
        planId: t.arg.id({ required: true }),
        sessionId: t.arg.id(),
        findings: t.arg.string({ required: true }),
        actualOperator: t.arg.string({ description: '实际组织实施单位（非本评价机构时填写）' }),
        violationType: t.arg({ type: InspectionViolationEnum }),
        severity: t.arg({ type: ViolationSeverityEnum }),
        deadline: t.arg({ type: 'DateTime', description: '整改期限（按北京时间计至当日 24 时）' }),
        requestKey: t.arg.string({ description: '幂等键：同一检查人重复提交同一键只记录一次' }),
      },
      recordInspectionInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => recordInspection(ctx, input)),
  }),
);
