import { useMutation } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const WithdrawFilingMutation = graphql(`
  mutation WithdrawFiling($filingId: ID!, $reason: String!) {
    withdrawFiling(filingId: $filingId, reason: $reason) {
      id
      status
      statusName
    }
  }
`);

/** 撤回申请 */
export function useWithdrawFiling() {
  return useMutation(WithdrawFilingMutation, { refetchQueries: ['MyFilings', 'CollegeFilingTasks'] });
}
