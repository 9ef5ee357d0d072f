import { useMutation, useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const ExpansionPolicyQuery = graphql(`
  query ExpansionPolicy($regionCode: String!) {
    expansionPolicy(regionCode: $regionCode) {
      cityCode
      cityName
      minEvaluations
      setAt
      reason
    }
  }
`);

/** 本市增设所需评价数量（未设定为空） */
export function useExpansionPolicy(regionCode: string | undefined) {
  return useQuery(ExpansionPolicyQuery, {
    variables: { regionCode: regionCode ?? '' },
    skip: !regionCode,
    fetchPolicy: 'cache-and-network',
  });
}

export const SetExpansionPolicyMutation = graphql(`
  mutation SetExpansionPolicy($cityCode: String!, $minEvaluations: Int!, $reason: String!) {
    setExpansionPolicy(cityCode: $cityCode, minEvaluations: $minEvaluations, reason: $reason) {
      cityCode
      minEvaluations
      setAt
      reason
    }
  }
`);

/** 市人社局设定增设所需评价数量 */
export function useSetExpansionPolicy() {
  return useMutation(SetExpansionPolicyMutation, { refetchQueries: ['ExpansionPolicy'] });
}
