import { CombinedGraphQLErrors } from '@apollo/client';
import { afterEach, describe, expect, it } from 'vitest';
import { configureGraphqlClient, getGraphqlClient, resetGraphqlClient } from './client.js';
import { graphqlErrorCode, graphqlErrorMessage } from './errors.js';
import { CATALOGUE_SOURCE_LABELS } from './labels.js';

afterEach(() => resetGraphqlClient());

describe('the page client', () => {
  it('must be configured before use', () => {
    expect(() => getGraphqlClient()).toThrow('尚未配置');
  });

  it('keeps one client (and cache) per gateway URL', () => {
    const a = configureGraphqlClient('http://127.0.0.1:4000/graphql');
    expect(configureGraphqlClient('http://127.0.0.1:4000/graphql')).toBe(a);
    expect(getGraphqlClient()).toBe(a);
    expect(configureGraphqlClient('http://127.0.0.1:4100/graphql')).not.toBe(a);
  });
});

describe('errors', () => {
  it('reads the code and message of a GraphQL error', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: '未找到职业 9-99-99-99', extensions: { code: 'OCCUPATION_NOT_FOUND' } }],
    });
    expect(graphqlErrorCode(error)).toBe('OCCUPATION_NOT_FOUND');
    expect(graphqlErrorMessage(error)).toBe('未找到职业 9-99-99-99');
  });

  it('gives a generic message for network failures', () => {
    expect(graphqlErrorCode(new TypeError('Failed to fetch'))).toBeUndefined();
    expect(graphqlErrorMessage(new TypeError('Failed to fetch'))).toContain('无法连接服务');
  });
});

it('labels every catalogue source', () => {
  expect(CATALOGUE_SOURCE_LABELS.DADIAN_2022).toContain('大典');
});
