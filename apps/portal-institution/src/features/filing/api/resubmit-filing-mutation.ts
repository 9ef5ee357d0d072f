import { useMutation } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const ResubmitFilingMutation = graphql(`
  mutation ResubmitFiling($filingId: ID!, $note: String, $scope: [ScopeItemInput!]) {
    resubmitFiling(filingId: $filingId, note: $note, scope: $scope) {
      id
      status
      statusName
      requestedScope {
        occupationCode
        kind
        levels
      }
    }
  }
`);

/** 补正后重新提交（可附更正后的申请范围，服务端按原申请的规则校验） */
export function useResubmitFiling() {
  return useMutation(ResubmitFilingMutation, { refetchQueries: ['MyFilings', 'CollegeFilingTasks'] });
}
