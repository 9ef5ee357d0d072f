import { useMutation } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const CloseViolationMutation = graphql(`
  mutation CloseViolation($violationId: ID!, $note: String!) {
    closeViolation(violationId: $violationId, note: $note) {
      id
      closedAt
      closingNote
    }
  }
`);

/** 整改完毕，关闭违规记录 */
export function useCloseViolation() {
  return useMutation(CloseViolationMutation, { refetchQueries: ['AgencyDetail'] });
}
