import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const MyInstitutionQuery = graphql(`
  query MyInstitution($creditCode: String!) {
    institution(creditCode: $creditCode) {
      creditCode
      name
      schoolType
      schoolTypeName
      regionCode
    }
  }
`);

/** 本校（按账号所属机构的信用代码） */
export function useMyInstitution(creditCode: string | undefined) {
  const result = useQuery(MyInstitutionQuery, {
    variables: { creditCode: creditCode ?? '' },
    skip: !creditCode,
  });
  return { ...result, institution: result.data?.institution ?? undefined };
}
