// Reads a roster file (xlsx or csv, via exceljs) into rows of text keyed by the header row's cells. The first
// worksheet only; empty rows are skipped; cells are read as the text a user sees in the spreadsheet.
import { Readable } from 'node:stream';
import { DomainError } from '@skills/domain';
import ExcelJS from 'exceljs';

export type RosterFormat = 'XLSX' | 'CSV';

export async function readRosterFile(
  bytes: Buffer,
  format: RosterFormat,
): Promise<Array<Record<string, string>>> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (format === 'XLSX') {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      sheet = workbook.worksheets[0];
    } else {
      // a BOM from Excel's "CSV UTF-8" would stick to the first header
      const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
      sheet = await workbook.csv.read(Readable.from([text]));
    }
  } catch {
    throw new DomainError('UNSUPPORTED_FORMAT');
  }
  if (!sheet) throw new DomainError('IMPORT_EMPTY');
  const header: string[] = [];
  const rows: Array<Record<string, string>> = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    for (let i = 1; i <= Math.max(row.cellCount, header.length); i++) cells.push(row.getCell(i).text.trim());
    if (n === 1 || header.length === 0) {
      header.push(...cells);
      return;
    }
    if (cells.every((c) => !c)) return;
    rows.push(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
  });
  if (!rows.length) throw new DomainError('IMPORT_EMPTY');
  return rows;
}
