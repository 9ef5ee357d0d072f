import { describe, expect, it } from 'vitest';
import { cityMayDecide, filingNotes, filingTypeName, type NotedEvent } from './filing-review';

const submittedAt = '2026-03-01T02:00:00.000Z';
const returned: NotedEvent[] = [
  { type: 'FILING_SUBMITTED', at: submittedAt },
  { type: 'FILING_COUNTY_OPINION', reason: '材料齐全', at: '2026-03-02T02:00:00.000Z' },
  { type: 'FILING_RETURN', reason: '考评员不足', at: '2026-03-03T02:00:00.000Z' },
];

describe('filing notes in the review queue', () => {
  it('names the filing types', () => {
    expect(filingTypeName('INITIAL')).toBe('首次备案');
    expect(filingTypeName('SCOPE_CHANGE')).toBe('增设');
    expect(filingTypeName('RENEWAL')).toBe('延续');
  });

  it('shows the opinions of a filing that was never returned as they are', () => {
    expect(
      filingNotes({ status: 'COUNTY_REVIEWED', submittedAt, countyOpinion: '材料齐全', countyAgrees: true }),
    ).toEqual(['县区同意：材料齐全']);
    expect(filingNotes({ status: 'REJECTED', submittedAt, decisionReason: '不符合条件' })).toEqual([
      '市局：不符合条件',
    ]);
  });

  it('a returned filing shows the city’s reason for the return', () => {
    const f = {
      status: 'RETURNED' as const,
      submittedAt,
      countyOpinion: '材料齐全',
      countyAgrees: true,
      decisionReason: '考评员不足',
    };
    expect(filingNotes(f, returned)).toEqual(['县区同意：材料齐全', '市局退回补正：考评员不足']);
  });

  it('a resubmitted filing shows the return, the college’s 补正说明, and that the county opinion came before', () => {
    const events: NotedEvent[] = [
      ...returned,
      { type: 'FILING_RESUBMIT', reason: '已补充考评员3名', at: '2026-03-04T02:00:00.000Z' },
    ];
    const f = {
      status: 'SUBMITTED' as const,
      submittedAt,
      countyOpinion: '材料齐全',
      countyAgrees: true,
      decisionReason: '考评员不足',
    };
    expect(filingNotes(f, events)).toEqual([
      '退回前县区同意：材料齐全',
      '市局退回补正：考评员不足',
      '补正说明：已补充考评员3名',
    ]);
    // once the county has spoken again, its opinion is the current one
    const reviewed: NotedEvent[] = [
      ...events,
      { type: 'FILING_COUNTY_OPINION', reason: '已补正', at: '2026-03-05T02:00:00.000Z' },
    ];
    expect(filingNotes({ ...f, status: 'COUNTY_REVIEWED', countyOpinion: '已补正' }, reviewed)).toEqual([
      '县区同意：已补正',
      '市局退回补正：考评员不足',
      '补正说明：已补充考评员3名',
    ]);
  });

  it('ignores resubmissions of the agency’s earlier filings and says when no 补正说明 was given', () => {
    const earlier: NotedEvent = {
      type: 'FILING_RESUBMIT',
      reason: '旧申请的补正',
      at: '2025-01-01T00:00:00.000Z',
    };
    expect(filingNotes({ status: 'SUBMITTED', submittedAt }, [earlier])).toEqual([]);
    const silent: NotedEvent = { type: 'FILING_RESUBMIT', reason: null, at: '2026-03-04T02:00:00.000Z' };
    expect(
      filingNotes({ status: 'SUBMITTED', submittedAt, decisionReason: '考评员不足' }, [...returned, silent]),
    ).toEqual(['市局退回补正：考评员不足', '补正说明：（未填写）']);
  });
});

describe('when the city may decide', () => {
  it('after the county’s opinion, or at once for a college registered under the city itself', () => {
    expect(cityMayDecide({ status: 'COUNTY_REVIEWED', regionCode: '350581' })).toBe(true);
    expect(cityMayDecide({ status: 'SUBMITTED', regionCode: '350581' })).toBe(false); // 石狮市: county first
    expect(cityMayDecide({ status: 'SUBMITTED', regionCode: '350500-KFQ' })).toBe(false); // 开发区 too
    expect(cityMayDecide({ status: 'SUBMITTED', regionCode: '350500' })).toBe(true);
    expect(cityMayDecide({ status: 'RETURNED', regionCode: '350500' })).toBe(false);
    expect(cityMayDecide({ status: 'WITHDRAWN', regionCode: '350581' })).toBe(false);
  });
});
