import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';
import type { OpenAssessmentPlansQueryVariables } from '../../../generated/graphql';

export const OpenAssessmentPlansQuery = graphql(`
  query OpenAssessmentPlans($first: Int, $after: String, $last: Int, $before: String) {
    openAssessmentPlans(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          title
          agencyName
          kindName
          occupationCode
          level
          assessmentDate
          registrationClosesAt
          capacity
          registeredCount
        }
      }
    }
  }
`);

/** 正在报名的评价计划 */
export function useOpenAssessmentPlans(variables: OpenAssessmentPlansQueryVariables) {
  return useQuery(OpenAssessmentPlansQuery, { variables });
}
