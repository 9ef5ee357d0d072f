import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { errorMessage, Role } from '@skills/domain';
import { GraphQLError } from 'graphql';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  ANONYMOUS,
  CLAIMS_HEADER,
  CLIENT_ADDRESS_HEADER,
  childTraceparent,
  requestTrace,
  startTracing,
  stopTracing,
  type TraceContext,
  createLogger,
  listen,
  makeFormatError,
  principalFromHeaders,
  shutdownOf,
  signClaims,
  type Logger,
  type Principal,
  type RunningServer,
} from '@skills/service-kit';
import { createApiKeyVerifier, type VerifyApiKey } from './api-keys.js';
import { createRedisInvalidationBus, type InvalidationBus } from './invalidation-bus.js';
import { createRevocations } from './revocations.js';
import { createEdgeLimits } from './limits.js';
import { createAuthenticator, type Authenticate } from './auth.js';
import { createSubgraphClient, subgraphFetcher, timedFetcher } from './subgraph-client.js';
import { persistedQueryCache, type PersistedOperation } from './persisted.js';
import { policyPlugin } from './policy.js';
import { publicQueryFields, ResponseCache, type CacheContext } from './response-cache.js';
import { planAtStart, warmUpDone } from './warm-up.js';
import type { IncomingHttpHeaders } from 'node:http';
import { LRUCache } from 'lru-cache';
import { jwksUrlOf, type Config } from './config.js';
import { SUBGRAPHS } from './subgraphs.js';

interface GatewayContext extends CacheContext {
  headers: IncomingHttpHeaders;
  /** the request's trace (W3C traceparent), passed on to every subgraph asked; none in the warm-up */
  trace?: TraceContext;
  /** the principal signed for subgraphs (anonymous callers get anonymous claims); null only in the warm-up */
  claims: string | null;
  /** the caller's address (limits; passed on to subgraphs); none in the warm-up */
  address?: string;
  /** a start-up dry run: planned, then stopped before any subgraph is asked */
  warmUp?: boolean;
}

export const defaultOperationsPath = fileURLToPath(
  new URL('../dist/persisted-operations.json', import.meta.url),
);

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
  /** partner API key verification; defaults to asking identity */
  verifyApiKey?: VerifyApiKey;
  /** registered (trusted) operations; defaults to the build's dist/persisted-operations.json */
  operations?: PersistedOperation[];
  /** told when this process invalidates cached answers, so peer workers can do the same */
  onInvalidate?: (subgraphs: string[]) => void;
}

export interface Gateway extends RunningServer {
  log: Logger;
  responseCache: ResponseCache;
  /** registered operations parsed, validated and planned before the first request */
  warmedUp: { operations: number; ms: number };
}

function subgraphUnavailable(name: string, title: string, cause: Error): GraphQLError {
  return new GraphQLError(errorMessage('SERVICE_UNAVAILABLE', { service: title }), {
    originalError: cause,
    extensions: { code: 'SERVICE_UNAVAILABLE', service: name },
  });
}

