import { useMutation } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const GiveCountyOpinionMutation = graphql(`
  mutation GiveCountyOpinion($filingId: ID!, $agree: Boolean!, $opinion: String!) {
    giveCountyOpinion(filingId: $filingId, agree: $agree, opinion: $opinion) {
      id
      status
      statusName
      countyOpinion
      countyAgrees
    }
  }
`);

/** 县（区）人社部门审核意见 */
export function useGiveCountyOpinion() {
  return useMutation(GiveCountyOpinionMutation, { refetchQueries: ['ReviewFilings', 'BureauFilingTasks'] });
}
