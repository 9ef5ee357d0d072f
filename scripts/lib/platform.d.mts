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

export interface Platform {
  urls: Record<string, string>;
  children: ChildProcess[];
  manifest?: RuntimeManifest;
  stop(): Promise<void>;
}

export function startPlatform(opts?: {
  env?: Record<string, string>;
  ports?: Record<string, number>;
  log?: 'inherit' | 'pipe' | 'ignore';
  timeoutMs?: number;
  apps?: boolean;
}): Promise<Platform>;
