import { useQuery, type PageVariables } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const PublicAgenciesQuery = graphql(`
  query PublicAgencies(
    $search: String
    $regionCode: String
    $occupationCode: String
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    publicAgencies(
      search: $search
      regionCode: $regionCode
      occupationCode: $occupationCode
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
          id
          name
          kindName
          statusName
          status
          filingNumber
          validUntil
          regionCode
          address
          contactPhone
          institution {
            name
          }
          scope {
            occupationCode
            kind
            levels
            occupation {
              code
              name
            }
            specialAbilityProject {
              code
              name
            }
          }
        }
      }
    }
  }
`);

/** 评价机构公开名录 */
export function usePublicAgencies(
  filters: { search: string | null; regionCode: string | null; occupationCode: string | null },
  page: PageVariables,
) {
  return useQuery(PublicAgenciesQuery, { variables: { ...filters, ...page } });
}
