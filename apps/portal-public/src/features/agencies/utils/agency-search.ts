import { readPageCursor, type PageCursor } from '@skills/graphql-client';

/** 名录检索条件，保存在地址栏（q、region、occupation） */
export interface AgencySearch {
  q: string;
  region: string;
  occupation: string;
}

/** An occupation code (大典 6-31-01-03) or a 专项 project code (FJZX-0001) is used as is; anything else is a name. */
export function isScopeCode(text: string): boolean {
  return /^\d-\d{2}(-\d{2}){0,2}(-\d{2})?$/.test(text) || /^[A-Z]{2,}ZX-\d+$/i.test(text);
}

export function readAgencySearch(params: URLSearchParams): { search: AgencySearch; cursor: PageCursor } {
  return {
    search: {
      q: params.get('q') ?? '',
      region: params.get('region') ?? '',
      occupation: params.get('occupation') ?? '',
    },
    cursor: readPageCursor(params),
  };
}

export function writeAgencySearch(search: AgencySearch): URLSearchParams {
  const p = new URLSearchParams();
  if (search.q.trim()) p.set('q', search.q.trim());
  if (search.region) p.set('region', search.region);
  if (search.occupation.trim()) p.set('occupation', search.occupation.trim());
  return p;
}
