import { useMutation, useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const ComplaintAgencyQuery = graphql(`
  query ComplaintAgency($id: ID!) {
    agency(id: $id) {
      id
      name
      kindName
      institution {
        name
      }
    }
  }
`);

export const SubmitComplaintMutation = graphql(`
  mutation SubmitComplaint($agencyId: ID!, $content: String!, $contact: String) {
    submitComplaint(agencyId: $agencyId, content: $content, contact: $contact) {
      id
      submittedAt
    }
  }
`);

/** 被投诉的机构（公开名录中的机构） */
export const useComplaintAgency = (id: string) =>
  useQuery(ComplaintAgencyQuery, { variables: { id }, skip: !id });

/** 提交投诉（可匿名） */
export const useSubmitComplaint = () => useMutation(SubmitComplaintMutation);
