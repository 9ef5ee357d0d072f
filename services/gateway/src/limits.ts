// Per-address limits at the edge, shared by every gateway replica through Redis when REDIS_URL is set
// (service-kit's createRateLimiter): all requests of one address, and failed sign-ins of one address — identity's
// per-account lock-out stops guessing one account's password; this stops one address trying many accounts. Only
// failures count, so a class signing in together behind its college's one NAT address is not turned away.
// The address is the socket's peer, or behind TRUSTED_PROXIES proxies (the Ingress) the one they saw.
import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { errorMessage } from '@skills/domain';
import { clientAddress, createRateLimiter, type Logger, type RateDecision } from '@skills/service-kit';
import { GraphQLError, Kind } from 'graphql';
import type { Config } from './config.js';

export interface EdgeLimits {
  /** the caller's address, as limits and subgraphs see it */
  addressOf(req: IncomingMessage): string;
  /** counts a request of this address; throws TOO_MANY_REQUESTS (HTTP 429) past the limit */
  request(address: string): Promise<void>;
  /** refuses an operation with a `login` field once the address has failed to sign in too often */
  plugin(): ApolloServerPlugin<{ address?: string }>;
  close(): Promise<void>;
}

const MINUTE = 60_000;
const LOGIN_WINDOW = 10 * MINUTE;

export function tooManyRequests(d: RateDecision): GraphQLError {
  const seconds = Math.ceil(d.retryAfterMs / 1000);
  return new GraphQLError(
    errorMessage('TOO_MANY_REQUESTS', { minutes: Math.max(1, Math.ceil(seconds / 60)) }),
    {
      extensions: {
        code: 'TOO_MANY_REQUESTS',
        retryAfterSeconds: seconds,
        http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
      },
    },
  );
}

export function createEdgeLimits(config: Config, log: Logger): EdgeLimits {
  const redisUrl = config.REDIS_URL;
  const requests =
    config.RATE_LIMIT_PER_MINUTE > 0
      ? createRateLimiter({
          name: 'gw-req',
          limit: config.RATE_LIMIT_PER_MINUTE,
          windowMs: MINUTE,
          redisUrl,
          log,
        })
      : null;
  const logins =
    config.LOGIN_FAILURES_PER_ADDRESS > 0
      ? createRateLimiter({
          name: 'gw-login-failed',
          limit: config.LOGIN_FAILURES_PER_ADDRESS,
          windowMs: LOGIN_WINDOW,
          redisUrl,
          log,
        })
      : null;
  return {
    addressOf: (req) => clientAddress(req, config.TRUSTED_PROXIES),
    request: async (address) => {
      if (!requests) return;
      const d = await requests.take(address);
      if (!d.allowed) throw tooManyRequests(d);
    },
    plugin: () => ({
      async requestDidStart() {
        let signsIn = false;
        return {
          async didResolveOperation({ operation, contextValue }) {
            if (!logins || !contextValue.address) return;
            signsIn = !!operation?.selectionSet.selections.some(
              (s) => s.kind === Kind.FIELD && s.name.value === 'login',
            );
            if (!signsIn) return;
            const d = await logins.blocked(contextValue.address);
            if (!d.allowed) {
              signsIn = false; // the refusal itself is not another failure
              throw tooManyRequests(d);
            }
          },
          async willSendResponse({ response, contextValue }) {
            if (!signsIn || !logins || !contextValue.address) return;
            const body = response.body;
            if (body.kind === 'single' && body.singleResult.errors?.length)
              await logins.take(contextValue.address);
          },
        };
      },
    }),
    close: async () => {
      await requests?.close();
      await logins?.close();
    },
  };
}
