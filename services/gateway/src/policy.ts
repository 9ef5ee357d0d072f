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
}

/** Deepest field nesting of an operation, following fragments (a fragment cycle counts once). */
export function operationDepth(
  op: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
): number {
  const walk = (set: SelectionSetNode, seen: Set<string>): number => {
    let max = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        max = Math.max(max, 1 + (sel.selectionSet ? walk(sel.selectionSet, seen) : 0));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, walk(sel.selectionSet, seen));
      } else {
        const f = fragments.get(sel.name.value);
        if (f && !seen.has(f.name.value))
          max = Math.max(max, walk(f.selectionSet, new Set([...seen, f.name.value])));
      }
    }
    return max;
  };
  return walk(op.selectionSet, new Set());
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
  const depths = new WeakMap<OperationDefinitionNode, number>();
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
          // Depth depends on the document only, cost also on the variables (list sizes): both are computed
          // once per operation (and variables) rather than on every request (docs/adr/0008).
          let depth = depths.get(operation);
          if (depth === undefined) {
            const fragments = new Map(
              (document as DocumentNode).definitions
                .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
                .map((f) => [f.name.value, f]),
            );
            depth = operationDepth(operation, fragments);
            depths.set(operation, depth);
          }
          if (depth > limits.maxDepth)
            throw refuse('QUERY_TOO_DEEP', `查询嵌套层级过深（${depth} 层，最多 ${limits.maxDepth} 层）`);
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
