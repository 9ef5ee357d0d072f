// 职业院校名录 (the list behind the coverage KPI): one row per college — 统一社会信用代码, 院校名称, 院校类型,
// 所在地区, 开设专业 — checked row by row with Chinese messages, so an import is all-or-nothing with every row's
// errors listed. Pure: the file is parsed into rows of text before this (roster-file.ts).
import { findRegion, isValidCreditCode, SCHOOL_TYPES, type SchoolType } from '@skills/domain';

export const ROSTER_COLUMNS = [
  '统一社会信用代码',
  '院校名称',
  '院校类型',
  '所在地区代码',
  '开设专业',
] as const;

export interface RosterRow {
  creditCode: string;
  name: string;
  schoolType: SchoolType;
  regionCode: string;
  /** 专业代码 (e.g. 460103) */
  majors: string[];
}

export interface RowError {
  /** the row in the file, 1 = the header */
  row: number;
  field: string;
  message: string;
}

const TYPE_BY_NAME = new Map<string, SchoolType>(
  SCHOOL_TYPES.flatMap((t) => [
    [t.name, t.type],
    [t.fullName, t.type],
  ]),
);

/** 专业代码: 4–8 digits, or digits with a trailing letter (e.g. 460103, 5101K). */
const MAJOR_CODE = /^\d{4,8}[A-Z]?$/;

/** Checks the rows of a roster (cells as text, keyed by the header), `within` = the regions the caller may edit. */
export function checkRoster(
  rows: ReadonlyArray<Readonly<Record<string, string>>>,
  within: (regionCode: string) => boolean,
): { rows: RosterRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const out: RosterRow[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, i) => {
    const row = i + 2;
    const before = errors.length;
    const fail = (field: string, message: string) => errors.push({ row, field, message });
    const creditCode = (cells['统一社会信用代码'] ?? '').trim().toUpperCase();
    const name = (cells['院校名称'] ?? '').trim();
    const typeName = (cells['院校类型'] ?? '').trim();
    const regionCode = (cells['所在地区代码'] ?? '').trim();
    const majors = (cells['开设专业'] ?? '')
      .split(/[、,，;；\s]+/)
      .map((m) => m.trim().toUpperCase())
      .filter(Boolean);
    if (!isValidCreditCode(creditCode)) fail('统一社会信用代码', `统一社会信用代码“${creditCode}”不正确`);
    else if (seen.has(creditCode))
      fail('统一社会信用代码', `与第 ${seen.get(creditCode)} 行的统一社会信用代码重复`);
    else seen.set(creditCode, row);
    if (name.length < 2 || name.length > 60) fail('院校名称', '院校名称应为 2–60 个字');
    const schoolType = TYPE_BY_NAME.get(typeName);
    if (!schoolType)
      fail('院校类型', `院校类型“${typeName}”不正确，应为：${SCHOOL_TYPES.map((t) => t.name).join('、')}`);
    if (!findRegion(regionCode)) fail('所在地区代码', `行政区划代码“${regionCode}”不存在`);
    else if (!within(regionCode)) fail('所在地区代码', `“${regionCode}”不在本部门管辖范围内`);
    const badMajor = majors.find((m) => !MAJOR_CODE.test(m));
    if (badMajor) fail('开设专业', `专业代码“${badMajor}”不正确（应为专业目录中的代码，如 460103）`);
    if (errors.length === before)
      out.push({ creditCode, name, schoolType: schoolType!, regionCode, majors: [...new Set(majors)] });
  });
  return { rows: out, errors };
}
