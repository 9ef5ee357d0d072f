import { useMutation } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const ResubmitFilingMutation = graphql(`
  mutation ResubmitFiling($filingId: ID!, $note: String) {
    resubmitFiling(filingId: $filingId, note: $note) {
      id
      status
      statusName
    }
  }
`);

/** 补正后重新提交 */
export function useResubmitFiling() {
  return useMutation(ResubmitFilingMutation, { refetchQueries: ['MyFilings'] });
}
