// Reading and writing the import files (xlsx and csv) with exceljs: a header row of Chinese column names, then one
// row per record. Every cell is read as the text the user sees (an ID number typed as text stays text; csv values
// are never turned into numbers), and each row keeps its row number in the file for the error report.
import { Readable } from 'node:stream';
import { DomainError } from '@skills/domain';
import ExcelJS from 'exceljs';

export interface Column<K extends string> {
  key: K;
  /** the header users see, e.g. 身份证号 */
  header: string;
  required: boolean;
  /** an example for the template */
  example: string;
  width?: number;
}

export interface SheetRow<K extends string> {
  /** row number in the file (the header is row 1) */
  row: number;
  values: Record<K, string>;
}

export type FileFormat = 'XLSX' | 'CSV';

export function formatOf(fileName: string): FileFormat {
  const name = fileName.trim().toLowerCase();
  if (name.endsWith('.xlsx')) return 'XLSX';
  if (name.endsWith('.csv')) return 'CSV';
  throw new DomainError('UNSUPPORTED_FORMAT');
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
};

/** The rows of the first sheet under their headers; a missing required column is refused, naming it. */
export async function readSheet<K extends string>(
  fileName: string,
  content: Buffer,
  columns: readonly Column<K>[],
): Promise<SheetRow<K>[]> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (formatOf(fileName) === 'XLSX') {
      await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
      sheet = workbook.worksheets[0];
    } else {
      const text = content.toString('utf8').replace(/^\uFEFF/, '');
      sheet = await workbook.csv.read(Readable.from([text]), { map: (v: unknown) => v });
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('UNSUPPORTED_FORMAT');
  }
  if (!sheet || sheet.rowCount < 2) throw new DomainError('IMPORT_EMPTY');
  const headers = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => headers.set(cellText(cell.value).trim(), col));
  const missing = columns.filter((c) => c.required && !headers.has(c.header));
  if (missing.length)
    throw new DomainError(
      'IMPORT_ROWS_INVALID',
      {},
      {
        errors: missing.map((c) => ({ row: 1, column: c.header, message: `第 1 行：缺少“${c.header}”列` })),
      },
    );
  const rows: SheetRow<K>[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const values = {} as Record<K, string>;
    let any = false;
    for (const c of columns) {
      const col = headers.get(c.header);
      const text = col ? cellText(r.getCell(col).value).trim() : '';
      values[c.key] = text;
      if (text) any = true;
    }
    if (any) rows.push({ row: n, values });
  });
  if (!rows.length) throw new DomainError('IMPORT_EMPTY');
  return rows;
}

/** A file with these rows under the headers (templates, tests, the benchmark). */
export async function writeSheet<K extends string>(
  format: FileFormat,
  columns: readonly Column<K>[],
  rows: readonly Record<K, string | number>[],
  sheetName = '导入数据',
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
  // ID numbers and codes are text, never numbers (Excel would round an 18-digit number)
  for (const c of columns) sheet.getColumn(c.key).numFmt = '@';
  for (const r of rows) sheet.addRow(r);
  const buffer =
    format === 'XLSX'
      ? await workbook.xlsx.writeBuffer()
      : await workbook.csv.writeBuffer({ formatterOptions: { writeBOM: true } });
  return Buffer.from(buffer as ArrayBuffer);
}

/** The error report: every bad row with its number, all at once, in Chinese. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

export function rowProblem(row: number, column: string, problem: string): RowError {
  return { row, column, message: `第 ${row} 行（${column}）：${problem}` };
}

export function refuseRows(errors: RowError[]): never {
  errors.sort((a, b) => a.row - b.row);
  throw new DomainError(
    'IMPORT_ROWS_INVALID',
    { count: errors.length },
    {
      rows: [...new Set(errors.map((e) => e.row))],
      errors: errors.slice(0, 1000),
      total: errors.length,
    },
  );
}
