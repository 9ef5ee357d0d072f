import { CANDIDATE_CATEGORY_NAMES, maskIdNumber, maskPhone, Role } from '@skills/domain';
import { access, principalCan } from '@skills/service-kit';
import { BUREAU_HR, BUREAUS, candidateVisibility, SCORERS } from '../access-scope.js';
import { builder } from '../builder.js';
import { enrolCandidate, enrolCandidateInput } from '../commands/enrol-candidate.js';
import { recordStudent, recordStudentInput } from '../commands/record-student.js';
import { audit } from '../commands/support.js';
import type { Context } from '../context.js';
import { priorCertificates } from '../domain/json-columns.js';
import type { Prisma } from '../generated/prisma/client.js';
import { CandidateCategoryEnum, SchoolTypeEnum, SkillLevelEnum, typed } from './common.js';

/** Institution (院校) is owned by the agencies subgraph. */
const InstitutionRef = builder
  .externalRef(
    'Institution',
    builder.keyDirective(builder.selection<{ creditCode: string }>('creditCode'), false),
  )
  .implement({ fields: (t) => ({ creditCode: t.exposeString('creditCode') }) });

const PriorCertificate = builder
  .objectRef<{ occupationCode: string; level: number; year?: number | null }>('PriorCertificate')
  .implement({
    description: '已取得的职业技能等级证书',
    fields: (t) => ({
      occupationCode: t.exposeString('occupationCode'),
      level: t.field({ type: SkillLevelEnum, resolve: (c) => c.level as 5 }),
      year: t.int({ nullable: true, resolve: (c) => c.year ?? null }),
    }),
  });

/** 考生 */
export const Candidate = builder.prismaObject('Candidate', {
  description: '考生（在校生或社会考生）；身份证号、手机号脱敏显示',
  fields: (t) => ({
    id: t.exposeID('id'),
    category: t.expose('category', { type: CandidateCategoryEnum }),
    categoryName: t.string({ resolve: (c) => CANDIDATE_CATEGORY_NAMES[c.category] }),
    name: t.exposeString('name'),
    idNumber: t.string({ description: '身份证号（脱敏）', resolve: (c) => maskIdNumber(c.idNumber) }),
    phone: t.string({
      nullable: true,
      description: '手机号（脱敏）',
      resolve: (c) => (c.phone ? maskPhone(c.phone) : null),
    }),
    institutionCode: t.exposeString('institutionCode', { nullable: true }),
    institution: t.field({
      type: InstitutionRef,
      nullable: true,
      resolve: (c) => (c.institutionCode ? { creditCode: c.institutionCode } : null),
    }),
    schoolType: t.expose('schoolType', { type: SchoolTypeEnum, nullable: true }),
    majorCode: t.exposeString('majorCode', { nullable: true }),
    majorName: t.exposeString('majorName', { nullable: true }),
    className: t.exposeString('className', { nullable: true }),
    enrolmentYear: t.exposeInt('enrolmentYear', { nullable: true }),
    graduationYear: t.exposeInt('graduationYear', { nullable: true }),
    workYears: t.exposeInt('workYears', { nullable: true, description: '累计从事本职业工作年限' }),
    priorCertificates: t.field({
      type: [PriorCertificate],
      resolve: (c) => priorCertificates.parse(c.priorCertificates),
    }),
    regionCode: t.exposeString('regionCode'),
    accountId: t.exposeString('accountId', {
      nullable: true,
      description: '绑定的身份认证账号：仅平台服务可见（证书服务据此列出本人证书）',
      authScopes: (_c, _a, ctx) => ctx.principal.kind === 'service',
      unauthorizedResolver: () => null,
    }),
    idNumberUnmasked: t.string({
      description:
        '完整身份证号：本人、本地区人社部门、平台服务（证书服务颁发证书）须说明用途，每次查看记入审计日志',
      args: { reason: t.arg.string({ required: true }) },
      authScopes: (c, _a, ctx) =>
        ctx.principal.kind === 'service' ||
        (!!c.accountId && c.accountId === ctx.principal.id) ||
        principalCan(ctx.principal, BUREAU_HR, { regionCode: c.regionCode }),
      resolve: async (c, { reason }, ctx) => {
        await audit(ctx.prisma, ctx, 'pii.id_number.read', c.id, reason);
        return c.idNumber;
      },
    }),
  }),
});

