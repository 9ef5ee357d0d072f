import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const MyAssessmentPlansQuery = graphql(`
  query MyAssessmentPlans {
    assessmentPlans(first: 100) {
      totalCount
      edges {
        node {
          id
          number
          title
          agencyName
          occupationCode
          level
          kindName
          status
          statusName
          assessmentDate
          capacity
          registeredCount
          publicationEndsAt
        }
      }
    }
  }
`);

/** 本校评价机构的评价计划 */
export function useMyAssessmentPlans() {
  return useQuery(MyAssessmentPlansQuery);
}
