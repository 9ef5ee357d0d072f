import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createLogger, onShutdown, whenParentExits } from '@skills/service-kit';
import { readConfig, type Config } from './config.js';
import { startGateway } from './gateway.js';

/** Message a worker sends when it invalidated cached answers; the primary passes it to the other workers. */
interface InvalidateMessage {
  type: 'skills:response-cache-invalidate';
  subgraphs: string[];
}
const isInvalidate = (m: unknown): m is InvalidateMessage =>
  typeof m === 'object' && m !== null && (m as InvalidateMessage).type === 'skills:response-cache-invalidate';

/**
 * GATEWAY_WORKERS > 1: a primary that forks the workers (they share the port), relays response-cache
 * invalidations between them and replaces a worker that dies. Each worker is a complete gateway.
 */
function runPrimary(config: Config, workers: number) {
  const log = createLogger('gateway', config.LOG_LEVEL);
  let stopping = false;
  const fork = () => {
    const w = cluster.fork();
    w.on('message', (m: unknown) => {
      if (!isInvalidate(m)) return;
      for (const other of Object.values(cluster.workers ?? {}))
        if (other && other !== w && other.isConnected()) other.send(m);
    });
  };
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    log.error({ pid: w.process.pid, code, signal }, 'gateway worker died; starting another');
    fork();
  });
  for (let i = 0; i < workers; i++) fork();
  log.info({ workers }, 'gateway primary started');
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
    if (alive.length === 0) process.exit(0);
    let left = alive.length;
    for (const w of alive) {
      w!.once('exit', () => {
        if (--left === 0) process.exit(0);
      });
      w!.process.kill(signal);
    }
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGTERM'));
  whenParentExits(() => stop('SIGTERM'));
}

async function runWorker(config: Config) {
  const gateway = await startGateway({
    config,
    // workers of one host tell each other over IPC, unless Redis tells every replica anyway
    ...(cluster.isWorker && !config.REDIS_URL
      ? {
          onInvalidate: (subgraphs: string[]) =>
            process.send?.({
              type: 'skills:response-cache-invalidate',
              subgraphs,
            } satisfies InvalidateMessage),
        }
      : {}),
  });
  if (cluster.isWorker)
    process.on('message', (m: unknown) => {
      if (isInvalidate(m)) gateway.responseCache.invalidate(m.subgraphs, true);
    });
  onShutdown(gateway.log, gateway.close);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const config = readConfig();
  const workers = config.GATEWAY_WORKERS === 0 ? availableParallelism() : config.GATEWAY_WORKERS;
  if (workers > 1 && cluster.isPrimary) runPrimary(config, workers);
  else await runWorker(config);
}
