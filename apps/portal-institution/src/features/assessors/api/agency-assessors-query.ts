import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const AgencyAssessorsQuery = graphql(`
  query AgencyAssessors($id: ID!) {
    agency(id: $id) {
      id
      name
      status
      statusName
      assessors(first: 200) {
        totalCount
        edges {
          node {
            id
            kind
            name
            idNumber
            phone
            qualifications {
              occupationCode
              level
            }
            conflicts {
              type
              personName
              personIdNumber
            }
          }
        }
      }
    }
  }
`);

/** 本校评价机构的考评员（身份证号、手机号由服务端脱敏） */
export function useAgencyAssessors(agencyId: string) {
  return useQuery(AgencyAssessorsQuery, {
    variables: { id: agencyId },
    skip: !agencyId,
    fetchPolicy: 'cache-and-network',
  });
}
