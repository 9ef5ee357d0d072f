import { Timeline, Typography } from 'antd';
import { ActorLine, type ActorView } from './actor';
import { formatDateTime } from './format';

/** One recorded step of an agency's history (办理记录), as the agencies subgraph returns it. */
export interface TimelineEvent {
  type: string;
  typeName: string;
  at: string;
  reason?: string | null;
  actor?: ActorView | null;
}

/** 办理记录: each step with its time, reason and 办理人 — the same for bureaus and the college itself. */
export function EventTimeline({ events, label }: { events: readonly TimelineEvent[]; label?: string }) {
  return (
    <Timeline
      {...(label ? { 'aria-label': label } : {})}
      items={events.map((e) => ({
        key: `${e.type}-${e.at}`,
        content: (
          <>
            <Typography.Text strong>{e.typeName}</Typography.Text>{' '}
            <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
            {e.reason ? <div>{e.reason}</div> : null}
            <ActorLine actor={e.actor} />
          </>
        ),
      }))}
    />
  );
}
