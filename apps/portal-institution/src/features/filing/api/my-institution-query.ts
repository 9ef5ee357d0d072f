import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const MyInstitutionQuery = graphql(`
  query MyInstitution($search: String) {
    institutions(search: $search) {
      creditCode
      name
      schoolType
      schoolTypeName
      regionCode
    }
  }
`);

/** 本校（按账号所属机构的信用代码） */
export function useMyInstitution(creditCode: string | undefined, name: string | undefined) {
  const result = useQuery(MyInstitutionQuery, { variables: { search: name ?? null }, skip: !creditCode });
  const institution = result.data?.institutions.find((i) => i.creditCode === creditCode);
  return { ...result, institution };
}
