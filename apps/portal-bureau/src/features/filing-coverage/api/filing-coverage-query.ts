import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const FilingCoverageQuery = graphql(`
  query FilingCoverage($regionCode: String!) {
    filingCoverage(regionCode: $regionCode) {
      regionCode
      regionName
      vocationalColleges
      filed
      ratio
      target
      deadline
      deadlinePassed
      byRegion {
        regionCode
        regionName
        vocationalColleges
        filed
        ratio
      }
      missing {
        creditCode
        name
        schoolTypeName
        regionCode
        filedAgencyKinds
      }
    }
  }
`);

/** 备案覆盖率 */
export function useFilingCoverage(regionCode: string | undefined) {
  return useQuery(FilingCoverageQuery, {
    variables: { regionCode: regionCode ?? '' },
    skip: !regionCode,
    fetchPolicy: 'cache-and-network',
  });
}
