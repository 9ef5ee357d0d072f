import { getGraphqlClient } from '@skills/graphql-client';
import type { ApiFile } from '@skills/ui-kit';
import { graphql } from '../../../generated';

export const FilingCertificateQuery = graphql(`
  query FilingCertificate($agencyId: ID!) {
    filingCertificate(agencyId: $agencyId) {
      fileName
      contentType
      base64
    }
  }
`);

/** 备案证明（PDF），本校机构，每次重新生成 */
export async function fetchFilingCertificate(agencyId: string): Promise<ApiFile> {
  const { data } = await getGraphqlClient().query({
    query: FilingCertificateQuery,
    variables: { agencyId },
    fetchPolicy: 'no-cache',
  });
  if (!data) throw new Error('备案证明未能生成');
  return data.filingCertificate;
}
