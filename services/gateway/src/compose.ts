import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export class CompositionError extends Error {
  constructor(readonly errors: readonly { message: string; code?: string }[]) {
    super(
      `Supergraph composition failed:\n${errors.map((e) => `  - ${e.code ? `[${e.code}] ` : ''}${e.message}`).join('\n')}`,
    );
  }
}

export interface Composed {
  /** the supergraph, with join directives — what the gateway loads */
  supergraphSdl: string;
  /** the public API schema clients see — what portal code generation reads */
  apiSchemaSdl: string;
}

/** Composes subgraph SDLs into a supergraph (Federation 2); throws CompositionError with every error. */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): Composed {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })),
  );
  if (result.errors?.length) {
    throw new CompositionError(
      result.errors.map((e) => ({ message: e.message, code: e.extensions?.code as string | undefined })),
    );
  }
  if (!result.supergraphSdl || !result.schema)
    throw new CompositionError([{ message: 'no supergraph produced' }]);
  return {
    supergraphSdl: result.supergraphSdl,
    apiSchemaSdl: printSchema(result.schema.toAPISchema().toGraphQLJSSchema()),
  };
}
