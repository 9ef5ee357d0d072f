import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const OccupationAgenciesQuery = graphql(`
  query OccupationAgencies($code: String!) {
    publicAgencies(occupationCode: $code, first: 10) {
      totalCount
      edges {
        node {
          id
          name
          kindName
          institution {
            name
          }
          scope {
            occupationCode
            levels
          }
        }
      }
    }
  }
`);

/** 可评价该职业的评价机构（公开名录中已备案、范围含该职业的机构，前 10 家） */
export function useOccupationAgencies(code: string) {
  return useQuery(OccupationAgenciesQuery, { variables: { code }, skip: !code });
}
