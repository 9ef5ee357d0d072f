import { findRegion, parentRegion } from '@skills/domain';

/** `350526` → `泉州市德化县`; a code outside the Fujian data is shown as is; no code = 全省. */
export function regionLabel(code: string | null | undefined): string {
  if (!code) return '全省';
  const region = findRegion(code);
  if (!region) return code;
  const parent = parentRegion(code);
  return parent && parent.kind === 'CITY' ? `${parent.name}${region.name}` : region.name;
}
