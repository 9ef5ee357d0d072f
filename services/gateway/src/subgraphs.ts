// The subgraphs behind the gateway. The list is platform.json at the repository root (the one list that npm
// start, the tests and the benchmarks read too); the build copies it into dist/subgraphs.json, so a deployed
// gateway (docker image, `pnpm deploy`) carries it without the repository.
import { existsSync, readFileSync } from 'node:fs';

export interface SubgraphEntry {
  name: string;
  /** workspace package that builds `subgraph.graphql` */
  package: string;
  /** environment variable with the subgraph's URL at run time */
  urlEnv: string;
  defaultUrl: string;
  /** what users are told is unavailable when it is down (SERVICE_UNAVAILABLE) */
  title: string;
}

interface PlatformList {
  subgraphs: { name: string; package: string; port: number; title: string }[];
}

const repositoryList = new URL('../../../platform.json', import.meta.url);
const builtList = new URL('../dist/subgraphs.json', import.meta.url);

/** The entries of platform.json (the build reads this). */
export function subgraphsOfPlatform(file: URL = repositoryList): SubgraphEntry[] {
  const list = JSON.parse(readFileSync(file, 'utf8')) as PlatformList;
  return list.subgraphs.map((s) => ({
    name: s.name,
    package: s.package,
    urlEnv: `${s.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`,
    defaultUrl: `http://127.0.0.1:${s.port}/graphql`,
    title: s.title,
  }));
}

/** At run time: the list the build copied, else (tests before a build) the repository's. */
export const SUBGRAPHS: readonly SubgraphEntry[] = existsSync(builtList)
  ? (JSON.parse(readFileSync(builtList, 'utf8')) as SubgraphEntry[])
  : subgraphsOfPlatform();
