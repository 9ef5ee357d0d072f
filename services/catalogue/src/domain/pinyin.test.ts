import { describe, expect, it } from 'vitest';
import { pinyinKeys } from './pinyin.js';

describe('pinyinKeys', () => {
  it.each([
    ['电工', 'diangong', 'dg'],
    ['焊工', 'hangong', 'hg'],
    ['茶艺师', 'chayishi', 'cys'],
    ['中式烹调师', 'zhongshipengtiaoshi', 'zspts'],
  ])('%s → %s / %s', (name, full, initials) => {
    expect(pinyinKeys(name)).toEqual({ pinyin: full, initials });
  });
  it('keeps latin letters and digits of mixed names', () => {
    expect(pinyinKeys('3D打印').initials).toBe('3ddy');
  });
});
