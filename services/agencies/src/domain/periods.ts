// 备案期 (filing periods): the first filing opens one, each approved renewal (延续) the next. 「备案期内」 in the
// notices — the clean record and the evaluation count that an expansion (增设) needs — reads the current one.
import { addChinaYears, DomainError } from '@skills/domain';

export interface PeriodFacts {
  validFrom: Date;
  validUntil: Date;
}

/** The current period: the latest that has begun by `now` (a renewal approved early begins when the old ends). */
export function currentPeriod<P extends PeriodFacts>(periods: readonly P[], now = new Date()): P | null {
  return (
    [...periods]
      .filter((p) => p.validFrom <= now)
      .sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime())[0] ?? null
  );
}

/**
 * The period an approved renewal opens: it follows the running period without a gap or an overlap, or starts
 * now when the agency has lapsed.
 */
export function renewalPeriod(lastUntil: Date | null, now: Date, years: number): PeriodFacts {
  const validFrom = lastUntil && lastUntil > now ? lastUntil : now;
  return { validFrom, validUntil: addChinaYears(validFrom, years) };
}

/** The start of the period the expansion rules read; an agency filed without a period is a data fault. */
export function periodStartOf(periods: readonly PeriodFacts[], now = new Date()): Date {
  const p = currentPeriod(periods, now);
  if (!p) throw new DomainError('AGENCY_NOT_FILED');
  return p.validFrom;
}
