import { maskPhone } from '@skills/domain';
import { access } from '@skills/service-kit';
import { BUREAUS, visibleRows } from '../access-scope.js';
import { builder } from '../builder.js';
import { handleComplaint, handleComplaintInput } from '../commands/handle-complaint.js';
import {
  recordSupervisionFinding,
  recordSupervisionFindingInput,
} from '../commands/record-supervision-finding.js';
import { submitComplaint, submitComplaintInput } from '../commands/submit-complaint.js';
import type { Context } from '../context.js';
import { ComplaintStatus } from '../generated/prisma/enums.js';
import { typed } from './common.js';

/** 监管发现 */
export const SupervisionFinding = builder.prismaObject('SupervisionFinding', {
  description: '人社、教育部门的监管发现',
  fields: (t) => ({
    id: t.exposeID('id'),
    finding: t.exposeString('finding'),
    recordedBy: t.exposeString('recordedBy'),
    recordedAs: t.exposeString('recordedAs', { description: '记录时的身份（如 CITY_EDU 市教育局）' }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
  }),
});

const ComplaintStatusEnum = builder.enumType('ComplaintStatus', {
  description: '投诉处理状态',
  values: {
    [ComplaintStatus.OPEN]: { description: '待处理' },
    [ComplaintStatus.HANDLED]: { description: '已办结' },
  },
});

/** Contact details as the queue shows them: masked (a phone number 139****0001, an e-mail a***@x.cn). */
function maskContact(contact: string): string {
  if (/^1\d{10}$/.test(contact)) return maskPhone(contact);
  const at = contact.indexOf('@');
  if (at > 0) return `${contact[0]}***${contact.slice(at)}`;
  return `${contact.slice(0, 4)}****${contact.slice(-2)}`;
}

/** 社会监督投诉 */
export const Complaint = builder.prismaObject('Complaint', {
  description: '社会公众对评价机构的投诉（进入机构所在地监管部门的待办）',
  fields: (t) => ({
    id: t.exposeID('id'),
    content: t.exposeString('content'),
    contact: t.string({
      nullable: true,
      description: '联系方式（脱敏）',
      resolve: (c) => (c.contact ? maskContact(c.contact) : null),
    }),
    anonymous: t.boolean({ resolve: (c) => c.submittedBy === null }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
    status: t.expose('status', { type: ComplaintStatusEnum }),
    handledAt: t.expose('handledAt', { type: 'DateTime', nullable: true }),
    handlingNote: t.exposeString('handlingNote', { nullable: true }),
    regionCode: t.exposeString('regionCode'),
    agency: t.relation('agency'),
  }),
});

/** A submission's answer: only what the complainant may know (the queue's details are the bureaus'). */
const ComplaintReceipt = builder.objectRef<{ id: string; submittedAt: Date }>('ComplaintReceipt').implement({
  description: '投诉回执',
  fields: (t) => ({
    id: t.exposeID('id', { description: '受理编号' }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
  }),
});

const complaintsWhere = (ctx: Context, open?: boolean | null) => {
  const scope = visibleRows(ctx.principal, BUREAUS, [], 'institutionCode');
  return scope ? { AND: [scope, open ? { status: ComplaintStatus.OPEN } : {}] } : null;
};

builder.queryField('complaints', (t) =>
  t.prismaConnection(
    {
      type: 'Complaint',
      cursor: 'id',
      defaultSize: 50,
      maxSize: 200,
      description: '社会监督投诉待办：本地区人社、教育部门（新的在前）',
      ...access.roles(...BUREAUS),
      args: { open: t.arg.boolean({ description: '仅待处理的' }) },
      resolve: (query, _r, args, ctx) => {
        const where = complaintsWhere(ctx, args.open);
        if (!where) return [];
        return ctx.prisma.complaint.findMany({
          ...query,
          where,
          orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }],
        });
      },
      totalCount: (_p, args, ctx) => {
        const where = complaintsWhere(ctx, args.open);
        return where ? ctx.prisma.complaint.count({ where }) : 0;
      },
    },
    {},
  ),
);

builder.mutationFields((t) => ({
  recordSupervisionFinding: t.prismaField({
    type: 'SupervisionFinding',
    description: '本地区人社、教育部门记录对评价机构的监管发现',
    ...access.roles(...BUREAUS),
    args: t.validate(
      {
        agencyId: t.arg.id({ required: true }),
        finding: t.arg.string({ required: true }),
        requestKey: t.arg.string(),
      },
      recordSupervisionFindingInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => recordSupervisionFinding(ctx, input)),
  }),
  submitComplaint: t.field({
    type: ComplaintReceipt,
    description: '社会监督：公众投诉评价机构（可匿名），由机构所在地监管部门处理',
    ...access.public(),
    args: t.validate(
      {
        agencyId: t.arg.id({ required: true }),
        content: t.arg.string({ required: true }),
        contact: t.arg.string({ description: '联系方式（可不填）：手机号、固定电话或电子邮箱' }),
      },
      submitComplaintInput,
    ),
    resolve: (_r, input, ctx) => typed(() => submitComplaint(ctx, input)),
  }),
  handleComplaint: t.prismaField({
    type: 'Complaint',
    description: '办结投诉（本地区人社、教育部门）',
    ...access.roles(...BUREAUS),
    args: t.validate(
      { complaintId: t.arg.id({ required: true }), note: t.arg.string({ required: true }) },
      handleComplaintInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => handleComplaint(ctx, input)),
  }),
}));
