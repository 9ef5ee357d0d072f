// Test support (not built): starts the real subgraphs as their own processes and composes them, as the
// platform does, so gateway tests go over real HTTP to real services.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from '@skills/service-kit';

const require = createRequire(import.meta.url);

export const sdlOf = (pkg: string) => readFileSync(require.resolve(`${pkg}/subgraph.graphql`), 'utf8');

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses in tests are read structurally */
export interface Posted {
  status: number;
  json: { data?: any; errors?: any };
}

export async function post(url: string, body: object, headers: Record<string, string> = {}): Promise<Posted> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Posted['json'] };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

async function waitReady(url: string, child: ChildProcess) {
  for (let i = 0; i < 480; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become ready`);
}

export class Services {
  readonly children: ChildProcess[] = [];

  /**
   * Starts a built subgraph package as a process: on PGlite in a fresh data dir, or on PostgreSQL when
   * `databaseUrl` is given (each service then uses its own schema). Resolves with its GraphQL URL.
   */
  async start(pkg: string, env: Record<string, string>, databaseUrl?: string): Promise<string> {
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/server.js'], {
      cwd: dirname(require.resolve(`${pkg}/package.json`)),
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: mkdtempSync(join(tmpdir(), 'gw-e2e-')),
        DATABASE_URL: databaseUrl ?? '',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'test',
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.children.push(child);
    await waitReady(`http://127.0.0.1:${port}/ready`, child);
    return `http://127.0.0.1:${port}/graphql`;
  }

  stop() {
    for (const c of this.children) c.kill('SIGTERM');
  }
}
