import { useMutation } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const RequestScopeChangeMutation = graphql(`
  mutation RequestScopeChange($agencyId: ID!, $scope: [ScopeItemInput!]!, $requestKey: String) {
    requestScopeChange(agencyId: $agencyId, scope: $scope, requestKey: $requestKey) {
      id
      status
      statusName
    }
  }
`);

/** 申请增设职业或等级 */
export function useRequestScopeChange() {
  return useMutation(RequestScopeChangeMutation, { refetchQueries: ['MyFilings'] });
}
