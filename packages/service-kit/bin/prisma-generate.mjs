#!/usr/bin/env node
// Runs `prisma generate` offline: points Prisma at a stand-in schema engine so it never tries to download one.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const stub = fileURLToPath(new URL('./no-schema-engine.sh', import.meta.url));
const r = spawnSync('pnpm', ['exec', 'prisma', 'generate', ...process.argv.slice(2)], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: stub,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
if (r.status !== 0) {
  process.stdout.write(r.stdout ?? '');
  process.exit(r.status ?? 1);
}
