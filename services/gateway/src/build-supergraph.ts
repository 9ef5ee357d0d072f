// Build step: compose the supergraph from each subgraph's printed SDL. A composition error fails the build.
//   node dist/build-supergraph.js [--out dist/supergraph.graphql] [--sdl name=path ...]
// --sdl replaces a subgraph's SDL file (used by tests to prove a broken schema stops the build).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { composeSupergraph, CompositionError } from './compose.js';
import { loadOperations, validateOperations } from './persisted.js';
import { subgraphsOfPlatform } from './subgraphs.js';

const operationsDir = fileURLToPath(new URL('../operations', import.meta.url));

const require = createRequire(import.meta.url);
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'dist/supergraph.graphql' },
    sdl: { type: 'string', multiple: true },
  },
});
const overrides = new Map((values.sdl ?? []).map((s) => s.split('=', 2) as [string, string]));

try {
  const entries = subgraphsOfPlatform();
  const subgraphs = entries.map((s) => {
    const path = overrides.get(s.name) ?? require.resolve(`${s.package}/subgraph.graphql`);
    return { name: s.name, url: s.defaultUrl, sdl: readFileSync(path, 'utf8') };
  });
  const { supergraphSdl, apiSchemaSdl } = composeSupergraph(subgraphs);
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, supergraphSdl);
  const apiOut = join(dirname(values.out), 'api-schema.graphql');
  writeFileSync(apiOut, apiSchemaSdl);
  console.log(`composed ${subgraphs.map((s) => s.name).join(', ')} → ${values.out}, ${apiOut}`);
  // Registered partner operations must stay valid against the composed schema.
  const ops = loadOperations(operationsDir);
  const invalid = validateOperations(ops, apiSchemaSdl);
  if (invalid.length)
    throw new CompositionError(invalid.map((message) => ({ message, code: 'PERSISTED_OPERATION_INVALID' })));
  // the list travels with the build: a deployed gateway has no platform.json beside it
  writeFileSync(join(dirname(values.out), 'subgraphs.json'), JSON.stringify(entries, null, 2));
  const opsOut = join(dirname(values.out), 'persisted-operations.json');
  writeFileSync(opsOut, JSON.stringify(ops, null, 2));
  console.log(`${ops.length} registered operations → ${opsOut}`);
} catch (e) {
  console.error(e instanceof CompositionError ? e.message : e);
  process.exit(1);
}
