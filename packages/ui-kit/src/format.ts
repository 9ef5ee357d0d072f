// Dates as users in Fujian read them: zh-CN, China time, whatever the browser's own zone.
const date = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeZone: 'Asia/Shanghai' });
const dateTime = new Intl.DateTimeFormat('zh-CN', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Asia/Shanghai',
});

/** "2026年11月27日"; "—" when there is no date. */
export const formatDate = (d: string | null | undefined): string => (d ? date.format(new Date(d)) : '—');

/** "2026年11月27日 17:30"; "—" when there is no date. */
export const formatDateTime = (d: string | null | undefined): string =>
  d ? dateTime.format(new Date(d)) : '—';
