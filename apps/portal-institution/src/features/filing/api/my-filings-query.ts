import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const MyFilingsQuery = graphql(`
  query MyFilings($first: Int) {
    filings(first: $first) {
      totalCount
      edges {
        node {
          id
          type
          status
          statusName
          requestedScope {
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
          countyOpinion
          countyAgrees
          decisionReason
          submittedAt
          decidedAt
          agency {
            id
            name
            kind
            kindName
            status
            statusName
            filingNumber
            address
            contactPhone
            validFrom
            validUntil
            institution {
              creditCode
              name
              schoolType
              schoolTypeName
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
            events {
              type
              typeName
              fromStatus
              toStatus
              actor {
                id
                displayName
                organisationName
              }
              reason
              at
            }
            violations {
              id
              type
              severity
              description
              deadline
              closedAt
              consequence
            }
          }
        }
      }
    }
  }
`);

/** 本校的备案申请（含机构、范围、办理记录） */
export function useMyFilings() {
  return useQuery(MyFilingsQuery, { variables: { first: 200 }, fetchPolicy: 'cache-and-network' });
}

type MyFilingsData = NonNullable<ReturnType<typeof useMyFilings>['data']>;
/** One filing of the college, with its agency. */
export type MyFiling = MyFilingsData['filings']['edges'][number]['node'];
