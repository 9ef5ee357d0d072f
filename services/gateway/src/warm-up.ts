// Start-up planning of the registered operations (docs/adr/0008): they are known before any partner calls them,
// so the gateway parses, validates and plans them once at start (Apollo's document store and the gateway's plan
// cache keep the results). Each is run as a dry run that the gateway stops right after planning, before any
// subgraph is asked; variables get placeholder values, which planning does not depend on.
import {
  GraphQLError,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Logger } from '@skills/service-kit';
import type { PersistedOperation } from './persisted.js';

export const WARM_UP_DONE = 'WARM_UP_DONE';

/** Thrown after planning to end a warm-up run before execution (a coded error: not logged as unexpected). */
export const warmUpDone = () => new GraphQLError('warm-up', { extensions: { code: WARM_UP_DONE } });

/** A value of the type that input coercion accepts; `null` for a nullable type. */
function placeholder(type: GraphQLInputType): unknown {
  if (!isNonNullType(type)) return null;
  const inner = type.ofType;
  if (isListType(inner)) return [];
  if (isEnumType(inner)) return inner.getValues()[0]?.name ?? null;
  if (isInputObjectType(inner))
    return Object.fromEntries(
      Object.values(inner.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, placeholder(f.type)]),
    );
  switch (inner.name) {
    case 'Int':
    case 'Float':
      return 0;
    case 'Boolean':
      return false;
    case 'DateTime':
      return '2026-01-01T00:00:00.000Z';
    default:
      return '0';
  }
}

/** Placeholder variables for a registered operation, against the gateway's API schema. */
export function placeholderVariables(schema: GraphQLSchema, op: PersistedOperation): Record<string, unknown> {
  const def = parse(op.query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const vars: Record<string, unknown> = {};
  for (const v of def && def.kind === Kind.OPERATION_DEFINITION ? (def.variableDefinitions ?? []) : []) {
    if (v.defaultValue) continue;
    const type = typeFromAST(schema, v.type as never) as GraphQLInputType | undefined;
    if (type && isNonNullType(type)) vars[v.variable.name.value] = placeholder(type);
  }
  return vars;
}

/**
 * Runs each registered operation as a dry run (`contextValue` must make the gateway stop after planning, see
 * warmUpDone) and says how many were planned. One that cannot be planned is logged, not fatal.
 */
export async function planAtStart<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  schema: GraphQLSchema,
  operations: readonly PersistedOperation[],
  log: Logger,
  contextValue: () => TContext,
): Promise<{ operations: number; ms: number }> {
  const start = performance.now();
  let planned = 0;
  for (const op of operations) {
    const r = await apollo.executeOperation(
      { query: op.query, operationName: op.name, variables: placeholderVariables(schema, op) },
      { contextValue: contextValue() },
    );
    const errors = r.body.kind === 'single' ? (r.body.singleResult.errors ?? []) : [];
    if (errors.length && errors.every((e) => e.extensions?.code === WARM_UP_DONE)) planned++;
    else log.warn({ operation: op.name, errors }, 'a registered operation could not be planned at start');
  }
  return { operations: planned, ms: Math.round(performance.now() - start) };
}
