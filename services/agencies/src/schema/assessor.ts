import { maskIdNumber, maskPhone, Role } from '@skills/domain';
import { access, principalCan } from '@skills/service-kit';
import { BUREAU_HR, COLLEGE_SIDE } from '../access-scope.js';
import { builder } from '../builder.js';
import { auditIdNumberRead } from '../commands/read-id-number.js';
import { registerAssessor, registerAssessorInput } from '../commands/register-assessor.js';
import { conflicts, qualifications, type Conflict, type Qualification } from '../domain/json-columns.js';
import { Agency } from './agency.js';
import { AssessorKindEnum, ConflictTypeEnum, SkillLevelEnum, typed } from './common.js';

const QualificationRef = builder.objectRef<Qualification>('AssessorQualification').implement({
  fields: (t) => ({
    occupationCode: t.exposeString('occupationCode'),
    level: t.expose('level', { type: SkillLevelEnum }),
  }),
});

const ConflictRef = builder.objectRef<Conflict>('AssessorConflict').implement({
  description: '回避关系',
  fields: (t) => ({
    type: t.expose('type', { type: ConflictTypeEnum }),
    personName: t.exposeString('personName'),
    personIdNumber: t.string({
      nullable: true,
      description: '脱敏',
      resolve: (c) => (c.personIdNumber ? maskIdNumber(c.personIdNumber) : null),
    }),
  }),
});

/** 考评员 / 质量督导员 */
export const Assessor = builder.prismaObject('Assessor', {
  description: '考评员或质量督导员',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: AssessorKindEnum }),
    name: t.exposeString('name'),
    idNumber: t.string({ description: '身份证号（脱敏）', resolve: (a) => maskIdNumber(a.idNumber) }),
    phone: t.string({ nullable: true, resolve: (a) => (a.phone ? maskPhone(a.phone) : null) }),
    qualifications: t.field({
      type: [QualificationRef],
      resolve: (a) => qualifications.parse(a.qualifications),
    }),
    conflicts: t.field({ type: [ConflictRef], resolve: (a) => conflicts.parse(a.conflicts) }),
    idNumberUnmasked: t.string({
      description: '完整身份证号：本地区人社部门须说明用途，每次查看记入审计日志',
      args: { reason: t.arg.string({ required: true }) },
      authScopes: async (a, _args, ctx) => {
        const agency = a.agencyId ? await ctx.loaders.agency.load(a.agencyId) : null;
        return agency
          ? principalCan(ctx.principal, BUREAU_HR, { regionCode: agency.regionCode })
          : ctx.principal.grants.some((g) => BUREAU_HR.includes(g.role));
      },
      resolve: async (a, { reason }, ctx) => {
        await auditIdNumberRead(ctx, a.id, reason);
        return a.idNumber;
      },
    }),
  }),
});

builder.prismaObjectField(Agency, 'assessors', (t) =>
  t.relatedConnection('assessors', {
    description: '考评员（本院校和本地区人社部门可见）',
    nullable: true,
    cursor: 'id',
    defaultSize: 50,
    maxSize: 200,
    totalCount: true,
    query: { orderBy: [{ name: 'asc' }, { id: 'asc' }] },
    authScopes: (a, _args, ctx) =>
      principalCan(ctx.principal, COLLEGE_SIDE, { orgCode: a.institutionCode }) ||
      principalCan(ctx.principal, BUREAU_HR, { regionCode: a.regionCode }),
    unauthorizedResolver: () => null,
  }),
);

const QualificationInput = builder.inputType('AssessorQualificationInput', {
  fields: (t) => ({
    occupationCode: t.string({ required: true }),
    level: t.field({ type: SkillLevelEnum, required: true }),
  }),
});
const ConflictInput = builder.inputType('AssessorConflictInput', {
  fields: (t) => ({
    type: t.field({ type: ConflictTypeEnum, required: true }),
    personName: t.string({ required: true }),
    personIdNumber: t.string(),
  }),
});

builder.mutationField('registerAssessor', (t) =>
  t.prismaField({
    type: 'Assessor',
    description: '登记考评员（院校为本校评价机构）或质量督导员（市人社局）；按身份证号幂等',
    ...access.roles(...COLLEGE_SIDE, Role.CITY_HR, Role.PROVINCE_HR),
    args: t.validate(
      {
        kind: t.arg({ type: AssessorKindEnum, required: true }),
        agencyId: t.arg.id(),
        name: t.arg.string({ required: true }),
        idNumber: t.arg.string({ required: true }),
        phone: t.arg.string(),
        qualifications: t.arg({ type: [QualificationInput], required: true }),
        conflicts: t.arg({ type: [ConflictInput], defaultValue: [] }),
      },
      registerAssessorInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => registerAssessor(ctx, input)),
  }),
);
