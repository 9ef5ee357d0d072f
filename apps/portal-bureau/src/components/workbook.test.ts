import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildWorkbook, exportFileName } from './workbook';

describe('buildWorkbook', () => {
  it('writes the rows under their headers and records the filters and the time, in China time', async () => {
    const at = new Date('2026-11-29T09:05:00Z');
    const book = await buildWorkbook({
      sheet: '机构名录',
      columns: [
        { header: '备案编号', value: (r: { no: string; name: string }) => r.no },
        { header: '机构', value: (r) => r.name },
      ],
      rows: [
        { no: 'FJ-350500-2026-0001', name: '黎明职业大学职业技能等级评价中心' },
        { no: 'FJ-350500-2026-0002', name: '泉州职业技术大学职业技能等级评价中心' },
      ],
      criteria: [
        ['机构或院校名称', '职业'],
        ['县（市、区）', null],
      ],
      at,
    });
    // through the file format and back, as a user's spreadsheet program reads it
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(await book.xlsx.writeBuffer());
    const rows = again.getWorksheet('机构名录')!.getSheetValues().slice(1) as unknown[][];
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['备案编号', '机构'],
      ['FJ-350500-2026-0001', '黎明职业大学职业技能等级评价中心'],
      ['FJ-350500-2026-0002', '泉州职业技术大学职业技能等级评价中心'],
    ]);
    const about = (again.getWorksheet('检索条件')!.getSheetValues().slice(1) as unknown[][]).map((r) =>
      r.slice(1),
    );
    expect(about).toEqual([
      ['项目', '内容'],
      ['机构或院校名称', '职业'],
      ['县（市、区）', '全部'],
      ['记录数', 2],
      ['导出时间', '2026-11-29 17:05'],
    ]);
    expect(exportFileName('机构名录', at)).toBe('机构名录-20261129-1705.xlsx');
  });
});
