import { pinyin } from 'pinyin-pro';

/** Full toneless pinyin and initials of a Chinese name, for search (电工 → "diangong", "dg"). */
export function pinyinKeys(name: string): { pinyin: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return {
    pinyin: clean(syllables.join('')),
    initials: clean(syllables.map((s) => s.trim().charAt(0)).join('')),
  };
}
