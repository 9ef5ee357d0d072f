import { getGraphqlClient, useQuery, type PageVariables } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const AgencyRegisterQuery = graphql(`
  query AgencyRegister(
    $search: String
    $regionCode: String
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    publicAgencies(
      search: $search
      regionCode: $regionCode
      first: $first
      after: $after
      last: $last
      before: $before
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          name
          kindName
          status
          statusName
          filingNumber
          regionCode
          validFrom
          validUntil
          address
          contactPhone
          institution {
            name
            schoolTypeName
          }
        }
      }
    }
  }
`);

export interface RegisterFilters {
  search: string | null;
  regionCode: string | null;
}

/** 机构名录（已备案、暂停中的机构），一页 */
export function useAgencyRegister(filters: RegisterFilters, page: PageVariables) {
  return useQuery(AgencyRegisterQuery, {
    variables: { ...filters, ...page },
    fetchPolicy: 'cache-and-network',
  });
}

type RegisterData = NonNullable<ReturnType<typeof useAgencyRegister>['data']>;
export type RegisterAgency = RegisterData['publicAgencies']['edges'][number]['node'];

/** Every agency the filters select, page by page (200, the API's largest page), for an export. */
export async function allRegisterAgencies(filters: RegisterFilters): Promise<RegisterAgency[]> {
  const rows: RegisterAgency[] = [];
  let after: string | null = null;
  for (;;) {
    const { data }: { data?: RegisterData } = await getGraphqlClient().query({
      query: AgencyRegisterQuery,
      variables: { ...filters, first: 200, after },
      fetchPolicy: 'network-only',
    });
    if (!data) throw new Error('机构名录未能加载');
    rows.push(...data.publicAgencies.edges.map((e) => e.node));
    if (!data.publicAgencies.pageInfo.hasNextPage) return rows;
    after = data.publicAgencies.pageInfo.endCursor ?? null;
  }
}
