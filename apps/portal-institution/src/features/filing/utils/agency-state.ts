// The state shown on an agency's card. An agency stays 申请中 (APPLYING) until a filing is approved, also after
// its only application was withdrawn or refused — the college then has no application in progress, so the card
// says so instead of 申请中.

import type { AgencyStatus, FilingStatus } from '@skills/graphql-client';

export interface StateAgency {
  status: AgencyStatus;
  statusName: string;
}

export interface StateFiling {
  status: FilingStatus;
  statusName: string;
  submittedAt: string;
}

const CLOSED_WITHOUT_FILING: readonly FilingStatus[] = ['WITHDRAWN', 'REJECTED'];

/** The agency's status and label, e.g. 已备案, 申请中, or 未备案（已撤回） when its latest application is closed. */
export function agencyState(
  agency: StateAgency,
  filings: readonly StateFiling[],
): { status: AgencyStatus | FilingStatus; label: string } {
  if (agency.status !== 'APPLYING') return { status: agency.status, label: agency.statusName };
  const latest = [...filings].sort((a, b) => Date.parse(b.submittedAt) - Date.parse(a.submittedAt))[0];
  if (latest && CLOSED_WITHOUT_FILING.includes(latest.status))
    return { status: latest.status, label: `未备案（${latest.statusName}）` };
  return { status: agency.status, label: agency.statusName };
}
