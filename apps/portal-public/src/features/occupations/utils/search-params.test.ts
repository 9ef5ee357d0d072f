import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, readSearchParams, toQueryVariables, writeSearchParams } from './search-params';

describe('occupation search parameters', () => {
  it('round-trips filters through the URL', () => {
    const filters = {
      search: '电工',
      category: 6,
      level: 'LEVEL_3' as const,
      source: 'DADIAN_2022' as const,
      skillTypeOnly: true,
    };
    const params = writeSearchParams(filters, { after: 'abc' });
    expect(params.toString()).toBe(
      'q=%E7%94%B5%E5%B7%A5&category=6&level=LEVEL_3&source=DADIAN_2022&skillType=1&after=abc',
    );
    expect(readSearchParams(params)).toEqual({ filters, cursor: { after: 'abc', before: undefined } });
  });

  it('ignores invalid values', () => {
    const { filters } = readSearchParams(
      new URLSearchParams('category=9&level=LEVEL_7&source=X&skillType=yes'),
    );
    expect(filters).toEqual({
      search: '',
      category: undefined,
      level: undefined,
      source: undefined,
      skillTypeOnly: false,
    });
  });

  it('pages forward with first/after and back with last/before', () => {
    const filters = { search: 'dg', skillTypeOnly: false };
    expect(toQueryVariables(filters)).toMatchObject({ search: 'dg', first: PAGE_SIZE, after: null });
    expect(toQueryVariables(filters, { after: 'c1' })).toMatchObject({ first: PAGE_SIZE, after: 'c1' });
    expect(toQueryVariables(filters, { before: 'c0' })).toMatchObject({ last: PAGE_SIZE, before: 'c0' });
    expect(toQueryVariables(filters, { before: 'c0' })).not.toHaveProperty('first');
  });

  it('prefers after when both cursors are present', () => {
    expect(readSearchParams(new URLSearchParams('after=a&before=b')).cursor).toEqual({
      after: 'a',
      before: undefined,
    });
  });

  it('trims and caps the search term at 50 characters', () => {
    const { filters } = readSearchParams(new URLSearchParams({ q: `  ${'职'.repeat(60)} ` }));
    expect(filters.search).toHaveLength(50);
  });
});
