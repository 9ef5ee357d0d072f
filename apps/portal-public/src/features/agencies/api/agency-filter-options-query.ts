import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const AgencyFilterOptionsQuery = graphql(`
  query AgencyFilterOptions($occupation: String, $withOccupation: Boolean!) {
    regions(parentCode: "350500") {
      code
      name
    }
    occupations(search: $occupation, first: 1) @include(if: $withOccupation) {
      edges {
        node {
          code
          name
        }
      }
    }
  }
`);

/** 地区选项（泉州市各县市区），以及按名称找到的职业（工种） */
export function useAgencyFilterOptions(occupation: string | null) {
  return useQuery(AgencyFilterOptionsQuery, {
    variables: { occupation, withOccupation: Boolean(occupation) },
  });
}
