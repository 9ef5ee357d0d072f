import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const AgencyDetailQuery = graphql(`
  query AgencyDetail($id: ID!) {
    agency(id: $id) {
      id
      name
      kind
      kindName
      status
      statusName
      filingNumber
      validFrom
      validUntil
      regionCode
      address
      contactPhone
      institution {
        creditCode
        name
        schoolTypeName
        regionCode
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
        actorId
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
        foundAt
        deadline
        closedAt
        closingNote
        consequence
      }
    }
  }
`);

/** 机构详情：范围、办理记录、违规记录 */
export function useAgencyDetail(id: string) {
  return useQuery(AgencyDetailQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
}
