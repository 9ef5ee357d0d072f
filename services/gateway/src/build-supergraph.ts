// Build step: compose the supergraph from each subgraph's printed SDL. A composition error fails the build.
//   node dist/build-supergraph.js [--out dist/supergraph.graphql] [--sdl name=path ...]
// --sdl replaces a subgraph's SDL file (used by tests to prove a broken schema stops the build).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { composeSupergraph, CompositionError } from './compose.js';
import { SUBGRAPHS } from './subgraphs.js';

const require = createRequire(import.meta.url);
const { values } = parseArgs({
  options: { out: { type: 'string', default: 'dist/supergraph.graphql' }, sdl: { type: 'string', multiple: true } },
});
const overrides = new Map((values.sdl ?? []).map((s) => s.split('=', 2) as [string, string]));

try {
  const subgraphs = SUBGRAPHS.map((s) => {
    const path = overrides.get(s.name) ?? require.resolve(`${s.package}/subgraph.graphql`);
    return { name: s.name, url: s.defaultUrl, sdl: readFileSync(path, 'utf8') };
  });
  const { supergraphSdl, apiSchemaSdl } = composeSupergraph(subgraphs);
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, supergraphSdl);
  const apiOut = join(dirname(values.out), 'api-schema.graphql');
  writeFileSync(apiOut, apiSchemaSdl);
  console.log(`composed ${subgraphs.map((s) => s.name).join(', ')} → ${values.out}, ${apiOut}`);
} catch (e) {
  console.error(e instanceof CompositionError ? e.message : e);
  process.exit(1);
}
