import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const RegionNamesQuery = graphql(`
  query RegionNames($parentCode: String) {
    regions(parentCode: $parentCode) {
      code
      name
    }
  }
`);

/** 下级行政区划名称（地区代码 → 名称） */
export function useRegionNames(parentCode: string | undefined) {
  const result = useQuery(RegionNamesQuery, {
    variables: { parentCode: parentCode ?? null },
    skip: !parentCode,
  });
  const names = new Map(result.data?.regions.map((r) => [r.code, r.name]) ?? []);
  return { ...result, regions: result.data?.regions ?? [], names };
}
