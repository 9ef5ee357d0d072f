// 备案覆盖率 KPI: the share of vocational colleges in a region that have a filed 职业技能等级评价机构, against the
// notice's target of 100% by the end of the 14th five-year plan (2025-12-31).
import { isVocationalCollege, isWithinRegion, type SchoolType } from '@skills/domain';

export const COVERAGE_TARGET = 1;
export const COVERAGE_DEADLINE = '2025-12-31';

export interface CollegeFacts {
  creditCode: string;
  schoolType: string;
  regionCode: string;
  /** has a SKILL_LEVEL_AGENCY with status FILED */
  filed: boolean;
}

export interface Coverage {
  regionCode: string;
  vocationalColleges: number;
  filed: number;
  ratio: number;
  missing: string[];
}

export function coverageOf(regionCode: string, colleges: readonly CollegeFacts[]): Coverage {
  const inRegion = colleges.filter(
    (c) => isVocationalCollege(c.schoolType as SchoolType) && isWithinRegion(c.regionCode, regionCode),
  );
  const filed = inRegion.filter((c) => c.filed).length;
  return {
    regionCode,
    vocationalColleges: inRegion.length,
    filed,
    ratio: inRegion.length ? filed / inRegion.length : 1,
    missing: inRegion.filter((c) => !c.filed).map((c) => c.creditCode),
  };
}
