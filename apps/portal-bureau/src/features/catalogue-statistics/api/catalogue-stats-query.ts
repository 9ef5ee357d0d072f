import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const CatalogueStatsQuery = graphql(`
  query CatalogueStats {
    catalogueStats {
      occupations
      skillTypeOccupations
      unverifiedOccupations
      specialAbilityProjects
      majors
      lastImportAt
      bySource {
        source
        count
      }
      byCategory {
        category
        name
        count
      }
    }
  }
`);

/** 目录统计 */
export function useCatalogueStats() {
  return useQuery(CatalogueStatsQuery, { fetchPolicy: 'cache-and-network' });
}
