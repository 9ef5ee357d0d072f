import { useMutation } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const ApplyForFilingMutation = graphql(`
  mutation ApplyForFiling(
    $institutionCode: String!
    $kind: AgencyKind!
    $name: String
    $scope: [ScopeItemInput!]!
    $duties: CollegeDutiesInput!
    $requestKey: String
  ) {
    applyForFiling(
      institutionCode: $institutionCode
      kind: $kind
      name: $name
      scope: $scope
      duties: $duties
      requestKey: $requestKey
    ) {
      id
      status
      statusName
      agency {
        id
        name
      }
    }
  }
`);

/** 申请备案 */
export function useApplyForFiling() {
  return useMutation(ApplyForFilingMutation, { refetchQueries: ['MyFilings'] });
}
