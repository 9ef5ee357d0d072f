import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';
import type { OccupationsQueryVariables } from '../../../generated/graphql';

export const OccupationsQuery = graphql(`
  query Occupations(
    $search: String
    $category: Int
    $level: SkillLevel
    $source: CatalogueSource
    $skillType: Boolean
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    occupations(
      search: $search
      category: $category
      level: $level
      source: $source
      skillType: $skillType
      first: $first
      after: $after
      last: $last
      before: $before
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          code
          name
          categoryName
          skillType
          levels
          sources
          verified
        }
      }
    }
  }
`);

/** 职业目录检索 */
export function useOccupations(variables: OccupationsQueryVariables) {
  return useQuery(OccupationsQuery, { variables });
}
