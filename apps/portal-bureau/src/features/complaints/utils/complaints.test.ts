import { describe, expect, it } from 'vitest';
import { complainant, COMPLAINT_STATUS } from './complaints';

describe('complaints queue', () => {
  it('names the complainant without revealing more than the masked contact', () => {
    expect(complainant({ anonymous: true, contact: '139****0001' })).toBe('匿名（139****0001）');
    expect(complainant({ anonymous: false, contact: null })).toBe('登录用户');
  });
  it('labels every status', () => {
    expect(COMPLAINT_STATUS.OPEN.label).toBe('待处理');
    expect(COMPLAINT_STATUS.HANDLED.label).toBe('已办结');
  });
});
