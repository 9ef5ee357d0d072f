import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';
import type { MajorsQueryVariables } from '../../../generated/graphql';

export const MajorsQuery = graphql(`
  query Majors(
    $search: String
    $educationLevel: EducationLevel
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    majors(
      search: $search
      educationLevel: $educationLevel
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
          educationLevel
          occupations {
            code
            name
            skillType
            levels
          }
        }
      }
    }
  }
`);

/** 专业及其对接职业（专业对接） */
export function useMajors(variables: MajorsQueryVariables) {
  return useQuery(MajorsQuery, { variables });
}
