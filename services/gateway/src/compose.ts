import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export class CompositionError extends Error {
  constructor(readonly errors: readonly { message: string; code?: string }[]) {
    super(`Supergraph composition failed:\n${errors.map((e) => `  - ${e.code ? `[${e.code}] ` : ''}${e.message}`).join('\n')}`);
  }
}

/** Composes subgraph SDLs into a supergraph SDL (Federation 2); throws CompositionError with every error. */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors?.length) {
    throw new CompositionError(
      result.errors.map((e) => ({ message: e.message, code: e.extensions?.code as string | undefined })),
    );
  }
  if (!result.supergraphSdl) throw new CompositionError([{ message: 'no supergraph produced' }]);
  return result.supergraphSdl;
}
