import type { ChildProcess } from 'node:child_process';

export interface ServiceEntry {
  name: string;
  dir: string;
  entry: string;
  port: number;
  /** environment variable that overrides the port */
  portEnv: string;
  probe: string;
  urlEnv?: string;
}

export interface AppEntry {
  name: string;
  dir: string;
  port: number;
  portEnv: string;
  urlEnv?: string;
  remote?: string;
  title?: string;
  path?: string;
}

export interface RuntimeManifest {
  gatewayUrl: string;
  remotes: { name: string; title: string; path: string; entry: string }[];
}

export const SERVICES: readonly ServiceEntry[];
export const APPS: readonly AppEntry[];

export function buildManifest(opts: {
  gatewayUrl: string;
  appUrls: Record<string, string>;
  env?: Record<string, string | undefined>;
}): RuntimeManifest;

/** A service process under the launcher's supervision. */
export interface SupervisedService {
  name: string;
  port: number;
  /** restarts after unexpected exits so far */
  restarts: number;
  readonly child: ChildProcess;
  /** its last output lines */
  lastLines(): string;
  /** stops it (SIGTERM, SIGKILL after 10 s); it is not restarted */
  stop(): Promise<void>;
  /** starts it again after stop(), on the same port and data */
  resume(): ChildProcess;
}

/** Runs one entry of SERVICES (or a service of that shape) under supervision; `spawn()` starts it. */
export function superviseService(
  service: Pick<ServiceEntry, 'name' | 'dir' | 'entry'>,
  opts: {
    env: Record<string, string | undefined>;
    port: number;
    log: 'inherit' | 'ignore';
    restart: boolean;
    maxCrashes?: number;
    backoffMs?: number;
    onGiveUp?: (name: string, lastLines: string) => void;
    say: (line: string) => void;
  },
): SupervisedService & { spawn(): ChildProcess; down(): string | null };

export interface Platform {
  urls: Record<string, string>;
  readonly children: ChildProcess[];
  service(name: string): SupervisedService | undefined;
  manifest?: RuntimeManifest;
  stop(): Promise<void>;
}

export function startPlatform(opts?: {
  env?: Record<string, string>;
  ports?: Record<string, number>;
  /** services' output: to this process's stdout/stderr (default) or only kept for error messages */
  log?: 'inherit' | 'ignore';
  timeoutMs?: number;
  apps?: boolean;
  /** restart a service that exits unexpectedly, with a backoff (npm start) */
  restart?: boolean;
  /** called when a service exited more than 5 times within a minute; it is not restarted again */
  onGiveUp?: (name: string, lastLines: string) => void;
}): Promise<Platform>;
