// The Agency entity (owned by agencies) extended with what assessment knows of it: its evaluation count (ADR 12)
// and its plans.
import { builder } from '../builder.js';
import { BUREAUS, COLLEGE_SIDE, planVisibility } from '../access-scope.js';
import type { Context } from '../context.js';
import { evaluationCount } from '../domain/evaluation-count.js';

/** Who may read an agency's evaluation count: services (agencies' expansion rule), the bureaus, the colleges. */
const mayCount = (ctx: Context) =>
  ctx.principal.kind === 'service' ||
  ctx.principal.grants.some((g) => BUREAUS.includes(g.role) || COLLEGE_SIDE.includes(g.role));

builder
  .externalRef('Agency', builder.selection<{ id: string }>('id'), (ref) => ref)
  .implement({
    externalFields: (t) => ({ id: t.id() }),
    fields: (t) => ({
      evaluationCount: t.int({
        description:
          '评价数量：自 since 起在该机构结果已确认（公示期满、无待处理异议）的考生人数，合格与否均计；同一考生同一职业同一等级只计一次（ADR 12）',
        args: { since: t.arg({ type: 'DateTime', required: true }) },
        authScopes: (_a, _args, ctx) => mayCount(ctx),
        resolve: (a, { since }, ctx) => evaluationCount(ctx.prisma, a.id, since),
      }),
      assessmentPlans: t.prismaField({
        type: ['AssessmentPlan'],
        description: '该机构的评价计划（可见范围同评价计划）',
        resolve: (query, a, _args, ctx) =>
          ctx.prisma.assessmentPlan.findMany({
            ...query,
            where: { AND: [{ agencyId: a.id }, planVisibility(ctx.principal).where] },
            orderBy: [{ assessmentDate: 'desc' }, { id: 'asc' }],
            take: 100,
          }),
      }),
    }),
  });
