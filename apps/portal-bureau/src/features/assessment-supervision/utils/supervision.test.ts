import { describe, expect, it } from 'vitest';
import { inspectionVariables, mayFindViolations, passRateText } from './supervision';

describe('supervision page helpers', () => {
  it('shows a pass rate only once results are final', () => {
    expect(passRateText(null)).toBe('—');
    expect(passRateText({ finalized: 0, passed: 0 })).toBe('—');
    expect(passRateText({ finalized: 3, passed: 2 })).toBe('2/3（66.7%）');
  });
  it('another actual operator is always 转包、外包; no violation sends no severity or deadline', () => {
    const deadline = { toISOString: () => '2026-12-31T00:00:00.000Z' };
    expect(
      inspectionVariables(
        'p1',
        {
          findings: ' 培训公司组织实操 ',
          actualOperator: ' 某公司 ',
          violationType: 'RECORDS',
          severity: 'SERIOUS',
          deadline,
        },
        'k',
      ),
    ).toEqual({
      planId: 'p1',
      findings: '培训公司组织实操',
      actualOperator: '某公司',
      violationType: 'OUTSOURCING',
      severity: 'SERIOUS',
      deadline: '2026-12-31T00:00:00.000Z',
      requestKey: 'k',
    });
    expect(
      inspectionVariables(
        'p1',
        { findings: '考场秩序良好', violationType: 'NONE', severity: 'SERIOUS', deadline },
        'k',
      ),
    ).toMatchObject({ violationType: null, severity: null, deadline: null, actualOperator: null });
  });
  it('education bureaus record findings; HR bureaus and supervisors find violations', () => {
    expect(mayFindViolations([{ role: 'CITY_EDU' }])).toBe(false);
    expect(mayFindViolations([{ role: 'COUNTY_HR' }])).toBe(true);
    expect(mayFindViolations([{ role: 'SUPERVISOR' }])).toBe(true);
  });
});
