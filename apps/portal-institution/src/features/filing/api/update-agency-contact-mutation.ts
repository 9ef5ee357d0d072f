import { useMutation } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const UpdateAgencyContactMutation = graphql(`
  mutation UpdateAgencyContact($agencyId: ID!, $address: String, $contactPhone: String) {
    updateAgencyContact(agencyId: $agencyId, address: $address, contactPhone: $contactPhone) {
      id
      address
      contactPhone
    }
  }
`);

/** 更新机构联系方式（公开显示在评价机构名录） */
export function useUpdateAgencyContact() {
  return useMutation(UpdateAgencyContactMutation, { refetchQueries: ['MyFilings'] });
}
