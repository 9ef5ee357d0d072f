import { describe, expect, it } from 'vitest';
import type { FilingStatus } from '@skills/graphql-client';
import { agencyState, type StateAgency } from './agency-state';

const applying: StateAgency = { status: 'APPLYING', statusName: '申请中' };
const filing = (status: FilingStatus, statusName: string, submittedAt: string) => ({
  status,
  statusName,
  submittedAt,
});

describe('the state on an agency card', () => {
  it('shows the agency’s own status once filed, whatever its filings', () => {
    expect(
      agencyState({ status: 'FILED', statusName: '已备案' }, [
        filing('WITHDRAWN', '已撤回', '2026-05-01T00:00:00Z'),
      ]),
    ).toEqual({ status: 'FILED', label: '已备案' });
  });
  it('is 申请中 while an application is in progress', () => {
    expect(agencyState(applying, [filing('RETURNED', '退回补正', '2026-05-01T00:00:00Z')])).toEqual({
      status: 'APPLYING',
      label: '申请中',
    });
  });
  it('says 未备案 with the reason when the latest application was withdrawn or refused', () => {
    expect(agencyState(applying, [filing('WITHDRAWN', '已撤回', '2026-05-01T00:00:00Z')])).toEqual({
      status: 'WITHDRAWN',
      label: '未备案（已撤回）',
    });
    expect(
      agencyState(applying, [
        filing('WITHDRAWN', '已撤回', '2026-04-01T00:00:00Z'),
        filing('REJECTED', '不予备案', '2026-05-01T00:00:00Z'),
      ]),
    ).toEqual({ status: 'REJECTED', label: '未备案（不予备案）' });
    // applied again after withdrawing: in progress
    expect(
      agencyState(applying, [
        filing('SUBMITTED', '已提交，待县区审核', '2026-06-01T00:00:00Z'),
        filing('WITHDRAWN', '已撤回', '2026-05-01T00:00:00Z'),
      ]),
    ).toEqual({ status: 'APPLYING', label: '申请中' });
  });
});
