// Options every subgraph's SchemaBuilder shares, so the subgraphs stay alike. Each service declares its own
// `new SchemaBuilder<...>` in builder.ts with the plugins imported there (its Prisma types differ, and the
// plugins' type augmentations only apply where the plugin modules are imported).
import { GraphQLError } from 'graphql';
import { errorMessage } from '@skills/domain';
import type { RequestContext } from './subgraph.js';

/** Refusals from scope-auth become typed errors: UNAUTHENTICATED for anonymous callers, FORBIDDEN otherwise. */
export function unauthorizedError(ctx: RequestContext): GraphQLError {
  const code = ctx.principal.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
  return new GraphQLError(errorMessage(code), { extensions: { code } });
}

export const relayOptions = {
  clientMutationId: 'omit',
  cursorType: 'String',
  // Keys are natural codes, so global ids are not needed for refetching; keep the schema small.
  nodeQueryOptions: false,
  nodesQueryOptions: false,
  // Every subgraph with connections defines PageInfo; federation requires it to be shareable.
  pageInfoTypeOptions: { shareable: true },
} as const;

/** Federation link version the subgraphs speak. */
export const FEDERATION_LINK = 'https://specs.apollo.dev/federation/v2.6';
