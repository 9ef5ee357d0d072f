import { describe, expect, it } from 'vitest';
import { filingNumber, nextStatus } from './workflow.js';

describe('filing workflow', () => {
  it('runs apply → county opinion → city decision', () => {
    expect(nextStatus('SUBMITTED', 'COUNTY_OPINION', true)).toBe('COUNTY_REVIEWED');
    expect(nextStatus('COUNTY_REVIEWED', 'APPROVE', true)).toBe('APPROVED');
    expect(nextStatus('COUNTY_REVIEWED', 'RETURN', true)).toBe('RETURNED');
    expect(nextStatus('RETURNED', 'RESUBMIT', true)).toBe('SUBMITTED');
    expect(nextStatus('COUNTY_REVIEWED', 'REJECT', true)).toBe('REJECTED');
  });
  it('the city cannot decide before the county has given its opinion, unless there is no county', () => {
    expect(() => nextStatus('SUBMITTED', 'APPROVE', true)).toThrow(/待县区审核/);
    expect(nextStatus('SUBMITTED', 'APPROVE', false)).toBe('APPROVED');
    expect(() => nextStatus('SUBMITTED', 'COUNTY_OPINION', false)).toThrow();
  });
  it('nothing moves a decided filing', () => {
    for (const a of ['COUNTY_OPINION', 'APPROVE', 'RETURN', 'REJECT', 'RESUBMIT', 'WITHDRAW'] as const) {
      expect(() => nextStatus('APPROVED', a, true)).toThrow();
      expect(() => nextStatus('REJECTED', a, true)).toThrow();
    }
  });
  it('numbers filings per city and year', () => {
    expect(filingNumber('350500', 2026, 7)).toBe('FJ-350500-2026-0007');
  });
});