export async function startGateway(opts: GatewayOptions): Promise<Gateway> {
  const { config } = opts;
  const log = opts.log ?? createLogger('gateway', config.LOG_LEVEL);
  if (startTracing('gateway')) log.info('OpenTelemetry traces exported (OTEL_* variables)');
  const supergraphSdl =
    opts.supergraphSdl ?? readFileSync(config.SUPERGRAPH_PATH ?? defaultSupergraphPath, 'utf8');
  const urls: Record<string, string> = Object.fromEntries(
    SUBGRAPHS.map((s) => [s.name, opts.subgraphUrls?.[s.name] ?? process.env[s.urlEnv] ?? s.defaultUrl]),
  );
  const titles = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, s.title]));
  const subgraphClient = createSubgraphClient(CLAIMS_HEADER);
  // @apollo/gateway reports usage metrics to Apollo and probes cloud metadata addresses (Alibaba, AWS, GCP,
  // Azure) on start unless this is set; the platform runs on intranets and connects only where configured.
  if (!process.env.APOLLO_TELEMETRY_DISABLED) process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const fetcher = subgraphFetcher(subgraphClient);
  const gateway = new ApolloGateway({
    supergraphSdl,
    // The plan is in the plan cache by now; a warm-up run ends here, before any subgraph is asked.
    experimental_didResolveQueryPlan: ({ requestContext }) => {
      if ((requestContext.context as GatewayContext).warmUp) throw warmUpDone();
    },
    buildService: ({ name, url }) =>
      // undici on a keep-alive pool with in-flight de-duplication of identical queries, instead of the
      // default fetcher (make-fetch-happen, with caching layers a gateway does not need). docs/adr/0008.
      new RemoteGraphQLDataSource<GatewayContext>({
        url: urls[name] ?? url,
        fetcher: timedFetcher(name, fetcher),
        willSendRequest({ request, context }) {
          context.touched?.add(name);
          if (context.trace) request.http?.headers.set('traceparent', childTraceparent(context.trace));
          for (const h of FORWARDED) {
            const v = context.headers?.[h];
            if (typeof v === 'string') request.http?.headers.set(h, v);
          }
          if (context.claims) request.http?.headers.set(CLAIMS_HEADER, context.claims);
          // for the subgraphs' own per-client limits (public certificate verification); identical concurrent
          // queries share one fetch and so the first caller's address
          if (context.address) request.http?.headers.set(CLIENT_ADDRESS_HEADER, context.address);
        },
        // A subgraph that cannot be reached (or whose proxy says so) is named, not reported as INTERNAL; the
        // other subgraphs' fields are still answered, and the next request tries again.
        didEncounterError(error, _request, response) {
          if (response && ![502, 503, 504].includes(response.status)) throw error;
          throw subgraphUnavailable(name, titles[name] ?? name, error);
        },
      }),
  });
  const revocations = createRevocations({
    identityUrl: config.IDENTITY_URL,
    claimsSecret: config.CLAIMS_SECRET,
    pollMs: config.REVOCATION_POLL_SECONDS * 1000,
    // the longest access-token lifetime identity allows
    tokenTtlMs: 3_600_000,
    log,
  });
  const authenticate =
    opts.authenticate ?? createAuthenticator(new URL(jwksUrlOf(config)), (s) => revocations.has(s));
  const verifyApiKey = opts.verifyApiKey ?? createApiKeyVerifier(config.IDENTITY_URL, config.CLAIMS_SECRET);
  const operations =
    opts.operations ?? (JSON.parse(readFileSync(defaultOperationsPath, 'utf8')) as PersistedOperation[]);

  /**
   * Bearer token (people), x-api-key (partners), or — from the platform's own services asking the graph (agencies'
   * catalogue look-ups, assessment's agency facts, certificates' results) — claims signed with CLAIMS_SECRET for a
   * service; none of these means anonymous. Without this a service's own claims were replaced here by anonymous
   * ones, and it saw only what the public sees.
   */
  const identify = async (
    headers: IncomingHttpHeaders,
  ): Promise<{ principal: Principal; allowedOperations: string[] | null }> => {
    const apiKey = headers['x-api-key'];
    if (typeof headers[CLAIMS_HEADER] === 'string' && !headers.authorization && typeof apiKey !== 'string') {
      const service = await principalFromHeaders(headers, { claimsSecret: config.CLAIMS_SECRET });
      if (service?.kind !== 'service')
        throw new GraphQLError('服务凭证无效或已过期', {
          extensions: { code: 'INVALID_TOKEN', http: { status: 401 } },
        });
      return { principal: service, allowedOperations: null };
    }
    if (typeof apiKey !== 'string' || headers.authorization)
      return { principal: await authenticate(headers), allowedOperations: null };
    const key = await verifyApiKey(apiKey);
    if (!key)
      throw new GraphQLError('接口密钥无效或已吊销', {
        extensions: { code: 'INVALID_API_KEY', http: { status: 401 } },
      });
    return {
      principal: {
        kind: 'partner',
        id: key.id,
        name: key.name,
        grants: [{ role: Role.PARTNER, orgCode: key.organisationCode }],
      },
      allowedOperations: key.allowedOperations,
    };
  };
  // Signed claims live 60 s; one signature per caller serves their requests for half of that, and identical
  // claims let identical concurrent subgraph queries of that caller share one fetch.
  const signed = new LRUCache<string, string>({ max: 10_000, ttl: 30_000 });
  // Anonymous callers share one set of anonymous claims: subgraphs serve only signed requests.
  const claimsFor = async (headers: IncomingHttpHeaders, principal: Principal, secret: string) => {
    const credential =
      principal.kind === 'anonymous'
        ? 'anonymous'
        : (headers.authorization ?? headers['x-api-key'] ?? headers[CLAIMS_HEADER]);
    const key = typeof credential === 'string' ? credential : null;
    let claims = key ? signed.get(key) : undefined;
    if (!claims) {
      claims = await signClaims(principal, secret);
      if (key) signed.set(key, claims);
    }
    return claims;
  };
  const development = config.NODE_ENV === 'development';
  // With REDIS_URL every replica of the gateway hears every other's writes (src/invalidation-bus.ts).
  let bus: InvalidationBus | undefined;
  const responseCache = new ResponseCache({
    ttlMs: config.RESPONSE_CACHE_TTL_SECONDS * 1000,
    maxChars: config.RESPONSE_CACHE_MAX_MIB * 2 ** 20,
    publicFields: publicQueryFields(supergraphSdl),
    ...(opts.onInvalidate ? { onInvalidate: opts.onInvalidate } : {}),
    broadcast: (subgraphs) => bus?.publish(subgraphs) ?? Promise.resolve(),
  });
  if (config.REDIS_URL && responseCache.enabled)
    bus = await createRedisInvalidationBus(config.REDIS_URL, {
      onRemote: (subgraphs) => responseCache.invalidate(subgraphs, true),
      log,
    });
  const limits = createEdgeLimits(config, log);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    csrfPrevention: true,
    // We own shutdown (onShutdown closes HTTP, Prisma and the database in order); Apollo's own signal
    // handler would race it and re-raise the signal.
    stopOnTerminationSignals: false,
    introspection: development,
    includeStacktraceInErrorResponses: false,
    formatError: makeFormatError(log, false),
    // Automatic persisted queries stay available to portals; registered operations are always in the cache.
    persistedQueries: { cache: persistedQueryCache(operations) },
    plugins: [
      policyPlugin(
        {
          maxDepth: config.MAX_QUERY_DEPTH,
          maxCost: config.MAX_QUERY_COST,
          maxAliases: config.MAX_ALIASES,
          maxRootFields: config.MAX_ROOT_FIELDS,
        },
        operations,
      ),
      limits.plugin(),
      // after the policy: a cached answer is still subject to the depth and cost limits
      responseCache.plugin(),
      {
        // a logout through this gateway ends the session's access tokens here before the answer goes out
        async requestDidStart() {
          return {
            async willSendResponse({ response }) {
              const body = response.body;
              if (body.kind === 'single' && body.singleResult.data?.logout === true)
                await revocations.refresh();
            },
          };
        },
      },
      ...(development ? [] : [ApolloServerPluginLandingPageDisabled()]),
    ],
  });
  const server = await listen({
    apollo,
    log,
    host: config.HOST,
    port: config.PORT,
    bodyLimit: config.BODY_LIMIT,
    shutdown: shutdownOf(config),
    corsOrigins: config.CORS_ORIGINS,
    context: async (req) => {
      const address = limits.addressOf(req);
      const { principal, allowedOperations } = await identify(req.headers);
      // the platform's own services are not limited per address (a batch of certificates asks many times)
      if (principal.kind !== 'service') await limits.request(address);
      const claims = await claimsFor(req.headers, principal, config.CLAIMS_SECRET);
      const trace = requestTrace(req);
      return {
        headers: req.headers,
        principal,
        allowedOperations,
        claims,
        address,
        touched: new Set<string>(),
        ...(trace ? { trace } : {}),
      };
    },
  });
  // Registered operations are planned now, not on a partner's first call (src/warm-up.ts).
  const warmedUp = await planAtStart(apollo, gateway.schema!, operations, log, () => ({
    headers: {},
    principal: ANONYMOUS,
    allowedOperations: null,
    claims: null,
    touched: new Set<string>(),
    warmUp: true,
  }));
  log.info({ url: server.url, subgraphs: urls, warmedUp }, 'gateway ready');
  return {
    ...server,
    log,
    responseCache,
    warmedUp,
    close: async () => {
      revocations.close();
      await bus?.close();
      await limits.close();
      await server.close();
      await subgraphClient.close();
      await stopTracing();
    },
  };
}
