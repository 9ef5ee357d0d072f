// 投诉待办的显示：状态名与颜色（每个状态都须有，新增状态时编译即报错）。
export type ComplaintStatus = 'OPEN' | 'HANDLED';

export const COMPLAINT_STATUS: Readonly<Record<ComplaintStatus, { label: string; colour: string }>> = {
  OPEN: { label: '待处理', colour: '#ad4e00' },
  HANDLED: { label: '已办结', colour: '#237804' },
};

/** 投诉人：匿名，或登录用户（联系方式已脱敏） */
export function complainant(c: { anonymous: boolean; contact?: string | null }): string {
  const who = c.anonymous ? '匿名' : '登录用户';
  return c.contact ? `${who}（${c.contact}）` : who;
}
