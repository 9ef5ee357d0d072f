import { describe, expect, it } from 'vitest';
import { cityLevelOf } from './bureau-account';

describe('the bureau’s city, from the region data', () => {
  it('a county and a functional zone belong to their city; 平潭综合实验区 is city-level itself', () => {
    expect(cityLevelOf('350582')).toBe('350500');
    expect(cityLevelOf('350500-KFQ')).toBe('350500');
    expect(cityLevelOf('350128')).toBe('350128');
    expect(cityLevelOf('350000')).toBeUndefined();
  });
});
