// Pieces every subgraph's commands and resolvers share (assessment and agencies each had a copy; new services
// use these).
import { isDomainError } from '@skills/domain';
import { fromDomainError } from './errors.js';

/** Runs a command; domain refusals become typed GraphQL errors with their Chinese message. */
export async function typed<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isDomainError(e)) throw fromDomainError(e);
    throw e;
  }
}

/** A unique-constraint violation (a concurrent duplicate), by Prisma's code. */
export const isUniqueViolation = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'P2002';

/**
 * The values of a GraphQL enum built from a database enum, each described by its Chinese name (every value must
 * have one): `builder.enumType(name, { description, values: describedEnumValues(E.Status, STATUS_NAMES) })`.
 */
export function describedEnumValues<K extends string>(values: Record<K, K>, names: Record<K, string>) {
  return Object.fromEntries(
    (Object.keys(values) as K[]).map((k) => [k, { value: k, description: names[k] }]),
  ) as Record<K, { value: K; description: string }>;
}
