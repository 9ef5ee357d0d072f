// Numbers that must be unique and gapless within a scope (备案编号 per city and year; later 证书编号 per issuer and
// year): a counter row per scope, incremented by one atomic upsert inside the transaction that uses the number.
// Concurrent callers queue on the row lock; a transaction that rolls back rolls its increment back, so no number
// is skipped and none is given twice. Each service keeps its own counter table in its own schema (ADR 13):
//
//   /// 编号计数器: the last number given in each numbering scope
//   model Counter {
//     scope String @id
//     value Int
//   }

/** What the counter needs of a Prisma transaction client (`Prisma.TransactionClient` has it). */
export interface RawQueryClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * The next number of `scope` (1 for a new scope). Call it inside the transaction that stores the number: the
 * row stays locked until that transaction ends, which is what makes the sequence gapless.
 */
export async function nextNumber(tx: RawQueryClient, scope: string, table = 'Counter'): Promise<number> {
  if (!IDENTIFIER.test(table)) throw new Error(`invalid counter table name: ${table}`);
  const rows = await tx.$queryRawUnsafe<Array<{ value: number }>>(
    `INSERT INTO "${table}" ("scope", "value") VALUES ($1, 1)
     ON CONFLICT ("scope") DO UPDATE SET "value" = "${table}"."value" + 1
     RETURNING "value"`,
    scope,
  );
  const value = rows[0]?.value;
  if (typeof value !== 'number') throw new Error(`counter ${table}(${scope}) returned no value`);
  return value;
}
