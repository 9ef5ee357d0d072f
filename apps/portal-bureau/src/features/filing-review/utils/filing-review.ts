// What a reviewer reads about one filing in the 备案审核 queue: its type (首次备案 / 增设 / 延续) and the opinions so
// far — including, for an application back after 退回补正, the city's reason and the college's 补正说明 — and
// when the city may decide on it.
import { findRegion } from '@skills/domain';
import {
  FILING_KIND_LABELS,
  type AgencyEventType,
  type FilingKind,
  type FilingStatus,
} from '@skills/graphql-client';

export const filingTypeName = (type: FilingKind) => FILING_KIND_LABELS[type];

export interface NotedFiling {
  status: FilingStatus;
  submittedAt: string;
  countyOpinion?: string | null;
  countyAgrees?: boolean | null;
  decisionReason?: string | null;
}

export interface NotedEvent {
  type: AgencyEventType;
  reason?: string | null;
  at: string;
}

/** Statuses a filing can only reach again after 退回补正 and 重新提交 (the city's reason stays on the filing). */
const UNDER_REVIEW: readonly FilingStatus[] = ['SUBMITTED', 'COUNTY_REVIEWED'];

/**
 * The lines under a filing's status. `events` are its agency's history (oldest first); an agency has one open
 * filing at a time, so for an open filing every 重新提交 since it was submitted is its own.
 */
export function filingNotes(f: NotedFiling, events: readonly NotedEvent[] = []): string[] {
  const open = UNDER_REVIEW.includes(f.status);
  const since = (e: NotedEvent) => Date.parse(e.at) >= Date.parse(f.submittedAt);
  const resubmits = open ? events.filter((e) => e.type === 'FILING_RESUBMIT' && since(e)) : [];
  const lastResubmit = resubmits.at(-1);
  // the county's opinion predates the return when nothing was said since the last 重新提交
  const opinionBefore =
    lastResubmit !== undefined &&
    !events.some(
      (e) => e.type === 'FILING_COUNTY_OPINION' && Date.parse(e.at) >= Date.parse(lastResubmit.at),
    );
  const lines: string[] = [];
  if (f.countyOpinion)
    lines.push(
      `${opinionBefore ? '退回前县区' : '县区'}${f.countyAgrees ? '同意' : '不同意'}：${f.countyOpinion}`,
    );
  if (f.decisionReason)
    lines.push(`${open || f.status === 'RETURNED' ? '市局退回补正' : '市局'}：${f.decisionReason}`);
  if (lastResubmit) lines.push(`补正说明：${lastResubmit.reason?.trim() || '（未填写）'}`);
  return lines;
}

/**
 * The city decides after the county's opinion; a college registered directly under the city (no county or
 * functional-zone bureau in between) goes to the city at once. The same rule as the agencies service's.
 */
export function cityMayDecide(f: { status: FilingStatus; regionCode: string }): boolean {
  if (f.status === 'COUNTY_REVIEWED') return true;
  if (f.status !== 'SUBMITTED') return false;
  return !['COUNTY', 'FUNCTIONAL_ZONE'].includes(findRegion(f.regionCode)?.kind ?? '');
}
