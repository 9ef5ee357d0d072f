import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const OccupationCategoriesQuery = graphql(`
  query OccupationCategories {
    catalogueStats {
      occupations
      byCategory {
        category
        name
        count
      }
    }
  }
`);

/** 大典大类（筛选项），只列出目录中有职业的大类 */
export function useOccupationCategories() {
  return useQuery(OccupationCategoriesQuery);
}
