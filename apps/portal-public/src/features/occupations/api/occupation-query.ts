import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const OccupationQuery = graphql(`
  query Occupation($code: String!) {
    occupation(code: $code) {
      code
      name
      category
      categoryName
      skillType
      levels
      standard
      sources
      verified
      version
      updatedAt
      majors {
        code
        name
        educationLevel
      }
    }
  }
`);

/** 职业详情 */
export function useOccupation(code: string) {
  return useQuery(OccupationQuery, { variables: { code } });
}
