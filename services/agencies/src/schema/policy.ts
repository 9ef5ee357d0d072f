import { findRegion, Role } from '@skills/domain';
import { access } from '@skills/service-kit';
import { builder } from '../builder.js';
import { setExpansionPolicy, setExpansionPolicyInput } from '../commands/set-expansion-policy.js';
import { cityOf } from '../domain/workflow.js';
import { typed } from './common.js';

/** 增设评价数量政策 */
export const ExpansionPolicy = builder.prismaObject('ExpansionPolicy', {
  description: '增设所需评价数量：评价机构本备案期内评价人次达到该数量方可申请增设（由市人社局设定）',
  fields: (t) => ({
    cityCode: t.exposeString('cityCode'),
    cityName: t.string({ resolve: (p) => findRegion(p.cityCode)?.name ?? p.cityCode }),
    minEvaluations: t.exposeInt('minEvaluations', { description: '最低评价人次' }),
    setAt: t.expose('setAt', { type: 'DateTime' }),
    reason: t.exposeString('reason', { nullable: true }),
  }),
});

builder.queryField('expansionPolicy', (t) =>
  t.prismaField({
    type: 'ExpansionPolicy',
    nullable: true,
    description: '某地增设所需评价数量（未设定时为空，增设暂不受理）',
    ...access.public(),
    args: { regionCode: t.arg.string({ required: true, description: '设区市或其下任一区划' }) },
    resolve: (query, _r, { regionCode }, ctx) =>
      ctx.prisma.expansionPolicy.findUnique({ ...query, where: { cityCode: cityOf(regionCode.trim()) } }),
  }),
);

builder.mutationField('setExpansionPolicy', (t) =>
  t.prismaField({
    type: 'ExpansionPolicy',
    description: '市人社局设定本市增设所需的评价数量（留痕审计）',
    ...access.roles(Role.CITY_HR, Role.PROVINCE_HR),
    args: t.validate(
      {
        cityCode: t.arg.string({ required: true }),
        minEvaluations: t.arg.int({ required: true }),
        reason: t.arg.string({ required: true }),
      },
      setExpansionPolicyInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => setExpansionPolicy(ctx, input)),
  }),
);