function candidatesWhere(ctx: Context, search?: string | null): Prisma.CandidateWhereInput | null {
  const scope = candidateVisibility(ctx.principal).where;
  if (!scope) return null;
  const s = search?.trim();
  return {
    AND: [
      scope,
      s
        ? { OR: [{ name: { contains: s } }, { idNumber: s.toUpperCase() }, { className: { contains: s } }] }
        : {},
    ],
  };
}

builder.queryFields((t) => ({
  candidates: t.prismaConnection(
    {
      type: 'Candidate',
      cursor: 'id',
      defaultSize: 50,
      maxSize: 200,
      description: '考生：本院校（含在本院校报名的社会考生）、本地区人社和教育部门',
      ...access.roles(...SCORERS, ...BUREAUS),
      args: { search: t.arg.string({ description: '姓名、完整身份证号或班级' }) },
      resolve: async (query, _r, args, ctx) => {
        const where = candidatesWhere(ctx, args.search);
        return where
          ? ctx.prisma.candidate.findMany({ ...query, where, orderBy: [{ name: 'asc' }, { id: 'asc' }] })
          : [];
      },
      totalCount: (_p, args, ctx) => {
        const where = candidatesWhere(ctx, args.search);
        return where ? ctx.prisma.candidate.count({ where }) : 0;
      },
    },
    {},
  ),
  candidate: t.prismaField({
    type: 'Candidate',
    nullable: true,
    description: '考生详情',
    ...access.authenticated(),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const where = candidatesWhere(ctx);
      return where
        ? ctx.prisma.candidate.findFirst({ ...query, where: { AND: [where, { id: String(id) }] } })
        : null;
    },
  }),
  myCandidateProfile: t.prismaField({
    type: 'Candidate',
    nullable: true,
    description: '本人的考生信息（考生服务）',
    ...access.roles(Role.CANDIDATE),
    resolve: (query, _r, _a, ctx) =>
      ctx.principal.id
        ? ctx.prisma.candidate.findUnique({ ...query, where: { accountId: ctx.principal.id } })
        : null,
  }),
}));

builder.mutationField('recordStudent', (t) =>
  t.prismaField({
    type: 'Candidate',
    description: '登记本校在校生（院校类型取自院校备案信息）；按身份证号幂等',
    ...access.roles(Role.COLLEGE_ADMIN, Role.AGENCY_STAFF),
    args: t.validate(
      {
        institutionCode: t.arg.string({ required: true }),
        name: t.arg.string({ required: true }),
        idNumber: t.arg.string({ required: true }),
        phone: t.arg.string(),
        majorCode: t.arg.string(),
        majorName: t.arg.string(),
        className: t.arg.string(),
        enrolmentYear: t.arg.int(),
        graduationYear: t.arg.int(),
      },
      recordStudentInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => recordStudent(ctx, input)),
  }),
);

const PriorCertificateInput = builder.inputType('PriorCertificateInput', {
  fields: (t) => ({
    occupationCode: t.string({ required: true }),
    level: t.field({ type: SkillLevelEnum, required: true }),
    year: t.int(),
  }),
});

const SocialCategoryEnum = builder.enumType('SocialCandidateCategory', {
  description: '社会考生类别',
  values: {
    VETERAN: { description: '退役军人' },
    MIGRANT_WORKER: { description: '农民工' },
    RURAL_TALENT: { description: '乡村振兴人才' },
    PARTNER_EMPLOYEE: { description: '校企合作企业职工' },
    OTHER_SOCIAL: { description: '其他社会人员' },
  },
});

builder.mutationField('enrolAsCandidate', (t) =>
  t.prismaField({
    type: 'Candidate',
    description: '社会考生本人登记（绑定本人账号与身份证号，同一身份证号只对应一名考生）',
    ...access.roles(Role.CANDIDATE),
    args: t.validate(
      {
        category: t.arg({ type: SocialCategoryEnum, required: true }),
        name: t.arg.string({ required: true }),
        idNumber: t.arg.string({ required: true }),
        phone: t.arg.string(),
        residenceRegionCode: t.arg.string({
          required: true,
          description: '常住地行政区划代码（决定由哪一地区的监管部门查看）',
        }),
        workYears: t.arg.int(),
        priorCertificates: t.arg({ type: [PriorCertificateInput] }),
      },
      enrolCandidateInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => enrolCandidate(ctx, input)),
  }),
);
