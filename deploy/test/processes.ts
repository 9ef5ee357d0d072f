// Bundles started the way their images start them: `node <entry>` in the bundle's folder, with only the
// environment a pod would have (no variables of this test run leak in), output kept for error messages.
import { spawn, type ChildProcess } from 'node:child_process';

export interface Started {
  child: ChildProcess;
  output: () => string;
  /** resolves with the exit code */
  exited: Promise<number | null>;
}

export function startNode(cwd: string, args: string[], env: Record<string, string>): Started {
  const child = spawn(process.execPath, args, {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // the tests' idle keep-alive connections need not be waited for at the end
      SHUTDOWN_GRACE_SECONDS: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Waits for `url` to answer 200, failing early with the process's output if it exits. */
export async function waitFor200(started: Started, url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (started.child.exitCode !== null)
      throw new Error(
        `exited with code ${started.child.exitCode} before ${url} answered:\n${started.output()}`,
      );
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${started.output()}`);
}

export async function stopAll(started: Started[]) {
  for (const s of started) if (s.child.exitCode === null) s.child.kill('SIGTERM');
  await Promise.all(started.map((s) => s.exited));
}
