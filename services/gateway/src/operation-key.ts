import type { GraphQLRequest } from '@apollo/server';

const keys = new WeakMap<GraphQLRequest, string>();

/**
 * Which operation, with which variables, a request runs: the key of the cost memo (policy) and, with the
 * language, of the response cache. Built once per request — the variables are serialised once.
 */
export function operationKey(queryHash: string | undefined, request: GraphQLRequest): string {
  let key = keys.get(request);
  if (key === undefined) {
    key = `${queryHash ?? ''}\n${request.operationName ?? ''}\n${JSON.stringify(request.variables ?? {})}`;
    keys.set(request, key);
  }
  return key;
}
