// Commands that must not interleave (two submissions of one college, a replayed idempotency key) take a
// transaction-scoped PostgreSQL advisory lock on a key: concurrent holders of the same key queue, and each sees
// what the previous one committed. The lock ends with the transaction, whatever its outcome.
import type { RawQueryClient } from './counters.js';

/** Waits until this transaction holds the lock named `key` (held until commit or rollback). */
export async function lockKey(tx: RawQueryClient, key: string): Promise<void> {
  // pg_advisory_xact_lock returns void, which Prisma cannot read: select a constant after it
  await tx.$queryRawUnsafe(
    'SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) AS l',
    key,
  );
}
