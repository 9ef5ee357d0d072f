// Schema types for what every portal shares (enums and their Chinese labels), generated from the gateway's
// public API schema. Portals generate their own typed operations with `portalCodegenConfig` (src/codegen.ts).
import type { CodegenConfig } from '@graphql-codegen/cli';
import { fileURLToPath } from 'node:url';

const config: CodegenConfig = {
  schema: fileURLToPath(import.meta.resolve('@skills/gateway/api-schema.graphql')),
  generates: {
    'src/generated/schema.ts': {
      plugins: ['typescript'],
      config: { onlyEnums: true, enumsAsTypes: true, useTypeImports: true },
    },
  },
  silent: true,
};
export default config;
