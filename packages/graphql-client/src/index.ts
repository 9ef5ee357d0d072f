// @skills/graphql-client — the portals' one GraphQL client (a module-federation singleton) and what they share
// about the schema. Portals import hooks from here, never from @apollo/client directly, so one Apollo copy and
// one cache serve the whole page.
export {
  configureGraphqlClient,
  createGraphqlClient,
  getGraphqlClient,
  resetGraphqlClient,
} from './client.js';
export { GraphqlProvider } from './provider.js';
export {
  authenticatedFetch,
  REFRESH_TOKEN_KEY,
  session,
  SessionError,
  SessionManager,
  type SessionAccount,
  type SessionRole,
  type SessionSnapshot,
  type SessionStatus,
} from './session.js';
export { hasAnyRole, useSession } from './use-session.js';
export { graphqlErrorCode, graphqlErrorMessage } from './errors.js';
export * from './labels.js';
export {
  pageVariables,
  readPageCursor,
  withPageCursor,
  type PageCursor,
  type PageVariables,
} from './pagination.js';
export type * from './generated/schema.js';
export { useQuery, useLazyQuery, useMutation, useSuspenseQuery } from '@apollo/client/react';
export { NetworkStatus } from '@apollo/client';
export type { TypedDocumentNode } from '@apollo/client';
