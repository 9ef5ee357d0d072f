import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';
import type { SpecialAbilityProjectsQueryVariables } from '../../../generated/graphql';

export const SpecialAbilityProjectsQuery = graphql(`
  query SpecialAbilityProjects($search: String, $first: Int, $after: String, $last: Int, $before: String) {
    specialAbilityProjects(search: $search, first: $first, after: $after, last: $last, before: $before) {
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
          industry
          regionCode
          description
        }
      }
    }
  }
`);

/** 专项职业能力考核项目（考生可报考） */
export function useSpecialAbilityProjects(variables: SpecialAbilityProjectsQueryVariables) {
  return useQuery(SpecialAbilityProjectsQuery, { variables });
}
