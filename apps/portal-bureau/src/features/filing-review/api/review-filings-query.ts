import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const ReviewFilingsQuery = graphql(`
  query ReviewFilings($open: Boolean, $first: Int) {
    filings(open: $open, first: $first) {
      totalCount
      edges {
        node {
          id
          type
          status
          statusName
          regionCode
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
            kindName
            institution {
              name
              schoolTypeName
            }
            events {
              id
              type
              reason
              at
            }
          }
        }
      }
    }
  }
`);

/** One page: the newest filings first; `totalCount` says how many there are in all. */
export const REVIEW_PAGE_SIZE = 200;

/** 备案审核队列：本地区的备案申请（服务端按账号地区筛选），带机构办理记录（补正说明） */
export function useReviewFilings(open: boolean) {
  return useQuery(ReviewFilingsQuery, {
    variables: { open, first: REVIEW_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
}
