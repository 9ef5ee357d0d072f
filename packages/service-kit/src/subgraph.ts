import type { IncomingMessage } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { principalFromHeaders, type Principal } from './auth.js';
import type { BaseConfig } from './config.js';
import { makeFormatError } from './errors.js';
import { listen, type HttpOptions, type RunningServer } from './http.js';
import type { Logger } from './logger.js';

export interface RequestContext extends BaseContext {
  principal: Principal;
  log: Logger;
  requestId: string;
}

export interface SubgraphServerOptions<TContext extends RequestContext> {
  schema: GraphQLSchema;
  config: BaseConfig;
  port: number;
  log: Logger;
  /** Adds the service's own fields (Prisma client, loaders) to the request context. */
  context: (base: RequestContext, req: IncomingMessage) => TContext | Promise<TContext>;
  ready?: () => Promise<void>;
  /** Extra HTTP routes answered before GraphQL (e.g. identity's JWKS); return true when handled. */
  routes?: HttpOptions<TContext>['routes'];
}

export async function startSubgraphServer<TContext extends RequestContext>(
  opts: SubgraphServerOptions<TContext>,
): Promise<RunningServer> {
  const dev = opts.config.NODE_ENV !== 'production';
  const apollo = new ApolloServer<TContext>({
    schema: opts.schema,
    csrfPrevention: true,
    // We own shutdown (onShutdown closes HTTP, Prisma and the database in order); Apollo's own signal
    // handler would race it and re-raise the signal.
    stopOnTerminationSignals: false,
    introspection: dev,
    formatError: makeFormatError(opts.log, false),
    // Stack traces go to the log, never to callers.
    includeStacktraceInErrorResponses: false,
    // Only what a subgraph uses: no federated inline tracing, no usage or schema reporting (they would switch on
    // with an APOLLO_KEY in the environment), and no cache-control plugin — it walks every resolved field to
    // compute a cache policy no one reads (the gateway's response cache has its own rules; ADR 0008, ADR 0018).
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ...(dev ? [] : [ApolloServerPluginLandingPageDisabled()]),
    ],
  });
  let seq = 0;
  return listen({
    apollo,
    log: opts.log,
    host: opts.config.HOST,
    port: opts.port,
    bodyLimit: opts.config.BODY_LIMIT,
    shutdown: shutdownOf(opts.config),
    ...(opts.ready ? { ready: opts.ready } : {}),
    ...(opts.routes ? { routes: opts.routes } : {}),
    context: async (req) => {
      const requestId = (req.headers['x-request-id'] as string | undefined) ?? `${process.pid}-${++seq}`;
      const principal = await principalFromHeaders(req.headers, { claimsSecret: opts.config.CLAIMS_SECRET });
      if (!principal) throw notThroughGateway();
      const base: RequestContext = {
        principal,
        log: opts.log.child({ requestId }),
        requestId,
      };
      return opts.context(base, req);
    },
  });
}

/** The graceful-stop settings of a service's configuration. */
export function shutdownOf(config: BaseConfig) {
  return { drainMs: config.SHUTDOWN_DRAIN_SECONDS * 1000, graceMs: config.SHUTDOWN_GRACE_SECONDS * 1000 };
}

/** A request without the gateway's signed claims: refused, not served as anonymous (docs/adr/0005). */
function notThroughGateway() {
  return new GraphQLError('请通过平台网关访问本服务', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/** Runs a service until SIGINT/SIGTERM, then closes what it opened, in reverse order. */
export function onShutdown(log: Logger, ...closers: Array<() => Promise<void>>) {
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    for (const close of closers) {
      try {
        await close();
      } catch (e) {
        log.error({ err: e }, 'error while closing');
      }
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  whenParentExits(() => void stop('parent exited'));
}

/**
 * Under a launcher that sets SKILLS_EXIT_WITH_PARENT (npm start, tests), the service runs in its own process
 * group and its stdin is a pipe from the launcher: end of input means the launcher is gone, however it ended.
 */
export function whenParentExits(stop: () => void) {
  if (process.env.SKILLS_EXIT_WITH_PARENT !== '1') return;
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
}
