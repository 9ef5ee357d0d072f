// What a new user meets: a fresh clone of the committed HEAD, `npm start` on a machine that has only Node and npm.
// The PATH is rebuilt as a folder of links to every program on this machine's PATH except pnpm, pnpx, turbo, tsc,
// vite, vitest and prisma, so those are not found at all (a stub that exits 127 would still be *found* by turbo's
// look-up of the package manager, which hides the failure a machine without pnpm has). The clone reuses the pnpm
// store and turbo's cache of this checkout (the bootstrap is what is tested, not the compilers), runs on free ports
// and stops on SIGINT as Ctrl-C would.
// Skipped only when SKILLS_SKIP_BOOTSTRAP_TEST=1 outside CI; BOOTSTRAP_TEST_REF tests another commit (e.g. to show
// that it fails without the fix).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { access, constants, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { APPS, SERVICES } from '../../scripts/lib/platform.mjs';
import { freePort } from './support/ports.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHADOWED = ['pnpm', 'pnpx', 'turbo', 'tsc', 'vite', 'vitest', 'prisma'];
const skip = process.env.SKILLS_SKIP_BOOTSTRAP_TEST === '1' && process.env.CI !== 'true';

/**
 * One folder with a link to each program found on PATH (first wins, as in a shell), except the shadowed ones and
 * the folders this run added (node_modules/.bin, .tools).
 */
async function pathWithout(folder: string, shadowed: string[]): Promise<string> {
  await mkdir(folder);
  const seen = new Set(shadowed);
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || /node_modules[\\/]\.bin|[\\/]\.tools[\\/]/.test(dir)) continue;
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (seen.has(name)) continue;
      const target = join(dir, name);
      if (
        !(await access(target, constants.X_OK).then(
          () => true,
          () => false,
        ))
      )
        continue;
      seen.add(name);
      await symlink(target, join(folder, name));
    }
  }
  return folder;
}

/** The environment of a fresh login shell: nothing that `npm test`, pnpm or turbo put there for this run. */
function freshEnv(path: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_|PNPM_|TURBO_|VITEST|NODE_OPTIONS$|DATABASE_URL$|INIT_CWD$)/i.test(k)) continue;
    env[k] = v;
  }
  env.PATH = path;
  env.TURBO_CACHE_DIR = join(ROOT, '.turbo', 'cache');
  return env;
}

async function answers(url: string, init?: RequestInit): Promise<Response | null> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(2_000) });
  } catch {
    return null;
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(skip)('a fresh clone on a machine with only Node and npm', () => {
  let work: string;
  let child: ChildProcess | undefined;
  const log: string[] = [];
  const tail = () => log.join('').split('\n').slice(-25).join('\n');

  afterAll(async () => {
    if (child?.pid && groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
    if (work) await rm(work, { recursive: true, force: true, maxRetries: 5 });
  });

  it(
    'npm start installs, builds and serves the gateway and the shell, then stops on Ctrl-C',
    async () => {
      work = await mkdtemp(join(tmpdir(), 'skills-bootstrap-'));
      const path = await pathWithout(join(work, 'bin'), SHADOWED);
      for (const tool of SHADOWED) {
        expect(spawnSync(tool, ['--version'], { env: { PATH: path } }).error, tool).toBeDefined();
      }
      const project = join(work, 'project');
      const ref = process.env.BOOTSTRAP_TEST_REF ?? 'HEAD';
      const clone = spawnSync('git', ['clone', '-q', '--no-checkout', ROOT, project], { encoding: 'utf8' });
      expect(clone.status, clone.stderr).toBe(0);
      const checkout = spawnSync('git', ['-C', project, 'checkout', '-q', ref], { encoding: 'utf8' });
      expect(checkout.status, checkout.stderr).toBe(0);

      const env = freshEnv(path);
      const ports: Record<string, number> = {};
      for (const entry of [...SERVICES, ...APPS]) {
        ports[entry.name] = await freePort();
        env[entry.portEnv] = String(ports[entry.name]);
      }
      env.CORS_ORIGINS = APPS.map((a) => `http://127.0.0.1:${ports[a.name]}`).join(',');

      const started = Date.now();
      // its own process group, so the stop below reaches npm and everything under it, as Ctrl-C in a terminal does
      child = spawn('npm', ['start'], {
        cwd: project,
        env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (c: Buffer) => log.push(c.toString()));
      child.stderr!.on('data', (c: Buffer) => log.push(c.toString()));
      const exited = new Promise<{ ok: boolean }>((r) =>
        child!.once('exit', (code, signal) => r({ ok: code === 0 || signal === 'SIGINT' })),
      );

      const gateway = `http://127.0.0.1:${ports.gateway}/graphql`;
      const shell = `http://127.0.0.1:${ports.shell}/`;
      let up = false;
      while (Date.now() - started < 12 * 60_000 && child.exitCode === null) {
        const r = await answers(gateway, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        if (r?.ok && ((await r.json()) as { data?: { __typename?: string } }).data?.__typename === 'Query') {
          up = true;
          break;
        }
        await new Promise((r) => setTimeout(r, 2_000));
      }
      expect(up, `npm start: the gateway never answered; last lines:\n${tail()}`).toBe(true);
      expect((await answers(shell))?.status, `the shell at ${shell}`).toBe(200);

      // Ctrl-C: npm itself ends by the signal; what counts is that every process it started is gone (the services
      // run in process groups of their own and are stopped by the launcher)
      process.kill(-child.pid!, 'SIGINT');
      const stopped = Date.now();
      while (groupAlive(child.pid!) && Date.now() - stopped < 30_000) {
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(groupAlive(child.pid!), `processes of npm start still run 30 s after SIGINT:\n${tail()}`).toBe(
        false,
      );
      expect(log.join(''), 'the platform did not say it stopped').toContain('stopping…');
      expect(await exited).toMatchObject({ ok: true });
      for (const s of SERVICES) {
        const health = `http://127.0.0.1:${ports[s.name]}/health`;
        expect(await answers(health), `${s.name} still answers after the stop`).toBeNull();
      }
      expect(await answers(shell), 'the shell still answers after the stop').toBeNull();
    },
    15 * 60_000,
  );
});
