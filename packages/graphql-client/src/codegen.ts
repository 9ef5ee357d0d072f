// Code generation settings every portal uses for its typed operations (`graphql-codegen --config codegen.ts`).
// The schema is the gateway's public API schema, rebuilt whenever a subgraph changes, so types never drift.
import type { CodegenConfig } from '@graphql-codegen/cli';
import { fileURLToPath } from 'node:url';

/** Absolute path of `@skills/gateway/api-schema.graphql`. */
export const apiSchemaPath: string = fileURLToPath(import.meta.resolve('@skills/gateway/api-schema.graphql'));

/** Client preset: `src/generated/` gets a typed `graphql()` function for the operations in `documents`. */
export function portalCodegenConfig(documents: string[] = ['src/features/*/api/*.ts']): CodegenConfig {
  return {
    schema: apiSchemaPath,
    documents,
    ignoreNoDocuments: false,
    silent: true,
    generates: {
      'src/generated/': {
        preset: 'client',
        presetConfig: { fragmentMasking: false },
        config: {
          useTypeImports: true,
          enumsAsTypes: true,
          avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
          scalars: { DateTime: 'string' },
        },
      },
    },
  };
}
