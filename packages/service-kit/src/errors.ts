import { errorMessage, isDomainError, type DomainError, type ErrorCode } from '@skills/domain';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger.js';

/** A typed GraphQL error: Chinese message for users, the domain code in extensions.code. */
export function graphqlError(code: ErrorCode, params?: Record<string, string | number>, details?: unknown) {
  return new GraphQLError(errorMessage(code, params), { extensions: extensionsOf(code, params, details) });
}

/** Bad input in one argument: the Chinese reason is the message, the field is named for the client. */
export function badInput(field: string, reason: string) {
  return new GraphQLError(reason, { extensions: { code: 'BAD_USER_INPUT', field } });
}

/** A failure of the Pothos validation plugin (Standard Schema issues): BAD_USER_INPUT with the first issue's
 *  message (the schemas give Chinese ones) and the field it is about. */
export function inputValidationError(failure: {
  issues: ReadonlyArray<{ message: string; path?: ReadonlyArray<PropertyKey | { key: PropertyKey }> }>;
}): GraphQLError {
  const issue = failure.issues[0];
  const field = (issue?.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.');
  return badInput(field, issue?.message ?? errorMessage('BAD_USER_INPUT'));
}

/** Nothing found for a well-formed key: NOT_FOUND, with what was looked for in the message. */
export function notFound(what: string) {
  return new GraphQLError(`未找到${what}`, { extensions: { code: 'NOT_FOUND' } });
}

export function fromDomainError(e: DomainError): GraphQLError {
  return new GraphQLError(e.message, { extensions: extensionsOf(e.code, e.params, e.details) });
}

function extensionsOf(
  code: ErrorCode,
  params: Record<string, string | number> | undefined,
  details: unknown,
) {
  return {
    code,
    ...(params && Object.keys(params).length ? { params } : {}),
    ...(details === undefined ? {} : { details }),
  };
}

/**
 * Apollo Server formatError: domain errors pass through; anything unexpected is logged and replaced with a
 * generic Chinese message so internals (SQL, stack traces) never reach a user.
 */
export function makeFormatError(log: Logger, exposeInternals: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Duck-typed: a test runner may load graphql twice, and instanceof fails across copies.
    const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
    if (isDomainError(original)) {
      return {
        ...formatted,
        message: original.message,
        extensions: {
          ...formatted.extensions,
          ...extensionsOf(original.code, original.params, original.details),
        },
      };
    }
    const code = formatted.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
      log.error({ err: original, path: formatted.path }, 'unexpected error');
      if (!exposeInternals) {
        return { message: errorMessage('INTERNAL'), path: formatted.path, extensions: { code: 'INTERNAL' } };
      }
    }
    return formatted;
  };
}
