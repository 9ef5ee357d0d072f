// 备案范围规则 (DOMAIN.md A.2–A.4): what an agency may file — occupations that exist and are skill-type (or
// 专项 projects for 考核鉴定机构), at levels their national standard defines; which levels, by school type, agency
// kind and expansion, is checkAgencyLevel of packages/domain (ADR 0012). Pure: the catalogue facts are passed in.
import {
  AGENCY_KIND_NAMES,
  checkAgencyLevel,
  DomainError,
  skillLevelLabel,
  type AgencyKind,
  type SchoolType,
  type SkillLevel,
} from '@skills/domain';

/** What the catalogue says about a code (from the catalogue subgraph). */
export interface CatalogueEntry {
  code: string;
  name: string;
  kind: 'OCCUPATION' | 'SPECIAL_ABILITY';
  skillType: boolean;
  levels: SkillLevel[];
}

export interface ScopeRequest {
  occupationCode: string;
  levels: number[];
}

export interface ScopeValue {
  occupationCode: string;
  kind: 'OCCUPATION' | 'SPECIAL_ABILITY';
  levels: SkillLevel[];
}

export interface ScopeCheckContext {
  schoolType: SchoolType;
  agencyKind: AgencyKind;
  /** an expansion (增设) of a filed agency that met the A.4 conditions */
  expansion: boolean;
}

export function checkScope(
  ctx: ScopeCheckContext,
  items: readonly ScopeRequest[],
  lookup: (code: string) => CatalogueEntry | undefined,
): { values: ScopeValue[]; errors: DomainError[] } {
  const errors: DomainError[] = [];
  const values: ScopeValue[] = [];
  if (items.length === 0) return { values, errors: [new DomainError('SCOPE_EMPTY')] };
  const wantsSpecial = ctx.agencyKind === 'APPRAISAL_AGENCY';
  for (const item of items) {
    const entry = lookup(item.occupationCode);
    if (!entry) {
      errors.push(new DomainError('OCCUPATION_NOT_FOUND', { code: item.occupationCode }));
      continue;
    }
    const isSpecial = entry.kind === 'SPECIAL_ABILITY';
    if (isSpecial !== wantsSpecial) {
      errors.push(
        new DomainError('SCOPE_KIND_MISMATCH', {
          agencyKind: AGENCY_KIND_NAMES[ctx.agencyKind],
          what: isSpecial ? `专项职业能力考核项目“${entry.name}”` : `职业“${entry.name}”`,
        }),
      );
      continue;
    }
    if (isSpecial) {
      values.push({ occupationCode: entry.code, kind: 'SPECIAL_ABILITY', levels: [] });
      continue;
    }
    if (!entry.skillType) {
      errors.push(new DomainError('OCCUPATION_NOT_SKILL_TYPE', { name: entry.name, code: entry.code }));
      continue;
    }
    const levels = [...new Set(item.levels)].sort((a, b) => b - a) as SkillLevel[];
    if (levels.length === 0) {
      errors.push(new DomainError('INVALID_SKILL_LEVEL', {}, { occupationCode: entry.code }));
      continue;
    }
    const before = errors.length;
    for (const level of levels) {
      if (!entry.levels.includes(level)) {
        errors.push(
          new DomainError('LEVEL_NOT_IN_STANDARD', { name: entry.name, level: skillLevelLabel(level) }),
        );
      } else {
        // ADR 0012: a first filing within the student range, an expansion at any level (packages/domain)
        const allowed = checkAgencyLevel(ctx.schoolType, ctx.agencyKind, level, ctx.expansion);
        if (!allowed.ok) errors.push(allowed.error);
      }
    }
    if (errors.length === before) values.push({ occupationCode: entry.code, kind: 'OCCUPATION', levels });
  }
  return { values, errors };
}

export interface ExpansionRecord {
  /** the status a reader sees (a filing past its period has lapsed) */
  agencyStatus: string;
  /** start of the current filing period */
  periodStart: Date;
  violations: ReadonlyArray<{ foundAt: Date; closedAt: Date | null }>;
}

export interface ExpansionFacts extends ExpansionRecord {
  /** evaluations done in the current period (the assessment subgraph's count) */
  volume: number;
  /** the city's policy (ExpansionPolicy) */
  minVolume: number;
}

/** A.4, the record: filed, and no violation in the filing period (open or closed). */
export function checkExpansionRecord(f: ExpansionRecord): DomainError | null {
  if (f.agencyStatus !== 'FILED') return new DomainError('AGENCY_NOT_FILED');
  if (f.violations.some((v) => v.closedAt === null))
    return new DomainError('EXPANSION_BLOCKED_OPEN_VIOLATION');
  if (f.violations.some((v) => v.foundAt >= f.periodStart))
    return new DomainError('EXPANSION_BLOCKED_VIOLATION_RECORD');
  return null;
}

/** A.4: the record, and the evaluation volume reached (「达到一定评价数量」). */
export function checkExpansion(f: ExpansionFacts): DomainError | null {
  const record = checkExpansionRecord(f);
  if (record) return record;
  if (f.volume < f.minVolume)
    return new DomainError('EXPANSION_VOLUME_NOT_MET', { volume: f.volume, required: f.minVolume });
  return null;
}
