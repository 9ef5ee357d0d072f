// 职业编码 per 《中华人民共和国职业分类大典（2022年版）》: 大类-中类-小类-细类, optionally -工种.
import { err, ok } from './errors.js';
import type { Result } from './errors.js';

/** 职业大类 code, 1..8. */
export type MajorGroup = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** 职业大类 */
export const OCCUPATION_MAJOR_GROUPS: readonly { readonly code: MajorGroup; readonly name: string }[] = [
  { code: 1, name: '党的机关、国家机关、群众团体和社会组织、企事业单位负责人' },
  { code: 2, name: '专业技术人员' },
  { code: 3, name: '办事人员和有关人员' },
  { code: 4, name: '社会生产服务和生活服务人员' },
  { code: 5, name: '农、林、牧、渔业生产及辅助人员' },
  { code: 6, name: '生产制造及有关人员' },
  { code: 7, name: '军队人员' },
  { code: 8, name: '不便分类的其他从业人员' },
];

/**
 * A parsed code. Each group is the hierarchical code of that level (e.g. mediumGroup '6-31'), so it can be
 * used directly to look up the parent node in a catalogue.
 */
export interface OccupationCode {
  /** Normalised full code as entered: the unit group, or the work type when a 工种 suffix was given. */
  readonly code: string;
  /** 大类, e.g. '6' */
  readonly majorGroup: string;
  /** 中类, e.g. '6-31' */
  readonly mediumGroup: string;
  /** 小类, e.g. '6-31-01' */
  readonly minorGroup: string;
  /** 细类 (职业), e.g. '6-31-01-03' */
  readonly unitGroup: string;
  /** 工种, e.g. '6-31-01-03-01', when given */
  readonly workType?: string;
}

const FULL = /^([1-8])-(\d{2})-(\d{2})-(\d{2})(?:-(\d{2}))?$/;
// Shape of the longest code; a search prefix must match it character by character.
const TEMPLATE = 'D-DD-DD-DD-DD';

/**
 * Trims and folds what people paste from Word/PDF/IME: full-width digits and the various dash characters.
 * Does not remove inner spaces — '6 31' is not a code.
 */
export function normalizeOccupationCodeInput(s: string): string {
  return s
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[‐‑‒–—―－−]/g, '-');
}

export function parseOccupationCode(s: string): Result<OccupationCode> {
  const code = normalizeOccupationCodeInput(s);
  const m = FULL.exec(code);
  if (!m) return err('INVALID_OCCUPATION_CODE');
  const [, major = '', medium = '', minor = '', unit = '', work] = m;
  const mediumGroup = `${major}-${medium}`;
  const minorGroup = `${mediumGroup}-${minor}`;
  const unitGroup = `${minorGroup}-${unit}`;
  const parsed: OccupationCode = { code, majorGroup: major, mediumGroup, minorGroup, unitGroup };
  return ok(work === undefined ? parsed : { ...parsed, workType: `${unitGroup}-${work}` });
}

export function isOccupationCode(s: string): boolean {
  return parseOccupationCode(s).ok;
}

/** Name of the 大类 a code (or bare major digit) belongs to; undefined when it starts with no valid group. */
export function majorGroupName(code: string | number): string | undefined {
  const first = normalizeOccupationCodeInput(String(code)).charAt(0);
  return OCCUPATION_MAJOR_GROUPS.find((g) => String(g.code) === first)?.name;
}

/** True for a non-empty leading part of a code, e.g. '6', '6-31', '6-31-0', '6-31-', for prefix search. */
export function isCodePrefix(s: string): boolean {
  if (s.length === 0 || s.length > TEMPLATE.length || !/^[1-8]/.test(s)) return false;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    const matches = TEMPLATE.charAt(i) === 'D' ? ch >= '0' && ch <= '9' : ch === '-';
    if (!matches) return false;
  }
  return true;
}
