export interface ServiceEntry {
  name: string;
  package: string;
  dir: string;
  port: number;
  kind: 'subgraph' | 'gateway';
}
export interface AppEntry {
  name: string;
  package: string;
  dir: string;
  port: number;
  portEnv?: string;
  remote?: string;
  path?: string;
}
export const ROOT: string;
export const SERVICES: ServiceEntry[];
export const APPS: AppEntry[];
export function deployService(service: ServiceEntry, target: string): void;
export function bundlePortals(target: string): void;
