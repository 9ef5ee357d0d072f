import { pinyin } from 'pinyin-pro';

/**
 * Full toneless pinyin and initials of a name, for search (电工 → "diangong", "dg"). Letters and digits that are
 * not Chinese are kept as they are in both (3D打印 → "3ddayin", "3ddy").
 */
export function pinyinKeys(name: string): { pinyin: string; initials: string } {
  const chars = pinyin(name, { type: 'all', toneType: 'none' });
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return {
    pinyin: clean(chars.map((c) => (c.isZh ? c.pinyin : c.origin)).join('')),
    initials: clean(chars.map((c) => (c.isZh ? c.pinyin.charAt(0) : c.origin)).join('')),
  };
}
