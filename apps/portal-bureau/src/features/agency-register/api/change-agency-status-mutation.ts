import { useMutation } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const ChangeAgencyStatusMutation = graphql(`
  mutation ChangeAgencyStatus($agencyId: ID!, $status: AgencyStatusChange!, $reason: String!) {
    changeAgencyStatus(agencyId: $agencyId, status: $status, reason: $reason) {
      id
      status
      statusName
    }
  }
`);

/** 暂停、注销或恢复评价机构 */
export function useChangeAgencyStatus() {
  return useMutation(ChangeAgencyStatusMutation, { refetchQueries: ['AgencyDetail', 'AgencyRegister'] });
}
