import { DomainError, maskIdNumber, Role, type SkillLevel } from '@skills/domain';
import { access, principalCan, typed } from '@skills/service-kit';
import { BUREAUS, certificateVisibility, COLLEGE_SIDE, mayReadIdNumber } from '../access-scope.js';
import { builder } from '../builder.js';
import { audit } from '../commands/support.js';
import type { Context } from '../context.js';
import {
  CERTIFICATE_EVENT_NAMES,
  CERTIFICATE_KIND_NAMES,
  CERTIFICATE_STATUS_NAMES,
  REVOCATION_STATUS_NAMES,
} from '../domain/names.js';
import type { Prisma } from '../generated/prisma/client.js';
import {
  CertificateEventTypeEnum,
  CertificateKindEnum,
  CertificateStatusEnum,
  IssuerKindEnum,
  num,
  RevocationStatusEnum,
  SkillLevelEnum,
} from './common.js';
import { AgencyRef, OccupationRef, SpecialAbilityProjectRef } from './refs.js';

/** 证书履历 */
export const CertificateEvent = builder.prismaObject('CertificateEvent', {
  description: '证书履历：颁发、撤销申请与审核、撤销',
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.expose('type', { type: CertificateEventTypeEnum }),
    typeName: t.string({ resolve: (e) => CERTIFICATE_EVENT_NAMES[e.type] }),
    actorId: t.exposeString('actorId', { nullable: true }),
    reason: t.exposeString('reason', { nullable: true }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

/** 撤销申请 */
export const RevocationRequest = builder.prismaObject('RevocationRequest', {
  description: '撤销申请：发证机构申请，所在地人社部门审核',
  fields: (t) => ({
    id: t.exposeID('id'),
    certificateNumber: t.exposeString('certificateNumber'),
    reason: t.exposeString('reason'),
    status: t.expose('status', { type: RevocationStatusEnum }),
    statusName: t.string({ resolve: (r) => REVOCATION_STATUS_NAMES[r.status] }),
    requestedBy: t.exposeString('requestedBy'),
    requestedAt: t.expose('requestedAt', { type: 'DateTime' }),
    decidedBy: t.exposeString('decidedBy', { nullable: true }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    decision: t.exposeString('decision', { nullable: true }),
    certificate: t.relation('certificate'),
  }),
});

/** 证书 */
export const Certificate = builder.prismaObject('Certificate', {
  description: '证书（职业技能等级证书、专项职业能力证书；职业资格证书仅登记）；身份证号脱敏显示',
  fields: (t) => ({
    number: t.exposeString('number', { description: '证书编号（全国唯一，撤销后不再使用）' }),
    kind: t.expose('kind', { type: CertificateKindEnum }),
    kindName: t.string({ resolve: (c) => CERTIFICATE_KIND_NAMES[c.kind] }),
    status: t.expose('status', { type: CertificateStatusEnum }),
    statusName: t.string({ resolve: (c) => CERTIFICATE_STATUS_NAMES[c.status] }),
    holderName: t.exposeString('holderName', { description: '持证人姓名' }),
    idNumber: t.string({ description: '身份证号（脱敏）', resolve: (c) => maskIdNumber(c.idNumber) }),
    idNumberUnmasked: t.string({
      description: '完整身份证号：持证人本人、本地区人社部门须说明用途，每次查看记入审计日志',
      args: { reason: t.arg.string({ required: true }) },
      authScopes: (c, _a, ctx) => mayReadIdNumber(ctx.principal, c),
      resolve: async (c, { reason }, ctx) => {
        await audit(ctx.prisma, ctx, 'pii.id_number.read', c.number, reason);
        return c.idNumber;
      },
    }),
    candidateId: t.exposeString('candidateId', { nullable: true }),
    occupationCode: t.exposeString('occupationCode', {
      description: '职业（工种）编码，或专项职业能力考核项目编码',
    }),
    occupation: t.field({
      type: OccupationRef,
      nullable: true,
      resolve: (c) => (c.kind === 'SPECIAL_ABILITY' ? null : { code: c.occupationCode }),
    }),
    specialAbilityProject: t.field({
      type: SpecialAbilityProjectRef,
      nullable: true,
      resolve: (c) => (c.kind === 'SPECIAL_ABILITY' ? { code: c.occupationCode } : null),
    }),
    level: t.field({ type: SkillLevelEnum, nullable: true, resolve: (c) => c.level as SkillLevel | null }),
    issuerKind: t.field({
      type: IssuerKindEnum,
      resolve: async (c, _a, ctx) => (await issuerOf(ctx, c.issuerId)).kind,
    }),
    issuerCode: t.string({ resolve: async (c, _a, ctx) => (await issuerOf(ctx, c.issuerId)).code }),
    issuerName: t.exposeString('issuerName', { description: '发证机构' }),
    agencyId: t.exposeString('agencyId', { nullable: true }),
    agencyName: t.exposeString('agencyName', { nullable: true, description: '评价机构' }),
    agency: t.field({
      type: AgencyRef,
      nullable: true,
      resolve: (c) => (c.agencyId ? { id: c.agencyId } : null),
    }),
    institutionCode: t.exposeString('institutionCode', { nullable: true }),
    regionCode: t.exposeString('regionCode'),
    resultId: t.exposeString('resultId', { nullable: true, description: '据以颁发的最终评价结果' }),
    planId: t.exposeString('planId', { nullable: true }),
    theory: t.float({ nullable: true, description: '理论成绩', resolve: (c) => num(c.theory) }),
    practical: t.float({ nullable: true, description: '实操成绩', resolve: (c) => num(c.practical) }),
    assessedOn: t.expose('assessedOn', { type: 'DateTime', nullable: true, description: '评价日期' }),
    issuedAt: t.expose('issuedAt', { type: 'DateTime', description: '发证日期' }),
    holderGraduationYear: t.exposeInt('holderGraduationYear', { nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    revokedBy: t.exposeString('revokedBy', { nullable: true }),
    revocationReason: t.exposeString('revocationReason', { nullable: true }),
    events: t.relation('events', { query: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } }),
    revocationRequests: t.relation('revocationRequests', { query: { orderBy: { requestedAt: 'asc' } } }),
  }),
});

const issuers = new WeakMap<
  Context,
  Map<string, Promise<{ kind: 'AGENCY' | 'HR_BUREAU' | 'NAMED_DEPARTMENT'; code: string }>>
>();
/** The issuer row, once per request and issuer (a page of certificates has few issuers). */
function issuerOf(ctx: Context, id: string) {
  let cache = issuers.get(ctx);
  if (!cache) issuers.set(ctx, (cache = new Map()));
  let p = cache.get(id);
  if (!p)
    cache.set(
      id,
      (p = ctx.prisma.issuer.findUniqueOrThrow({ where: { id }, select: { kind: true, code: true } })),
    );
  return p;
}

builder.asEntity(Certificate, {
  key: builder.selection<{ number: string }>('number'),
  resolveReference: async (ref, ctx) => {
    const c = await ctx.prisma.certificate.findUnique({ where: { number: ref.number } });
    return c && certificateVisibility(ctx.principal).allows(c) ? c : null;
  },
});

/** The final result (assessment) with the certificate issued on it, if the caller may see that certificate. */
builder
  .externalRef('FinalResult', builder.selection<{ id: string }>('id'), (ref) => ref)
  .implement({
    externalFields: (t) => ({ id: t.id() }),
    fields: (t) => ({
      certificate: t.prismaField({
        type: 'Certificate',
        nullable: true,
        description: '据此结果颁发的证书（可见范围同证书）',
        resolve: async (query, r, _a, ctx) => {
          const where = certificateVisibility(ctx.principal).where;
          return where
            ? ctx.prisma.certificate.findFirst({
                ...query,
                where: { AND: [where, { resultId: String(r.id) }] },
              })
            : null;
        },
      }),
    }),
  });

const CertificateFilter = builder.inputType('CertificateFilter', {
  fields: (t) => ({
    agencyId: t.string({ description: '评价机构' }),
    institutionCode: t.string({ description: '评价机构所属院校（统一社会信用代码）' }),
    regionCode: t.string({ description: '评价机构所在地区（含下级）' }),
    kind: t.field({ type: CertificateKindEnum }),
    status: t.field({ type: CertificateStatusEnum }),
    search: t.string({ description: '证书编号、持证人姓名或完整身份证号' }),
  }),
});

interface FilterArgs {
  agencyId?: string | null;
  institutionCode?: string | null;
  regionCode?: string | null;
  kind?: 'VOCATIONAL_QUALIFICATION' | 'SKILL_LEVEL' | 'SPECIAL_ABILITY' | null;
  status?: 'VALID' | 'REVOKED' | null;
  search?: string | null;
}

/** The caller's certificates (visibility) narrowed by the filter; null when the caller sees none. */
function certificatesWhere(
  ctx: Context,
  f: FilterArgs | null | undefined,
): Prisma.CertificateWhereInput | null {
  const scope = certificateVisibility(ctx.principal).where;
  if (!scope) return null;
  const s = f?.search?.trim();
  return {
    AND: [
      scope,
      f?.agencyId ? { agencyId: f.agencyId } : {},
      f?.institutionCode ? { institutionCode: f.institutionCode.toUpperCase() } : {},
      f?.regionCode ? { regionCode: { startsWith: f.regionCode.replace(/0+$/, '') } } : {},
      f?.kind ? { kind: f.kind } : {},
      f?.status ? { status: f.status } : {},
      s ? { OR: [{ number: s.toUpperCase() }, { holderName: s }, { idNumber: s.toUpperCase() }] } : {},
    ],
  };
}

builder.queryFields((t) => ({
  certificate: t.prismaField({
    type: 'Certificate',
    nullable: true,
    description: '证书详情：持证人本人、发证机构所属院校、本地区监管部门',
    ...access.authenticated(),
    args: { number: t.arg.string({ required: true }) },
    resolve: async (query, _r, { number }, ctx) => {
      const c = await ctx.prisma.certificate.findUnique({
        ...query,
        where: { number: number.trim().toUpperCase() },
      });
      return c && certificateVisibility(ctx.principal).allows(c) ? c : null;
    },
  }),
  myCertificates: t.prismaField({
    type: ['Certificate'],
    description: '本人的证书（考生服务）',
    ...access.roles(Role.CANDIDATE),
    resolve: (query, _r, _a, ctx) =>
      ctx.principal.id
        ? ctx.prisma.certificate.findMany({
            ...query,
            where: { holderAccountId: ctx.principal.id },
            orderBy: [{ issuedAt: 'desc' }, { number: 'asc' }],
          })
        : [],
  }),
  certificates: t.prismaConnection(
    {
      type: 'Certificate',
      cursor: 'number',
      defaultSize: 50,
      maxSize: 500,
      description: '证书：院校看本校评价机构颁发的和本校学生取得的，监管部门看本地区的',
      ...access.roles(...COLLEGE_SIDE, ...BUREAUS),
      args: { filter: t.arg({ type: CertificateFilter }) },
      resolve: async (query, _r, args, ctx) => {
        const where = certificatesWhere(ctx, args.filter);
        return where
          ? ctx.prisma.certificate.findMany({
              ...query,
              where,
              orderBy: [{ issuedAt: 'desc' }, { number: 'asc' }],
            })
          : [];
      },
      totalCount: (_p, args, ctx) => {
        const where = certificatesWhere(ctx, args.filter);
        return where ? ctx.prisma.certificate.count({ where }) : 0;
      },
    },
    {},
  ),
  revocationRequests: t.prismaField({
    type: ['RevocationRequest'],
    description: '待审核的撤销申请：本地区人社部门，及申请的院校',
    ...access.roles(...COLLEGE_SIDE, Role.PROVINCE_HR, Role.CITY_HR, Role.COUNTY_HR),
    args: { status: t.arg({ type: RevocationStatusEnum }) },
    resolve: (query, _r, args, ctx) => {
      const where = certificateVisibility(ctx.principal).where;
      return where
        ? ctx.prisma.revocationRequest.findMany({
            ...query,
            where: { certificate: where, ...(args.status ? { status: args.status } : {}) },
            orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
            take: 500,
          })
        : [];
    },
  }),
}));

const GraduateHolders = builder
  .objectRef<{ institutionCode: string; graduationYear: number; holders: number; certificates: number }>(
    'GraduateCertificateHolders',
  )
  .implement({
    description: '应届毕业生持证情况（有效证书）：持证人数与证书张数',
    fields: (t) => ({
      institutionCode: t.exposeString('institutionCode'),
      graduationYear: t.exposeInt('graduationYear'),
      holders: t.exposeInt('holders', { description: '持有至少一张有效证书的毕业生人数' }),
      certificates: t.exposeInt('certificates'),
    }),
  });

builder.queryField('graduateCertificateHolders', (t) =>
  t.field({
    type: GraduateHolders,
    description: '本校某届毕业生中持有有效证书的人数（院校提高应届毕业生持证率）',
    ...access.roles(...COLLEGE_SIDE),
    args: {
      institutionCode: t.arg.string({ required: true }),
      graduationYear: t.arg.int({ required: true }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const institutionCode = args.institutionCode.trim().toUpperCase();
        if (!principalCan(ctx.principal, COLLEGE_SIDE, { orgCode: institutionCode }))
          throw new DomainError('FORBIDDEN');
        const groups = await ctx.prisma.certificate.groupBy({
          by: ['idNumber'],
          where: {
            holderInstitutionCode: institutionCode,
            holderGraduationYear: args.graduationYear,
            status: 'VALID',
          },
          _count: { _all: true },
        });
        return {
          institutionCode,
          graduationYear: args.graduationYear,
          holders: groups.length,
          certificates: groups.reduce((n, g) => n + g._count._all, 0),
        };
      }),
  }),
);
