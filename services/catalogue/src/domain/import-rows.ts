// Parsing and validating catalogue files (CSV or JSON) into typed rows. Pure: no database. Every bad row is
// reported with its row number, field and a Chinese message; nothing here decides whether to apply.
import { createHash } from 'node:crypto';
import {
  errorMessage,
  OCCUPATION_MAJOR_GROUPS,
  parseOccupationCode,
  parseRegionCode,
  parseSkillLevel,
} from '@skills/domain';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { pinyinKeys } from './pinyin.js';

export const CatalogueKinds = ['OCCUPATIONS', 'SPECIAL_ABILITIES', 'MAJORS'] as const;
export type CatalogueKind = (typeof CatalogueKinds)[number];

/** 目录来源 */
export const CatalogueSources = ['DADIAN_2022', 'FILABLE_LIST', 'FUJIAN_SPECIAL'] as const;
export type CatalogueSource = (typeof CatalogueSources)[number];
export const catalogueSourceNames: Record<CatalogueSource, string> = {
  DADIAN_2022: '职业分类大典（2022年版）',
  FILABLE_LIST: '职业技能等级评价机构可备案职业（工种）目录',
  FUJIAN_SPECIAL: '福建省专项职业能力考核项目目录',
};

/** 专业层次 */
export const EducationLevels = ['SECONDARY', 'HIGHER', 'UNDERGRADUATE'] as const;
export type EducationLevel = (typeof EducationLevels)[number];

export const MAX_IMPORT_ROWS = 20_000;

export interface RowError {
  /** 1-based data row number (CSV: the line after the header is row 1) */
  row: number;
  key: string | null;
  field: string | null;
  errorCode: string;
  message: string;
}

export interface OccupationRow {
  code: string;
  name: string;
  category: number;
  skillType: boolean;
  levels: number[];
  standard: string | null;
  sources: string[];
  verified: boolean;
  note: string | null;
  pinyin: string;
  pinyinInitials: string;
}

export interface SpecialAbilityRow {
  code: string;
  name: string;
  industry: string | null;
  regionCode: string | null;
  description: string | null;
  sources: string[];
  verified: boolean;
  note: string | null;
  pinyin: string;
  pinyinInitials: string;
}

export interface MajorRow {
  code: string;
  name: string;
  educationLevel: EducationLevel;
  occupationCodes: string[];
  verified: boolean;
  note: string | null;
}

export type RowOf<K extends CatalogueKind> = K extends 'OCCUPATIONS'
  ? OccupationRow
  : K extends 'SPECIAL_ABILITIES'
    ? SpecialAbilityRow
    : MajorRow;

export class ImportInputError extends Error {
  constructor(
    readonly errorCode: 'UNSUPPORTED_FORMAT' | 'IMPORT_EMPTY' | 'BAD_USER_INPUT',
    message: string,
  ) {
    super(message);
  }
}

type RawRecord = Record<string, unknown>;

/** Column names are matched loosely: `skill_type`, `skillType` and `SkillType` are the same column. */
const normKey = (k: string) =>
  k
    .replace(/^\uFEFF/, '')
    .replace(/[_\s-]/g, '')
    .toLowerCase();

export function readRecords(format: 'CSV' | 'JSON', content: string): RawRecord[] {
  let records: RawRecord[];
  if (format === 'CSV') {
    try {
      records = parseCsv(content, {
        columns: true,
        bom: true,
        skip_empty_lines: true,
        trim: true,
        relax_column_count: false,
      });
    } catch (e) {
      throw new ImportInputError('BAD_USER_INPUT', `CSV 文件无法解析：${(e as Error).message}`);
    }
  } else {
    let data: unknown;
    try {
      data = JSON.parse(content);
    } catch (e) {
      throw new ImportInputError('BAD_USER_INPUT', `JSON 文件无法解析：${(e as Error).message}`);
    }
    const rows = Array.isArray(data) ? data : (data as { rows?: unknown })?.rows;
    if (!Array.isArray(rows) || rows.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))) {
      throw new ImportInputError('BAD_USER_INPUT', 'JSON 文件应为对象数组，或包含 rows 数组的对象');
    }
    records = rows as RawRecord[];
  }
  if (records.length === 0) throw new ImportInputError('IMPORT_EMPTY', errorMessage('IMPORT_EMPTY'));
  if (records.length > MAX_IMPORT_ROWS) {
    throw new ImportInputError(
      'BAD_USER_INPUT',
      `单个文件最多 ${MAX_IMPORT_ROWS} 行，本文件有 ${records.length} 行`,
    );
  }
  return records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [normKey(k), v])));
}

