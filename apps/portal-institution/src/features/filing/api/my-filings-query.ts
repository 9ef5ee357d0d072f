import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const MyFilingsQuery = graphql(`
  query MyFilings {
    filings {
      id
      type
      status
      statusName
      requestedScope {
        occupationCode
        kind
        levels
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
`);

/** 本校的备案申请（含机构、范围、办理记录） */
export function useMyFilings() {
  return useQuery(MyFilingsQuery, { fetchPolicy: 'cache-and-network' });
}
