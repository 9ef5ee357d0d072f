import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, CompositionError } from './compose.js';

const require = createRequire(import.meta.url);
const catalogueSdl = readFileSync(require.resolve('@skills/catalogue/subgraph.graphql'), 'utf8');
const buildScript = fileURLToPath(new URL('../dist/build-supergraph.js', import.meta.url));

describe('composeSupergraph', () => {
  it('composes the real catalogue subgraph into a supergraph and a public API schema', () => {
    const { supergraphSdl, apiSchemaSdl } = composeSupergraph([
      { name: 'catalogue', url: 'http://x/graphql', sdl: catalogueSdl },
    ]);
    expect(supergraphSdl).toContain('@join__graph(name: "catalogue"');
    expect(apiSchemaSdl).toContain('occupation(code: String!): Occupation');
    expect(apiSchemaSdl).not.toContain('join__');
  });

  it('fails with the composition error when a subgraph schema breaks', () => {
    const broken = catalogueSdl.replace(
      'type Occupation\n  @key(fields: "code")',
      'type Occupation\n  @key(fields: "nope")',
    );
    expect(broken).not.toBe(catalogueSdl);
    expect(() => composeSupergraph([{ name: 'catalogue', url: 'http://x/graphql', sdl: broken }])).toThrow(
      CompositionError,
    );
    try {
      composeSupergraph([{ name: 'catalogue', url: 'http://x/graphql', sdl: broken }]);
    } catch (e) {
      expect((e as CompositionError).errors.map((x) => x.code)).toContain('KEY_INVALID_FIELDS');
    }
  });

  it('reports conflicts between subgraphs', () => {
    const other = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
      type Occupation @key(fields: "code") { code: String! name: Int! }`;
    expect(() =>
      composeSupergraph([
        { name: 'catalogue', url: 'http://x/graphql', sdl: catalogueSdl },
        { name: 'other', url: 'http://y/graphql', sdl: other },
      ]),
    ).toThrow(/name/);
  });
});

describe('the build step (build-supergraph)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'supergraph-'));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [buildScript, '--out', join(dir, 'supergraph.graphql'), ...args], {
      encoding: 'utf8',
    });

  it('writes the supergraph from the built subgraphs', () => {
    const r = run();
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'supergraph.graphql'), 'utf8')).toContain('type Occupation');
  });

  it('exits non-zero and prints the composition error when a subgraph no longer composes', () => {
    const broken = join(dir, 'broken.graphql');
    writeFileSync(
      broken,
      catalogueSdl.replace(
        'type Occupation\n  @key(fields: "code")',
        'type Occupation\n  @key(fields: "nope")',
      ),
    );
    const r = run('--sdl', `catalogue=${broken}`);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Supergraph composition failed');
    expect(r.stderr).toMatch(/nope/);
  });
});
