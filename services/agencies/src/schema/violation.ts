import { Role } from '@skills/domain';
import { access } from '@skills/service-kit';
import { BUREAU_HR } from '../access-scope.js';
import { builder } from '../builder.js';
import { closeViolation, closeViolationInput } from '../commands/close-violation.js';
import { recordViolation, recordViolationInput } from '../commands/record-violation.js';
import {
  recordReportedViolation,
  recordReportedViolationInput,
} from '../commands/record-reported-violation.js';
import {
  setViolationConsequence,
  setViolationConsequenceInput,
} from '../commands/set-violation-consequence.js';
import {
  VIOLATION_CONSEQUENCE_NAMES,
  VIOLATION_SEVERITY_NAMES,
  VIOLATION_TYPE_NAMES,
} from '../domain/names.js';
import { typed, ViolationConsequenceEnum, ViolationSeverityEnum, ViolationTypeEnum } from './common.js';

const ViolationStatusEnum = builder.enumType('ViolationStatus', {
  description: '整改状态',
  values: { OPEN: { description: '整改中' }, CLOSED: { description: '整改完毕' } },
});

/** 违规记录 */
export const Violation = builder.prismaObject('Violation', {
  description: '违规记录及整改',
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.expose('type', { type: ViolationTypeEnum }),
    typeName: t.string({ resolve: (v) => VIOLATION_TYPE_NAMES[v.type] }),
    severity: t.expose('severity', { type: ViolationSeverityEnum }),
    severityName: t.string({ resolve: (v) => VIOLATION_SEVERITY_NAMES[v.severity] }),
    status: t.field({
      type: ViolationStatusEnum,
      select: { closedAt: true },
      resolve: (v) => (v.closedAt ? 'CLOSED' : 'OPEN'),
    }),
    description: t.exposeString('description'),
    foundAt: t.expose('foundAt', { type: 'DateTime' }),
    deadline: t.expose('deadline', { type: 'DateTime', description: '整改期限' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    closingNote: t.exposeString('closingNote', { nullable: true }),
    consequence: t.expose('consequence', { type: ViolationConsequenceEnum }),
    consequenceName: t.string({ resolve: (v) => VIOLATION_CONSEQUENCE_NAMES[v.consequence] }),
    reportedFrom: t.exposeString('sourceRef', {
      nullable: true,
      description: '由其他服务移送时的来源（如 assessment:inspection:<督导检查编号>）',
    }),
    agency: t.relation('agency'),
  }),
});

builder.mutationFields((t) => ({
  recordViolation: t.prismaField({
    type: 'Violation',
    description: '记录检查发现的违规（含转包、委托第三方等）',
    ...access.roles(...BUREAU_HR, Role.SUPERVISOR),
    args: t.validate(
      {
        agencyId: t.arg.id({ required: true }),
        type: t.arg({ type: ViolationTypeEnum, required: true }),
        severity: t.arg({ type: ViolationSeverityEnum, required: true }),
        description: t.arg.string({ required: true }),
        deadline: t.arg({
          type: 'DateTime',
          required: true,
          description: '整改期限（按北京时间计至当日 24 时）',
        }),
      },
      recordViolationInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => recordViolation(ctx, input)),
  }),
  recordReportedViolation: t.prismaField({
    type: 'Violation',
    description:
      '其他服务移送的违规（评价实施服务的督导检查发现的转包、外包或违规组织评价）：仅限评价实施服务调用，同一来源只记录一次',
    ...access.services('assessment'),
    args: t.validate(
      {
        agencyId: t.arg.id({ required: true }),
        type: t.arg({ type: ViolationTypeEnum, required: true }),
        severity: t.arg({ type: ViolationSeverityEnum, required: true }),
        description: t.arg.string({ required: true }),
        deadline: t.arg({ type: 'DateTime', required: true }),
        source: t.arg.string({ required: true }),
        foundBy: t.arg.string({ required: true }),
      },
      recordReportedViolationInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => recordReportedViolation(ctx, input)),
  }),
  closeViolation: t.prismaField({
    type: 'Violation',
    description: '整改完毕，关闭违规记录',
    ...access.roles(...BUREAU_HR),
    args: t.validate(
      { violationId: t.arg.id({ required: true }), note: t.arg.string({ required: true }) },
      closeViolationInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => closeViolation(ctx, input)),
  }),
  setViolationConsequence: t.prismaField({
    type: 'Violation',
    description: '市人社局确定违规的处理结果：责令整改、暂停或注销（暂停、注销同时对机构生效）',
    ...access.roles(Role.CITY_HR, Role.PROVINCE_HR),
    args: t.validate(
      {
        violationId: t.arg.id({ required: true }),
        consequence: t.arg({ type: ViolationConsequenceEnum, required: true }),
        reason: t.arg.string({ required: true }),
      },
      setViolationConsequenceInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => setViolationConsequence(ctx, input)),
  }),
}));
