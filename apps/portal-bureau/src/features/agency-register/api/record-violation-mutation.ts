import { useMutation } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const RecordViolationMutation = graphql(`
  mutation RecordViolation(
    $agencyId: ID!
    $type: ViolationType!
    $severity: ViolationSeverity!
    $description: String!
    $deadline: DateTime!
  ) {
    recordViolation(
      agencyId: $agencyId
      type: $type
      severity: $severity
      description: $description
      deadline: $deadline
    ) {
      id
      consequence
    }
  }
`);

/** 记录检查发现的违规 */
export function useRecordViolation() {
  return useMutation(RecordViolationMutation, { refetchQueries: ['AgencyDetail'] });
}