export function checksum(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

// ---- field readers (CSV gives strings, JSON may give numbers, booleans or arrays) ----

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());
const optionalText = (v: unknown) => text(v) || null;
const list = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.map(text).filter(Boolean)
    : text(v)
        .split(/[|｜;；]/)
        .map((s) => s.trim())
        .filter(Boolean);

const booleanField = z.preprocess(
  (v) => {
    if (typeof v === 'boolean') return v;
    const s = text(v).toLowerCase();
    if (['true', '1', 'yes', 'y', '是'].includes(s)) return true;
    if (['false', '0', 'no', 'n', '否', ''].includes(s)) return false;
    return v;
  },
  z.boolean({ message: '应为 true/false（是/否）' }),
);

const nameField = z.preprocess(text, z.string().min(1, '名称不能为空').max(60, '名称不能超过 60 个字'));

class RowCollector {
  errors: RowError[] = [];
  constructor(
    readonly row: number,
    readonly key: string | null,
  ) {}
  add(field: string | null, errorCode: string, message: string) {
    this.errors.push({ row: this.row, key: this.key, field, errorCode, message });
  }
  zod<T>(field: string, schema: z.ZodType<T>, value: unknown): T | undefined {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    this.add(field, 'VALIDATION_FAILED', `${field}：${r.error.issues[0]?.message ?? '格式不正确'}`);
    return undefined;
  }
}

function readSources(
  c: RowCollector,
  raw: unknown,
  fallback: CatalogueSource | null,
  allowed: readonly CatalogueSource[],
) {
  const values = list(raw);
  const sources = values.length ? values : fallback ? [fallback] : [];
  if (sources.length === 0)
    c.add('sources', 'VALIDATION_FAILED', 'sources：缺少目录来源（可在导入时指定默认来源）');
  for (const s of sources) {
    if (!(allowed as readonly string[]).includes(s)) {
      c.add('sources', 'VALIDATION_FAILED', `sources：未知的目录来源“${s}”，应为 ${allowed.join(' / ')}`);
    }
  }
  return [...new Set(sources)];
}

function occupationRow(r: RawRecord, row: number, fallback: CatalogueSource | null) {
  const code = text(r.code);
  const c = new RowCollector(row, code || null);
  const parsed = parseOccupationCode(code);
  if (!parsed.ok) c.add('code', parsed.error.code, parsed.error.message);
  const name = c.zod('name', nameField, r.name);
  const category = c.zod(
    'category',
    z.coerce.number().int().min(1).max(OCCUPATION_MAJOR_GROUPS.length),
    r.category,
  );
  if (parsed.ok && category !== undefined && Number(parsed.value.majorGroup) !== category) {
    c.add(
      'category',
      'VALIDATION_FAILED',
      `category：大类 ${category} 与职业编码 ${code} 的大类 ${parsed.value.majorGroup} 不一致`,
    );
  }
  const skillType = c.zod('skill_type', booleanField, r.skilltype);
  const levels: number[] = [];
  for (const l of list(r.levels)) {
    const lv = parseSkillLevel(l);
    if (lv.ok) levels.push(lv.value);
    else c.add('levels', lv.error.code, `levels：${lv.error.message}（“${l}”）`);
  }
  if (skillType && levels.length === 0)
    c.add('levels', 'VALIDATION_FAILED', 'levels：技能类职业至少应有一个等级');
  const sources = readSources(c, r.sources, fallback, ['DADIAN_2022', 'FILABLE_LIST']);
  const verified = c.zod('verified', booleanField, r.verified ?? false);
  if (c.errors.length) return { errors: c.errors };
  return {
    value: {
      code: parsed.ok ? parsed.value.code : code,
      name: name!,
      category: category!,
      skillType: skillType!,
      levels: [...new Set(levels)].sort((a, b) => b - a),
      standard: optionalText(r.standard),
      sources,
      verified: verified!,
      note: optionalText(r.note),
      ...keys(name!),
    } satisfies OccupationRow,
  };
}

