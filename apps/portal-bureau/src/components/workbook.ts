// xlsx exports of the lists a bureau works from (exceljs). The rows are what the list shows with its filters
// applied, every page of them; a second sheet records the filters and when the file was made, so a file passed on
// says what it contains. exceljs is loaded only when a user exports (it is large).
import { saveBlob } from '@skills/ui-kit';
import type { Workbook } from 'exceljs';

export interface WorkbookColumn<R> {
  header: string;
  /** width in characters */
  width?: number;
  value: (row: R) => string | number | null | undefined;
}

export interface WorkbookSpec<R> {
  /** sheet name, e.g. 机构名录 */
  sheet: string;
  columns: readonly WorkbookColumn<R>[];
  rows: readonly R[];
  /** the filters applied, as label → value (empty values are written as 全部) */
  criteria: readonly [string, string | null | undefined][];
  /** when the export was made (China time is written) */
  at: Date;
}

/** Builds the workbook (in the browser or in a test): one sheet of rows, one of 检索条件. */
export async function buildWorkbook<R>(spec: WorkbookSpec<R>): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = '职业技能评价平台';
  book.created = spec.at;
  const sheet = book.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of spec.rows) sheet.addRow(spec.columns.map((c) => c.value(row) ?? ''));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  const about = book.addWorksheet('检索条件');
  about.columns = [
    { header: '项目', width: 16 },
    { header: '内容', width: 48 },
  ];
  about.getRow(1).font = { bold: true };
  for (const [label, value] of spec.criteria) about.addRow([label, value || '全部']);
  about.addRow(['记录数', spec.rows.length]);
  about.addRow(['导出时间', chinaTime(spec.at)]);
  return book;
}

/** Builds the workbook and hands it to the browser as a download. */
export async function downloadWorkbook<R>(fileName: string, spec: WorkbookSpec<R>): Promise<void> {
  const book = await buildWorkbook(spec);
  const bytes = await book.xlsx.writeBuffer();
  saveBlob(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    fileName,
  );
}

/** 2026-11-29 17:05 in China time. */
export function chinaTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** `机构名录-20261129-1705.xlsx` */
export function exportFileName(what: string, at: Date): string {
  return `${what}-${chinaTime(at).replace(/[-:]/g, '').replace(' ', '-')}.xlsx`;
}
