import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const ScopeOptionsQuery = graphql(`
  query ScopeOptions($search: String, $special: Boolean!) {
    occupations(search: $search, skillType: true, first: 10) @skip(if: $special) {
      totalCount
      edges {
        node {
          code
          name
          levels
        }
      }
    }
    specialAbilityProjects(search: $search, first: 10) @include(if: $special) {
      totalCount
      edges {
        node {
          code
          name
        }
      }
    }
  }
`);

/** 从目录中检索可备案的职业（技能类）或专项职业能力考核项目 */
export function useScopeOptions(search: string, special: boolean) {
  return useQuery(ScopeOptionsQuery, { variables: { search, special }, skip: !search.trim() });
}
