import { useMutation } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const RegisterAssessorMutation = graphql(`
  mutation RegisterAssessor(
    $agencyId: ID!
    $name: String!
    $idNumber: String!
    $phone: String
    $qualifications: [AssessorQualificationInput!]!
    $conflicts: [AssessorConflictInput!]
  ) {
    registerAssessor(
      kind: ASSESSOR
      agencyId: $agencyId
      name: $name
      idNumber: $idNumber
      phone: $phone
      qualifications: $qualifications
      conflicts: $conflicts
    ) {
      id
      name
      idNumber
    }
  }
`);

/** 登记考评员（按身份证号幂等：再次登记同一身份证号即更新资格和回避关系） */
export function useRegisterAssessor() {
  return useMutation(RegisterAssessorMutation, { refetchQueries: ['AgencyAssessors'] });
}
