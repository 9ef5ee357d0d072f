import { ApolloProvider } from '@apollo/client/react';
import { createElement, type ReactNode } from 'react';
import { getGraphqlClient } from './client.js';

/** Provides the page's configured client to the hooks below. */
export function GraphqlProvider({ children }: { children?: ReactNode }) {
  return createElement(ApolloProvider, { client: getGraphqlClient(), children });
}
