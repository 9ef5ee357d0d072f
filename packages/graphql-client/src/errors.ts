import { CombinedGraphQLErrors } from '@apollo/client';

/** The `extensions.code` of the first GraphQL error, e.g. `OCCUPATION_NOT_FOUND`. */
export function graphqlErrorCode(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** A message to show a user: the server's (Chinese) message, or a generic one for network failures. */
export function graphqlErrorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => e.message).join('；');
  return '无法连接服务，请稍后重试';
}
