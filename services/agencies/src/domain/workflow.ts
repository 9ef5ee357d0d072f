// 备案流程: college applies → county bureau gives an opinion → city bureau decides (approve / return for
// correction / reject). A college registered directly under a city-level region (a 设区市, 平潭综合实验区) skips
// the county step: the regions' levels come from their data. Pure state machine.
import { cityLevelOf, DomainError, findRegion } from '@skills/domain';
import type { AgencyStatus, FilingStatus } from '../generated/prisma/enums.js';
import { FILING_STATUS_NAMES } from './names.js';

export type { FilingStatus };

export type FilingAction = 'COUNTY_OPINION' | 'APPROVE' | 'RETURN' | 'REJECT' | 'RESUBMIT' | 'WITHDRAW';

const ACTION_NAMES: Record<FilingAction, string> = {
  COUNTY_OPINION: '提出县区审核意见',
  APPROVE: '准予备案',
  RETURN: '退回补正',
  REJECT: '不予备案',
  RESUBMIT: '重新提交',
  WITHDRAW: '撤回',
};

export const OPEN_STATUSES: readonly FilingStatus[] = ['SUBMITTED', 'COUNTY_REVIEWED', 'RETURNED'];

/**
 * An agency in one of these has ended: it stays in the register with its number and history, and its college
 * may file a new agency of the same kind (the partial unique index of migration 20261129085331_refiling).
 */
export const ENDED_AGENCY_STATUSES: readonly AgencyStatus[] = ['CANCELLED', 'EXPIRED'];

/** The status after an action, or a typed error saying why it cannot happen now. */
export function nextStatus(status: FilingStatus, action: FilingAction, needsCounty: boolean): FilingStatus {
  const decidable = needsCounty
    ? status === 'COUNTY_REVIEWED'
    : status === 'SUBMITTED' || status === 'COUNTY_REVIEWED';
  const to: FilingStatus | null = (() => {
    switch (action) {
      case 'COUNTY_OPINION':
        return status === 'SUBMITTED' && needsCounty ? 'COUNTY_REVIEWED' : null;
      case 'APPROVE':
        return decidable ? 'APPROVED' : null;
      case 'RETURN':
        return decidable ? 'RETURNED' : null;
      case 'REJECT':
        return decidable ? 'REJECTED' : null;
      case 'RESUBMIT':
        return status === 'RETURNED' ? 'SUBMITTED' : null;
      case 'WITHDRAW':
        return status === 'SUBMITTED' || status === 'RETURNED' ? 'WITHDRAWN' : null;
    }
  })();
  if (!to)
    throw new DomainError('FILING_WRONG_STATE', {
      status: FILING_STATUS_NAMES[status],
      action: ACTION_NAMES[action],
    });
  return to;
}

/** The counter (see nextNumber in @skills/service-kit) that numbers a city's filings of one year. */
export const filingNumberScope = (cityCode: string, year: number) => `filing-number:${cityCode}:${year}`;

/** 备案编号: FJ-<city code>-<year>-<4-digit sequence>, e.g. FJ-350500-2026-0007. */
export function filingNumber(cityCode: string, year: number, sequence: number): string {
  return `FJ-${cityCode}-${year}-${String(sequence).padStart(4, '0')}`;
}

/** The city-level region whose bureau decides (packages/domain, shared with the portals). */
export const cityOf = cityLevelOf;

/** Filings of a county-level region (a county, or a zone beside the counties) get a county opinion first. */
export const needsCounty = (regionCode: string) => findRegion(regionCode)?.level === 'COUNTY';

/**
 * The status a reader sees, checked at read time: a filing past its validity has lapsed even before the hourly
 * sweep marks it EXPIRED (public lists, agency(id), coverage, the expansion conditions).
 */
export const effectiveStatus = (
  a: { status: AgencyStatus; validUntil: Date | null },
  now = new Date(),
): AgencyStatus => (a.status === 'FILED' && a.validUntil && a.validUntil <= now ? 'EXPIRED' : a.status);
