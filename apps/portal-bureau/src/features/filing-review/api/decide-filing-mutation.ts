import { useMutation } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const DecideFilingMutation = graphql(`
  mutation DecideFiling($filingId: ID!, $decision: FilingDecision!, $reason: String) {
    decideFiling(filingId: $filingId, decision: $decision, reason: $reason) {
      id
      status
      statusName
      decisionReason
      agency {
        id
        status
        statusName
        filingNumber
      }
    }
  }
`);

/** 市人社局备案决定 */
export function useDecideFiling() {
  return useMutation(DecideFilingMutation, {
    refetchQueries: ['ReviewFilings', 'FilingCoverage', 'BureauFilingTasks'],
  });
}
