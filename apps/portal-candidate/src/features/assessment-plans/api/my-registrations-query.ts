import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const MyRegistrationsQuery = graphql(`
  query MyRegistrations {
    myRegistrations {
      id
      statusName
      plan {
        id
        title
        level
        statusName
        assessmentDate
      }
      score {
        theory
        theoryMarkName
        practical
        practicalMarkName
      }
      result {
        passed
      }
    }
  }
`);

/** 本人的报名、成绩与结果 */
export function useMyRegistrations(skip: boolean) {
  return useQuery(MyRegistrationsQuery, { skip });
}