function keys(name: string) {
  const k = pinyinKeys(name);
  return { pinyin: k.pinyin, pinyinInitials: k.initials };
}

function specialAbilityRow(r: RawRecord, row: number, fallback: CatalogueSource | null) {
  const code = text(r.code);
  const c = new RowCollector(row, code || null);
  c.zod(
    'code',
    z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, '项目编码应为 2-32 位大写字母、数字或“-”'),
    code,
  );
  const name = c.zod('name', nameField, r.name);
  const region = optionalText(r.region ?? r.regioncode);
  if (region) {
    const rc = parseRegionCode(region);
    if (!rc.ok) c.add('region', rc.error.code, `region：${rc.error.message}`);
  }
  const sources = readSources(c, r.sources, fallback, ['FUJIAN_SPECIAL']);
  const verified = c.zod('verified', booleanField, r.verified ?? false);
  if (c.errors.length) return { errors: c.errors };
  return {
    value: {
      code,
      name: name!,
      industry: optionalText(r.industry),
      regionCode: region,
      description: optionalText(r.description),
      sources,
      verified: verified!,
      note: optionalText(r.note),
      ...keys(name!),
    } satisfies SpecialAbilityRow,
  };
}

function majorRow(r: RawRecord, row: number) {
  const code = text(r.code);
  const c = new RowCollector(row, code || null);
  c.zod('code', z.string().regex(/^\d{6}$/, '专业代码应为 6 位数字'), code);
  const name = c.zod('name', nameField, r.name);
  const educationLevel = c.zod(
    'education_level',
    z.enum(EducationLevels, { message: `应为 ${EducationLevels.join(' / ')}` }),
    text(r.educationlevel),
  );
  const occupationCodes: string[] = [];
  for (const oc of list(r.occupations)) {
    const p = parseOccupationCode(oc);
    if (p.ok) occupationCodes.push(p.value.code);
    else c.add('occupations', p.error.code, `occupations：${p.error.message}（“${oc}”）`);
  }
  if (occupationCodes.length === 0 && c.errors.length === 0) {
    c.add('occupations', 'VALIDATION_FAILED', 'occupations：至少对接一个职业');
  }
  const verified = c.zod('verified', booleanField, r.verified ?? false);
  if (c.errors.length) return { errors: c.errors };
  return {
    value: {
      code,
      name: name!,
      educationLevel: educationLevel!,
      occupationCodes: [...new Set(occupationCodes)],
      verified: verified!,
      note: optionalText(r.note),
    } satisfies MajorRow,
  };
}

export interface ParsedFile<K extends CatalogueKind> {
  rows: Array<{ row: number; value: RowOf<K> }>;
  errors: RowError[];
}

/** Validates every record; duplicate keys within the file are errors too (the later row is reported). */
export function validateRows<K extends CatalogueKind>(
  kind: K,
  records: RawRecord[],
  fallbackSource: CatalogueSource | null,
): ParsedFile<K> {
  const rows: Array<{ row: number; value: RowOf<K> }> = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  records.forEach((r, i) => {
    const row = i + 1;
    const result =
      kind === 'OCCUPATIONS'
        ? occupationRow(r, row, fallbackSource)
        : kind === 'SPECIAL_ABILITIES'
          ? specialAbilityRow(r, row, fallbackSource)
          : majorRow(r, row);
    if (!result.value) {
      errors.push(...(result.errors ?? []));
      return;
    }
    const first = seen.get(result.value.code);
    if (first !== undefined) {
      errors.push({
        row,
        key: result.value.code,
        field: 'code',
        errorCode: 'CONFLICT',
        message: `code：编码 ${result.value.code} 与第 ${first} 行重复`,
      });
      return;
    }
    seen.set(result.value.code, row);
    rows.push({ row, value: result.value as RowOf<K> });
  });
  return { rows, errors };
}
