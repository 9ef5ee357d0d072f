import { Typography } from 'antd';

/** 办理人: who did a recorded step, as the identity subgraph resolves it (the graph's Actor). */
export interface ActorView {
  displayName?: string | null;
  organisationName?: string | null;
}

/** "姓名 · 单位"; null for a system step or when the name is hidden from the caller. */
export function actorText(actor: ActorView | null | undefined): string | null {
  if (!actor?.displayName) return null;
  return actor.organisationName ? `${actor.displayName} · ${actor.organisationName}` : actor.displayName;
}

/** One line "办理人：…" under a history entry; nothing when there is no one to name. */
export function ActorLine({ actor }: { actor: ActorView | null | undefined }) {
  const text = actorText(actor);
  return text ? (
    <div>
      <Typography.Text type="secondary">办理人：{text}</Typography.Text>
    </div>
  ) : null;
}
