// Request policy at the edge: depth and cost limits for everyone, and trusted documents for partners (an API
// key may run only registered operations it lists).
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Principal } from '@skills/service-kit';
import { LRUCache } from 'lru-cache';
import { operationKey } from './operation-key.js';
import type { PersistedOperation } from './persisted.js';

export interface PolicyContext extends BaseContext {
  principal: Principal;
  /** operations a partner's API key may run (null for other callers) */
  allowedOperations: readonly string[] | null;
  /** the gateway's own start-up planning of registered operations (never set for a request) */
  warmUp?: boolean;
}

export interface Limits {
  maxDepth: number;
  maxCost: number;
  /** aliased fields in one operation (fragments counted where they are spread) */
  maxAliases: number;
  /** fields at the root of one operation */
  maxRootFields: number;
}

export interface OperationShape {
  depth: number;
  aliases: number;
  rootFields: number;
}

/**
 * Depth (deepest field nesting), aliases and root fields of an operation, following fragments (a fragment cycle
 * counts once). Aliases and root fields are counted because the cost estimate does not stop them: thousands of
 * aliases of a cheap or free field (`__typename`) cost the gateway parsing, planning and the subgraphs work all
 * the same.
 */
export function operationShape(
  op: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
): OperationShape {
  let aliases = 0;
  let rootFields = 0;
  const walk = (set: SelectionSetNode, seen: Set<string>, root: boolean): number => {
    let max = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.alias) aliases++;
        if (root) rootFields++;
        if (sel.name.value.startsWith('__')) continue;
        max = Math.max(max, 1 + (sel.selectionSet ? walk(sel.selectionSet, seen, false) : 0));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, walk(sel.selectionSet, seen, root));
      } else {
        const f = fragments.get(sel.name.value);
        if (f && !seen.has(f.name.value))
          max = Math.max(max, walk(f.selectionSet, new Set([...seen, f.name.value]), root));
      }
    }
    return max;
  };
  return { depth: walk(op.selectionSet, new Set(), true), aliases, rootFields };
}

/** Lists multiply what they contain: `occupations(first: 100) { … }` costs 100 × its selection. */
const listEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const n =
    typeof args.first === 'number'
      ? args.first
      : typeof args.last === 'number'
        ? args.last
        : typeof args.n === 'number'
          ? args.n
          : 1;
  return 1 + childComplexity * Math.max(1, n);
};

function refuse(code: string, message: string, status = 400) {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

export function policyPlugin(
  limits: Limits,
  registered: readonly PersistedOperation[],
): ApolloServerPlugin<PolicyContext> {
  const byHash = new Map(registered.map((o) => [o.sha256Hash, o]));
  const shapes = new WeakMap<OperationDefinitionNode, OperationShape>();
  const costs = new LRUCache<string, number>({ max: 5000 });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          const { contextValue: ctx, operation, document } = rc;
          if (!operation || ctx.warmUp) return; // graphql-js reports a missing operation itself
          if (ctx.principal.kind === 'partner') {
            const trusted = rc.queryHash ? byHash.get(rc.queryHash) : undefined;
            if (!trusted || trusted.name !== operation.name?.value) {
              throw refuse(
                'PERSISTED_QUERY_REQUIRED',
                '合作方只能调用已登记的操作（请发送操作的 sha256Hash）',
                403,
              );
            }
            if (!ctx.allowedOperations?.includes(trusted.name)) {
              throw refuse('FORBIDDEN', `该接口密钥未获准调用操作 ${trusted.name}`, 403);
            }
          }
          // The shape depends on the document only, the cost also on the variables (list sizes): both are
          // computed once per operation (and variables) rather than on every request (docs/adr/0008).
          let shape = shapes.get(operation);
          if (shape === undefined) {
            const fragments = new Map(
              (document as DocumentNode).definitions
                .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
                .map((f) => [f.name.value, f]),
            );
            shape = operationShape(operation, fragments);
            shapes.set(operation, shape);
          }
          if (shape.depth > limits.maxDepth)
            throw refuse(
              'QUERY_TOO_DEEP',
              `查询嵌套层级过深（${shape.depth} 层，最多 ${limits.maxDepth} 层）`,
            );
          if (shape.aliases > limits.maxAliases)
            throw refuse(
              'TOO_MANY_ALIASES',
              `查询中的别名过多（${shape.aliases} 个，最多 ${limits.maxAliases} 个），请改用列表查询或分次查询`,
            );
          if (shape.rootFields > limits.maxRootFields)
            throw refuse(
              'TOO_MANY_ROOT_FIELDS',
              `一次查询的顶层字段过多（${shape.rootFields} 个，最多 ${limits.maxRootFields} 个），请分次查询`,
            );
          const costKey = operationKey(rc.queryHash, rc.request);
          let cost = costs.get(costKey);
          if (cost === undefined) {
            try {
              cost = getComplexity({
                schema: rc.schema,
                query: document,
                ...(operation.name ? { operationName: operation.name.value } : {}),
                variables: rc.request.variables ?? {},
                estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
              });
            } catch (e) {
              // missing or mistyped variables: the caller's mistake, said as such (not an internal error)
              throw refuse('BAD_USER_INPUT', `请求变量不正确：${(e as Error).message}`);
            }
            costs.set(costKey, cost);
          }
          if (cost > limits.maxCost)
            throw refuse(
              'QUERY_TOO_COSTLY',
              `查询过于复杂（成本 ${cost}，上限 ${limits.maxCost}），请减少每页条数或字段`,
            );
        },
      };
    },
  };
}
