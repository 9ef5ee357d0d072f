// 创建评价计划: the agency's college plans an assessment of one occupation × level (or a 专项 project). Allowed only
// for an agency that agencies reports FILED, with the target in its scope on the assessment date (asked through
// the graph with this service's claims). Idempotent per college and request key; numbered per college and year.
import { DomainError, unwrap, type SkillLevel } from '@skills/domain';
import { badInput, nextNumber, principalCan } from '@skills/service-kit';
import { z } from 'zod';
import { COLLEGE_SIDE } from '../access-scope.js';
import type { Context } from '../context.js';
import { checkAgencyMayAssess } from '../domain/plan-rules.js';
import { PlanKind } from '../generated/prisma/enums.js';
import { type CommandInput, id, optionalText, requestKey } from './inputs.js';
import { audit, forbidden, isUniqueViolation } from './support.js';

const passMark = (what: string) =>
  z.number().int().min(0, `${what}应在 0 至 100 之间`).max(100, `${what}应在 0 至 100 之间`).nullish();

export const createPlanInput = z.object({
  agencyId: id,
  kind: z.enum(PlanKind),
  occupationCode: z.string().trim().min(1, '请填写职业（工种）编码或专项职业能力考核项目编码'),
  level: z.number().int().nullish(),
  title: z.string().trim().min(1, '请填写计划名称').max(60, '计划名称不能超过 60 个字'),
  majorCodes: z
    .array(z.string().trim().min(1))
    .nullish()
    .transform((v) => v ?? []),
  standardCode: optionalText(40, '国家职业技能标准编号'),
  assessmentDate: z.date(),
  registrationClosesAt: z.date(),
  sites: z
    .array(z.string().trim().min(1, '考核场地不能为空').max(100, '考核场地不能超过 100 个字'))
    .min(1, '请至少填写一个考核场地'),
  capacity: z.number().int().min(1, '计划人数至少为 1 人').max(20_000, '计划人数不能超过 20000 人'),
  theoryPassMark: passMark('理论合格线'),
  practicalPassMark: passMark('实操合格线'),
  allowCourseSubstitution: z.boolean().nullish(),
  candidatesPerAssessor: z
    .number()
    .int()
    .min(1, '考评员配比应为正整数')
    .max(50, '考评员配比不能超过 50')
    .nullish(),
  requestKey,
});
export type CreatePlanInput = CommandInput<typeof createPlanInput>;

/** Checks across fields (after authorization: the schema checks one field at a time). */
function checkDates(input: CreatePlanInput) {
  if (input.registrationClosesAt > input.assessmentDate)
    throw badInput('registrationClosesAt', '报名截止时间应早于考核日期');
  if ((input.kind === 'SPECIAL_ABILITY') !== (input.level === null || input.level === undefined))
    throw badInput('level', '职业技能等级认定须选择等级，专项职业能力考核不设等级');
}

export async function createPlan(ctx: Context, input: CreatePlanInput) {
  checkDates(input);
  const agency = await ctx.agencies.agency(input.agencyId);
  if (!agency) throw new DomainError('AGENCY_NOT_FILED');
  if (!principalCan(ctx.principal, COLLEGE_SIDE, { orgCode: agency.institutionCode })) throw forbidden();
  const earlier = input.requestKey
    ? await ctx.prisma.assessmentPlan.findUnique({
        where: {
          institutionCode_requestKey: {
            institutionCode: agency.institutionCode,
            requestKey: input.requestKey,
          },
        },
      })
    : null;
  if (earlier) return earlier;
  const level = (input.level ?? null) as SkillLevel | null;
  unwrap(
    checkAgencyMayAssess(
      agency,
      { kind: input.kind, occupationCode: input.occupationCode, level },
      input.assessmentDate,
    ),
  );
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const year = input.assessmentDate.getUTCFullYear();
      const seq = await nextNumber(tx, `plan-number:${agency.institutionCode}:${year}`);
      const plan = await tx.assessmentPlan.create({
        data: {
          number: `${agency.institutionCode}-${year}-${String(seq).padStart(4, '0')}`,
          agencyId: agency.id,
          agencyName: agency.name,
          agencyKind: agency.kind,
          institutionCode: agency.institutionCode,
          regionCode: agency.regionCode,
          kind: input.kind,
          occupationCode: input.occupationCode,
          level,
          title: input.title,
          majorCodes: input.majorCodes,
          standardCode: input.standardCode ?? null,
          assessmentDate: input.assessmentDate,
          registrationClosesAt: input.registrationClosesAt,
          sites: input.sites,
          capacity: input.capacity,
          theoryPassMark: input.theoryPassMark ?? 60,
          practicalPassMark: input.practicalPassMark ?? 60,
          allowCourseSubstitution: input.allowCourseSubstitution ?? false,
          candidatesPerAssessor: input.candidatesPerAssessor ?? 5,
          createdBy: ctx.principal.id,
          requestKey: input.requestKey ?? null,
        },
      });
      await audit(tx, ctx, 'plan.created', plan.id, plan.title);
      return plan;
    });
  } catch (e) {
    // the same key sent twice at once: the second insert hit the unique key; answer with the first call's plan
    if (isUniqueViolation(e) && input.requestKey) {
      const replayed = await ctx.prisma.assessmentPlan.findUnique({
        where: {
          institutionCode_requestKey: {
            institutionCode: agency.institutionCode,
            requestKey: input.requestKey,
          },
        },
      });
      if (replayed) return replayed;
    }
    throw e;
  }
}
