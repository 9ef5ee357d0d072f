// Response-cache invalidation across gateway replicas (REDIS_URL): a write through one gateway drops the answers
// it changed on every other gateway before the write's answer goes out. Each replica subscribes to one channel;
// the writer publishes the subgraphs the mutation reached and waits until every replica that received the
// message (PUBLISH says how many) has acknowledged dropping them — or `ackTimeoutMs`, past which the time to live
// bounds what a silent replica may still serve. docs/adr/0008.
import { randomUUID } from 'node:crypto';
import type { Logger } from '@skills/service-kit';
import { Redis } from 'ioredis';

const CHANNEL = 'skills:gateway:response-cache:invalidate';

export interface InvalidationBus {
  /** tells every other replica; resolves once they have all dropped the answers (or the time-out passed) */
  publish(subgraphs: string[]): Promise<void>;
  close(): Promise<void>;
}

interface Message {
  id: string;
  from: string;
  subgraphs: string[];
}

export async function createRedisInvalidationBus(
  url: string,
  opts: { onRemote: (subgraphs: string[]) => void; log: Logger; ackTimeoutMs?: number },
): Promise<InvalidationBus> {
  const me = randomUUID();
  const ackChannel = `${CHANNEL}:ack:${me}`;
  // commands fail at once while Redis is away instead of queueing behind a mutation's answer
  const pub = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const sub = new Redis(url, { lazyConnect: true });
  for (const c of [pub, sub])
    c.on('error', (e: Error) => opts.log.warn({ err: e }, 'redis (cache invalidation)'));
  await Promise.all([pub.connect(), sub.connect()]);
  const pending = new Map<string, { acked: number; expected: number; done: () => void }>();
  sub.on('message', (channel: string, text: string) => {
    if (channel === ackChannel) {
      const p = pending.get(text);
      if (p && ++p.acked >= p.expected) p.done();
      return;
    }
    const m = JSON.parse(text) as Message;
    if (m.from === me) return;
    opts.onRemote(m.subgraphs);
    pub.publish(`${CHANNEL}:ack:${m.from}`, m.id).catch(() => {});
  });
  await sub.subscribe(CHANNEL, ackChannel);
  const ackTimeoutMs = opts.ackTimeoutMs ?? 500;

  return {
    async publish(subgraphs) {
      const id = randomUUID();
      let done!: () => void;
      const acknowledged = new Promise<void>((r) => (done = r));
      const entry = { acked: 0, expected: Number.POSITIVE_INFINITY, done };
      pending.set(id, entry);
      try {
        const receivers = await pub.publish(
          CHANNEL,
          JSON.stringify({ id, from: me, subgraphs } satisfies Message),
        );
        entry.expected = receivers - 1; // every subscriber but this one
        if (entry.acked >= entry.expected) return;
        const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ackTimeoutMs).unref());
        if ((await Promise.race([acknowledged, timer])) === 'timeout')
          opts.log.warn(
            { acked: entry.acked, expected: entry.expected },
            'cache invalidation: replicas did not all answer',
          );
      } catch (e) {
        opts.log.error(
          { err: e },
          'cache invalidation could not reach redis; other replicas may serve old answers until their time to live',
        );
      } finally {
        pending.delete(id);
      }
    },
    async close() {
      sub.disconnect();
      pub.disconnect();
    },
  };
}
