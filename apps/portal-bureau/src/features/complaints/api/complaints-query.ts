import { useMutation, useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const ComplaintsQuery = graphql(`
  query Complaints($open: Boolean) {
    complaints(open: $open, first: 200) {
      totalCount
      edges {
        node {
          id
          content
          contact
          anonymous
          submittedAt
          status
          handledAt
          handlingNote
          agency {
            id
            name
          }
        }
      }
    }
  }
`);

/** 社会监督投诉待办（本地区） */
export function useComplaints(open: boolean) {
  return useQuery(ComplaintsQuery, { variables: { open }, fetchPolicy: 'cache-and-network' });
}

export const HandleComplaintMutation = graphql(`
  mutation HandleComplaint($complaintId: ID!, $note: String!) {
    handleComplaint(complaintId: $complaintId, note: $note) {
      id
      status
      handledAt
      handlingNote
    }
  }
`);

/** 办结投诉 */
export function useHandleComplaint() {
  return useMutation(HandleComplaintMutation, { refetchQueries: ['Complaints'] });
}
