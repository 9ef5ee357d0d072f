import { EDUCATION_LEVELS, pageVariables, readPageCursor, type EducationLevel } from '@skills/graphql-client';
import type { MajorsQueryVariables } from '../../../generated/graphql';

export const PAGE_SIZE = 20;

/** 专业检索条件 */
export interface MajorFilters {
  search: string;
  educationLevel?: EducationLevel | undefined;
}

export function readMajorFilters(params: URLSearchParams): MajorFilters {
  const level = params.get('level') ?? '';
  return {
    search: (params.get('q') ?? '').trim().slice(0, 50),
    educationLevel: (EDUCATION_LEVELS as string[]).includes(level) ? (level as EducationLevel) : undefined,
  };
}

export function writeMajorFilters(filters: MajorFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.search.trim()) params.set('q', filters.search.trim());
  if (filters.educationLevel) params.set('level', filters.educationLevel);
  return params;
}

export function majorsQueryVariables(params: URLSearchParams): MajorsQueryVariables {
  const f = readMajorFilters(params);
  return {
    search: f.search || null,
    educationLevel: f.educationLevel ?? null,
    ...pageVariables(readPageCursor(params), PAGE_SIZE),
  };
}
