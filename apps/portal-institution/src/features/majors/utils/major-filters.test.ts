import { describe, expect, it } from 'vitest';
import { majorsQueryVariables, readMajorFilters, writeMajorFilters } from './major-filters';

describe('major filters', () => {
  it('round-trips through the URL', () => {
    const filters = { search: '机电', educationLevel: 'HIGHER' as const };
    expect(readMajorFilters(writeMajorFilters(filters))).toEqual(filters);
  });

  it('drops an unknown education level', () => {
    expect(readMajorFilters(new URLSearchParams('level=PHD')).educationLevel).toBeUndefined();
  });

  it('builds query variables with the page cursor', () => {
    expect(majorsQueryVariables(new URLSearchParams('q=46&after=c'))).toEqual({
      search: '46',
      educationLevel: null,
      first: 20,
      after: 'c',
    });
  });
});
