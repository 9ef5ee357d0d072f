import { Role } from '@skills/domain';
import { access } from '@skills/service-kit';
import { candidateVisibility, COLLEGE_SIDE, planVisibility } from '../access-scope.js';
import { builder } from '../builder.js';
import { registerForPlan, registerForPlanInput } from '../commands/register-for-plan.js';
import { REGISTRATION_STATUS_NAMES } from '../domain/names.js';
import { RegistrationStatusEnum, typed } from './common.js';
import { AssessmentPlan } from './plan.js';

/** 报名 */
export const Registration = builder.prismaObject('Registration', {
  description: '报名记录',
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.expose('status', { type: RegistrationStatusEnum }),
    statusName: t.string({ resolve: (r) => REGISTRATION_STATUS_NAMES[r.status] }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    plan: t.relation('plan'),
    candidate: t.relation('candidate'),
  }),
});

builder.prismaObjectField(AssessmentPlan, 'registrations', (t) =>
  t.relatedConnection('registrations', {
    description: '报名考生（本院校、本地区监管部门和督导员可见）',
    nullable: true,
    cursor: 'id',
    defaultSize: 50,
    maxSize: 500,
    totalCount: true,
    query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    authScopes: (p, _a, ctx) => planVisibility(ctx.principal).recordsVisible(p),
    unauthorizedResolver: () => null,
  }),
);

builder.queryFields((t) => ({
  myRegistrations: t.prismaField({
    type: ['Registration'],
    description: '本人的报名记录（考生服务）',
    ...access.roles(Role.CANDIDATE),
    resolve: (query, _r, _a, ctx) =>
      ctx.principal.id
        ? ctx.prisma.registration.findMany({
            ...query,
            where: { candidate: { accountId: ctx.principal.id } },
            orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
          })
        : [],
  }),
}));

builder.mutationField('registerForPlan', (t) =>
  t.prismaField({
    type: 'Registration',
    description:
      '报名：院校为本校学生报名（填 candidateId），社会考生本人报名（不填）；按报名条件审核，不符合时说明所依据的条件；同一考生同一计划只报一次',
    ...access.roles(...COLLEGE_SIDE, Role.CANDIDATE),
    args: t.validate({ planId: t.arg.id({ required: true }), candidateId: t.arg.id() }, registerForPlanInput),
    resolve: (_q, _r, input, ctx) => typed(() => registerForPlan(ctx, input)),
  }),
);

export { candidateVisibility };
