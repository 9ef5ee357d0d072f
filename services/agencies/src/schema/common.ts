import {
  AgencyKind,
  DomainError,
  SCHOOL_TYPES,
  SKILL_LEVELS,
  type SchoolType,
  type SkillLevel,
  type SkillLevelCode,
} from '@skills/domain';
import { fromDomainError } from '@skills/service-kit';
import { builder } from '../builder.js';

export const SkillLevelEnum = builder.enumType('SkillLevel', {
  description: '职业技能等级',
  values: Object.fromEntries(
    SKILL_LEVELS.map((l) => [l.code, { value: l.level, description: `${l.name}/${l.title}` }]),
  ) as unknown as Record<SkillLevelCode, { value: SkillLevel; description: string }>,
});

export const SchoolTypeEnum = builder.enumType('SchoolType', {
  description: '院校类型',
  values: Object.fromEntries(SCHOOL_TYPES.map((s) => [s.type, { description: s.fullName }])) as Record<
    SchoolType,
    { description: string }
  >,
});

export const AgencyKindEnum = builder.enumType('AgencyKind', {
  description: '评价机构类型',
  values: Object.values(AgencyKind),
});

/** Runs a command; domain refusals become typed GraphQL errors with their Chinese message. */
export async function typed<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof DomainError) throw fromDomainError(e);
    throw e;
  }
}
