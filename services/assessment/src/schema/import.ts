import { access } from '@skills/service-kit';
import { COLLEGE_SIDE, SCORERS } from '../access-scope.js';
import { builder } from '../builder.js';
import { importRoster, importRosterInput, ROSTER_COLUMNS } from '../commands/import-roster.js';
import { importScores, importScoresInput, SCORE_COLUMNS } from '../commands/import-scores.js';
import { writeSheet } from '../domain/spreadsheet.js';
import { ImportKindEnum, typed } from './common.js';

const ImportFormatEnum = builder.enumType('ImportFileFormat', {
  description: '导入文件格式',
  values: {
    XLSX: { description: 'Excel 工作簿（.xlsx）' },
    CSV: { description: '逗号分隔文本（.csv，UTF-8）' },
  },
});

const ImportFileInput = builder.inputType('ImportFileInput', {
  description: '导入文件：文件名（.xlsx 或 .csv）与 base64 编码的内容',
  fields: (t) => ({
    fileName: t.string({ required: true }),
    contentBase64: t.string({ required: true }),
  }),
});

const ImportOutcome = builder
  .objectRef<{ batchId: string; rows: number; changed: number; registered: number }>('ImportOutcome')
  .implement({
    description: '导入结果（整份文件在一个事务中写入）',
    fields: (t) => ({
      batchId: t.exposeID('batchId'),
      rows: t.exposeInt('rows', { description: '文件中的数据行数' }),
      changed: t.exposeInt('changed', { description: '写入或更新的记录数' }),
      registered: t.exposeInt('registered', { description: '新报名人数（名单导入并报名时）' }),
    }),
  });

const ImportTemplate = builder
  .objectRef<{ fileName: string; contentType: string; contentBase64: string }>('ImportTemplate')
  .implement({
    description: '导入模板',
    fields: (t) => ({
      fileName: t.exposeString('fileName'),
      contentType: t.exposeString('contentType'),
      contentBase64: t.exposeString('contentBase64'),
    }),
  });

builder.queryField('importTemplate', (t) =>
  t.field({
    type: ImportTemplate,
    description: '下载导入模板（学生名单或成绩；xlsx 或 csv），含表头与一行示例',
    ...access.roles(...SCORERS),
    args: {
      kind: t.arg({ type: ImportKindEnum, required: true }),
      format: t.arg({ type: ImportFormatEnum, required: true }),
    },
    resolve: async (_r, { kind, format }) => {
      const columns = (kind === 'ROSTER' ? ROSTER_COLUMNS : SCORE_COLUMNS) as readonly {
        key: string;
        header: string;
        required: boolean;
        example: string;
      }[];
      const example = Object.fromEntries(columns.map((c) => [c.key, c.example]));
      const content = await writeSheet(format, columns, [example], kind === 'ROSTER' ? '学生名单' : '成绩');
      const name = kind === 'ROSTER' ? '学生名单导入模板' : '成绩导入模板';
      return {
        fileName: `${name}.${format === 'XLSX' ? 'xlsx' : 'csv'}`,
        contentType:
          format === 'XLSX'
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'text/csv; charset=utf-8',
        contentBase64: content.toString('base64'),
      };
    },
  }),
);

builder.mutationFields((t) => ({
  importRoster: t.field({
    type: ImportOutcome,
    description:
      '导入本校学生名单（xlsx/csv），可同时报名某一评价计划；逐行校验，任何一行有误则整份文件不导入并列出全部错误行号与原因',
    ...access.roles(...COLLEGE_SIDE),
    args: t.validate(
      {
        institutionCode: t.arg.string({ required: true }),
        planId: t.arg.id(),
        file: t.arg({ type: ImportFileInput, required: true }),
      },
      importRosterInput,
    ),
    resolve: (_r, input, ctx) => typed(() => importRoster(ctx, input)),
  }),
  importScores: t.field({
    type: ImportOutcome,
    description:
      '导入评价计划的成绩（xlsx/csv）；逐行校验，任何一行有误则整份文件不导入并列出全部错误行号与原因；变更记入工作台账',
    ...access.roles(...SCORERS),
    args: t.validate(
      {
        planId: t.arg.id({ required: true }),
        file: t.arg({ type: ImportFileInput, required: true }),
        reason: t.arg.string({ required: true }),
      },
      importScoresInput,
    ),
    resolve: (_r, input, ctx) => typed(() => importScores(ctx, input)),
  }),
}));
