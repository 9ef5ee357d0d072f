import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const AgencyRegisterQuery = graphql(`
  query AgencyRegister($search: String, $regionCode: String, $occupationCode: String, $first: Int) {
    publicAgencies(search: $search, regionCode: $regionCode, occupationCode: $occupationCode, first: $first) {
      totalCount
      edges {
        node {
          id
          name
          kindName
          status
          statusName
          filingNumber
          regionCode
          validUntil
          institution {
            name
            schoolTypeName
          }
        }
      }
    }
  }
`);

/** 机构名录（已备案、暂停中的机构） */
export function useAgencyRegister(variables: { search: string; regionCode: string | undefined }) {
  return useQuery(AgencyRegisterQuery, {
    variables: { search: variables.search || null, regionCode: variables.regionCode ?? null, first: 100 },
    fetchPolicy: 'cache-and-network',
  });
}
