// The search page keeps its state in the URL (shareable, back button works). These functions translate between
// the URL and the occupations query's variables.
import { CATALOGUE_SOURCES, type CatalogueSource, type SkillLevel } from '@skills/graphql-client';
import { SKILL_LEVELS } from '@skills/domain';
import type { OccupationsQueryVariables } from '../../../generated/graphql';

export const PAGE_SIZE = 20;

/** 检索条件 */
export interface OccupationFilters {
  search: string;
  category?: number | undefined;
  level?: SkillLevel | undefined;
  source?: CatalogueSource | undefined;
  /** 仅技能类职业 */
  skillTypeOnly: boolean;
}

/** Which page: after a cursor (next) or before one (previous); neither = first page. */
export interface PageCursor {
  after?: string | undefined;
  before?: string | undefined;
}

const LEVEL_CODES = new Set<string>(SKILL_LEVELS.map((l) => l.code));

export function readSearchParams(params: URLSearchParams): {
  filters: OccupationFilters;
  cursor: PageCursor;
} {
  const category = Number(params.get('category'));
  const level = params.get('level') ?? '';
  const source = params.get('source') ?? '';
  const after = params.get('after') || undefined;
  const before = after ? undefined : params.get('before') || undefined;
  return {
    filters: {
      search: (params.get('q') ?? '').trim().slice(0, 50),
      category: Number.isInteger(category) && category >= 1 && category <= 8 ? category : undefined,
      level: LEVEL_CODES.has(level) ? (level as SkillLevel) : undefined,
      source: (CATALOGUE_SOURCES as string[]).includes(source) ? (source as CatalogueSource) : undefined,
      skillTypeOnly: params.get('skillType') === '1',
    },
    cursor: { after, before },
  };
}

export function writeSearchParams(filters: OccupationFilters, cursor: PageCursor = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.search.trim()) params.set('q', filters.search.trim());
  if (filters.category) params.set('category', String(filters.category));
  if (filters.level) params.set('level', filters.level);
  if (filters.source) params.set('source', filters.source);
  if (filters.skillTypeOnly) params.set('skillType', '1');
  if (cursor.after) params.set('after', cursor.after);
  else if (cursor.before) params.set('before', cursor.before);
  return params;
}

export function toQueryVariables(
  filters: OccupationFilters,
  cursor: PageCursor = {},
): OccupationsQueryVariables {
  const page = cursor.before
    ? { last: PAGE_SIZE, before: cursor.before }
    : { first: PAGE_SIZE, after: cursor.after ?? null };
  return {
    search: filters.search || null,
    category: filters.category ?? null,
    level: filters.level ?? null,
    source: filters.source ?? null,
    skillType: filters.skillTypeOnly ? true : null,
    ...page,
  };
}
