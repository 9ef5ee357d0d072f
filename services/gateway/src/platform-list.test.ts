// platform.json is the one list of subgraphs and apps (npm start, the gateway, the tests and the benchmarks read
// it). What turbo needs besides — the build order, from devDependencies — is checked here, so a new subgraph that
// is in the list but not built first fails with a message that says which line to add.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUBGRAPHS, subgraphsOfPlatform } from './subgraphs.js';

const root = new URL('../../../', import.meta.url);
const json = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as Record<string, any>;
const list = json('platform.json') as {
  subgraphs: { name: string; package: string; dir: string }[];
  apps: { name: string; package: string; dir: string }[];
};

describe('platform.json, the one list', () => {
  it('names each subgraph by its folder and package, which builds subgraph.graphql before the gateway and e2e', () => {
    const gateway = json('services/gateway/package.json');
    const e2e = json('e2e/package.json');
    for (const s of list.subgraphs) {
      expect(existsSync(new URL(`${s.dir}/package.json`, root)), `${s.dir}/package.json`).toBe(true);
      const pkg = json(`${s.dir}/package.json`);
      expect(pkg.name, `${s.dir}/package.json name`).toBe(s.package);
      expect(pkg.exports?.['./subgraph.graphql'], `${s.package} exports ./subgraph.graphql`).toBeTruthy();
      expect(
        gateway.devDependencies?.[s.package],
        `add "${s.package}": "workspace:*" to services/gateway/package.json devDependencies`,
      ).toBe('workspace:*');
      expect(
        e2e.devDependencies?.[s.package],
        `add "${s.package}": "workspace:*" to e2e/package.json devDependencies`,
      ).toBe('workspace:*');
    }
  });
  it('names each app by its folder and package, built before the browser tests', () => {
    const e2e = json('e2e/package.json');
    for (const a of list.apps) {
      expect(json(`${a.dir}/package.json`).name, `${a.dir}/package.json name`).toBe(a.package);
      expect(
        e2e.devDependencies?.[a.package],
        `add "${a.package}": "workspace:*" to e2e/package.json devDependencies`,
      ).toBe('workspace:*');
    }
  });
  it('is what the gateway runs with (the build copies it into dist/subgraphs.json)', () => {
    expect(SUBGRAPHS).toEqual(subgraphsOfPlatform());
    expect(SUBGRAPHS.map((s) => s.name)).toEqual(list.subgraphs.map((s) => s.name));
  });
});
