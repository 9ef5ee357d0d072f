import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  CLAIMS_HEADER,
  createLogger,
  listen,
  makeFormatError,
  signClaims,
  type Logger,
  type Principal,
  type RunningServer,
} from '@skills/service-kit';
import { createAuthenticator, type Authenticate } from './auth.js';
import type { IncomingHttpHeaders } from 'node:http';
import { jwksUrlOf, type Config } from './config.js';
import { SUBGRAPHS } from './subgraphs.js';

interface GatewayContext extends BaseContext {
  headers: IncomingHttpHeaders;
  principal: Principal;
  /** the principal signed for subgraphs; null when anonymous */
  claims: string | null;
}

/** Headers passed on to subgraphs. The caller's token is not: subgraphs get the verified, signed claims. */
const FORWARDED = ['x-request-id', 'accept-language'] as const;

export const defaultSupergraphPath = fileURLToPath(new URL('../dist/supergraph.graphql', import.meta.url));

export interface GatewayOptions {
  config: Config;
  supergraphSdl?: string;
  /** Subgraph URLs by name; defaults to each subgraph's URL env var, then its default. */
  subgraphUrls?: Record<string, string>;
  log?: Logger;
  /** caller verification; defaults to identity's JWKS */
  authenticate?: Authenticate;
}

export interface Gateway extends RunningServer {
  log: Logger;
}

export async function startGateway(opts: GatewayOptions): Promise<Gateway> {
  const { config } = opts;
  const log = opts.log ?? createLogger('gateway', config.LOG_LEVEL);
  const supergraphSdl = opts.supergraphSdl ?? readFileSync(config.SUPERGRAPH_PATH ?? defaultSupergraphPath, 'utf8');
  const urls: Record<string, string> = Object.fromEntries(
    SUBGRAPHS.map((s) => [s.name, opts.subgraphUrls?.[s.name] ?? process.env[s.urlEnv] ?? s.defaultUrl]),
  );
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: urls[name] ?? url,
        willSendRequest({ request, context }) {
          for (const h of FORWARDED) {
            const v = context.headers?.[h];
            if (typeof v === 'string') request.http?.headers.set(h, v);
          }
          if (context.claims) request.http?.headers.set(CLAIMS_HEADER, context.claims);
        },
      }),
  });
  if (!config.CLAIMS_SECRET) log.warn('CLAIMS_SECRET is not set: every caller reaches the subgraphs as anonymous');
  const authenticate = opts.authenticate ?? createAuthenticator(new URL(jwksUrlOf(config)));
  const development = config.NODE_ENV === 'development';
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    csrfPrevention: true,
    // We own shutdown (onShutdown closes HTTP, Prisma and the database in order); Apollo's own signal
    // handler would race it and re-raise the signal.
    stopOnTerminationSignals: false,
    introspection: development,
    includeStacktraceInErrorResponses: false,
    formatError: makeFormatError(log, false),
    plugins: development ? [] : [ApolloServerPluginLandingPageDisabled()],
  });
  const server = await listen({
    apollo,
    log,
    host: config.HOST,
    port: config.PORT,
    bodyLimit: config.BODY_LIMIT,
    corsOrigins: config.CORS_ORIGINS,
    context: async (req) => {
      const principal = await authenticate(req.headers);
      const claims = principal.kind === 'anonymous' || !config.CLAIMS_SECRET ? null : await signClaims(principal, config.CLAIMS_SECRET);
      return { headers: req.headers, principal, claims };
    },
  });
  log.info({ url: server.url, subgraphs: urls }, 'gateway ready');
  return { ...server, log };
}
