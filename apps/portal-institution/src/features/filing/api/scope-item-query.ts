import { useLazyQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const ScopeItemQuery = graphql(`
  query ScopeItem($code: String!, $special: Boolean!) {
    occupation(code: $code) @skip(if: $special) {
      code
      name
      levels
    }
    specialAbilityProject(code: $code) @include(if: $special) {
      code
      name
    }
  }
`);

/** 一项已申请范围的名称与标准等级（目录），用于在范围编辑器中回填 */
export function useScopeItemLookup() {
  return useLazyQuery(ScopeItemQuery);
}
