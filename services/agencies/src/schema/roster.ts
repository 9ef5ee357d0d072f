import { access } from '@skills/service-kit';
import { builder } from '../builder.js';
import {
  importInstitutions,
  importInstitutionsInput,
  ROSTER_KEEPERS,
} from '../commands/import-institutions.js';
import { updateInstitution, updateInstitutionInput } from '../commands/update-institution.js';
import { SchoolTypeEnum, typed } from './common.js';

const RosterFormatEnum = builder.enumType('RosterFormat', {
  description: '名录文件格式',
  values: { XLSX: { description: 'Excel 工作簿（.xlsx）' }, CSV: { description: 'CSV（UTF-8）' } },
});

const RosterImport = builder
  .objectRef<{ total: number; added: number; updated: number }>('RosterImport')
  .implement({
    description: '职业院校名录导入结果',
    fields: (t) => ({
      total: t.exposeInt('total'),
      added: t.exposeInt('added', { description: '新增院校数' }),
      updated: t.exposeInt('updated', { description: '更新院校数' }),
    }),
  });

builder.mutationFields((t) => ({
  importInstitutions: t.field({
    type: RosterImport,
    description:
      '导入职业院校名录（xlsx/csv；列：统一社会信用代码、院校名称、院校类型、所在地区代码、开设专业）：全部正确才导入，否则逐行列出错误',
    ...access.roles(...ROSTER_KEEPERS),
    args: t.validate(
      {
        format: t.arg({ type: RosterFormatEnum, required: true }),
        file: t.arg.string({ required: true, description: '文件内容（Base64）' }),
      },
      importInstitutionsInput,
    ),
    resolve: (_r, input, ctx) => typed(() => importInstitutions(ctx, input)),
  }),
  updateInstitution: t.prismaField({
    type: 'Institution',
    description: '维护职业院校名录中的一所院校（名称、类型、地区、开设专业）',
    ...access.roles(...ROSTER_KEEPERS),
    args: t.validate(
      {
        creditCode: t.arg.string({ required: true }),
        name: t.arg.string(),
        schoolType: t.arg({ type: SchoolTypeEnum }),
        regionCode: t.arg.string(),
        majors: t.arg.stringList(),
      },
      updateInstitutionInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => updateInstitution(ctx, input)),
  }),
}));
