import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { authenticatedFetch, session, type SessionManager } from './session.js';

/**
 * A client for the gateway. Occupations, majors and projects are keyed by their natural codes. Every request
 * carries the session's bearer token (refreshed before expiry, and once more on TOKEN_EXPIRED).
 */
export function createGraphqlClient(uri: string, manager: SessionManager = session): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri, fetch: authenticatedFetch(manager) }),
    cache: new InMemoryCache({
      typePolicies: {
        Occupation: { keyFields: ['code'] },
        Major: { keyFields: ['code'] },
        SpecialAbilityProject: { keyFields: ['code'] },
        CatalogueStats: { keyFields: [] },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-first' } },
  });
}

let current: { uri: string; client: ApolloClient } | undefined;

/**
 * Sets the page's one client (the package is a module-federation singleton, so the shell and the portals it
 * loads share it, and with it the session). A second call with the same URL keeps the existing client and its
 * cache.
 */
export function configureGraphqlClient(uri: string): ApolloClient {
  if (current?.uri !== uri) {
    current = { uri, client: createGraphqlClient(uri) };
    session.configure(uri);
    const client = current.client;
    // another account must never see the previous one's data
    session.onAccountChange = () => void client.clearStore();
  }
  return current.client;
}

export function getGraphqlClient(): ApolloClient {
  if (!current) throw new Error('GraphQL 客户端尚未配置（先读取运行时配置，再调用 configureGraphqlClient）');
  return current.client;
}

/** For tests. */
export function resetGraphqlClient(): void {
  current = undefined;
}
