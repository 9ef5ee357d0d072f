import { describe, expect, it } from 'vitest';
import { coverageOf } from './coverage.js';

const colleges = [
  { creditCode: 'A', schoolType: 'HIGHER_VOCATIONAL', regionCode: '350503', filed: true },
  { creditCode: 'B', schoolType: 'SECONDARY_VOCATIONAL', regionCode: '350582', filed: false },
  { creditCode: 'C', schoolType: 'UNDERGRADUATE', regionCode: '350582', filed: false }, // not a vocational college
  { creditCode: 'D', schoolType: 'JUNIOR_COLLEGE', regionCode: '350102', filed: false }, // 福州
];

describe('coverageOf', () => {
  it('counts vocational colleges of the region with a filed agency, and lists the missing', () => {
    expect(coverageOf('350500', colleges)).toEqual({
      regionCode: '350500',
      vocationalColleges: 2,
      filed: 1,
      ratio: 0.5,
      missing: ['B'],
    });
    expect(coverageOf('350582', colleges)).toMatchObject({ vocationalColleges: 1, filed: 0, ratio: 0 });
    expect(coverageOf('350000', colleges).vocationalColleges).toBe(3);
  });
  it('a region without vocational colleges is fully covered', () => {
    expect(coverageOf('350527', colleges)).toMatchObject({ vocationalColleges: 0, ratio: 1 });
  });
});
