// Build step: writes this subgraph's SDL (with federation directives) for the gateway's composition.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { schema } from './schema/index.js';

const out = process.argv[2] ?? 'dist/subgraph.graphql';
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, printSubgraphSchema(schema));
console.log(`wrote ${out}`);
