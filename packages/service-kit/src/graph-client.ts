// A service asking the graph (the gateway, or a subgraph directly) for facts another service owns, with its own
// signed service claims (docs/adr/0005: subgraphs serve only signed requests). Assessment and agencies each had a
// copy of this; certificates is the third user, so it lives here. Any failure — unreachable, not 2xx, no data —
// is SERVICE_UNAVAILABLE naming the service asked, in Chinese; field errors beside data are the caller's to read.
import { DomainError } from '@skills/domain';
import { CLAIMS_HEADER, signClaims } from './auth.js';

export interface ServiceGraphClientOptions {
  /** GraphQL endpoint: the gateway by default in deployments, a subgraph's own URL in tests */
  url: string;
  claimsSecret: string;
  /** this service's name: the principal id the answering subgraph sees (and audits) */
  service: string;
  /** the Chinese name of the service asked, for the SERVICE_UNAVAILABLE message */
  askedTitle: string;
  /** request timeout (default 10 s) */
  timeoutMs?: number;
}

export interface GraphAnswer<T> {
  data: T;
  errors: ReadonlyArray<{
    message: string;
    path?: ReadonlyArray<string | number>;
    extensions?: { code?: string };
  }>;
}

export interface ServiceGraphClient {
  /** The answer's data (errors beside data are dropped); SERVICE_UNAVAILABLE when there is none. */
  ask<T>(query: string, variables?: object): Promise<T>;
  /** The data with the field errors, for callers that tell a refused field from a missing row. */
  askWithErrors<T>(query: string, variables?: object): Promise<GraphAnswer<T>>;
}

export function createServiceGraphClient(opts: ServiceGraphClientOptions): ServiceGraphClient {
  let claims: { token: string; until: number } | undefined;
  // claims live 60 s; one signature serves 30 s of calls
  const serviceClaims = async () => {
    if (!claims || claims.until < Date.now()) {
      const token = await signClaims(
        { kind: 'service', id: opts.service, grants: [] },
        opts.claimsSecret,
        60,
      );
      claims = { token, until: Date.now() + 30_000 };
    }
    return claims.token;
  };
  const unavailable = () => new DomainError('SERVICE_UNAVAILABLE', { service: opts.askedTitle });
  const askWithErrors = async <T>(query: string, variables: object = {}): Promise<GraphAnswer<T>> => {
    let body: { data?: T | null; errors?: GraphAnswer<T>['errors'] };
    try {
      const res = await fetch(opts.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'apollo-require-preflight': 'true',
          [CLAIMS_HEADER]: await serviceClaims(),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      if (!res.ok) throw unavailable();
      body = (await res.json()) as typeof body;
    } catch {
      throw unavailable();
    }
    if (!body.data) throw unavailable();
    return { data: body.data, errors: body.errors ?? [] };
  };
  return {
    askWithErrors,
    ask: async <T>(query: string, variables?: object) => (await askWithErrors<T>(query, variables)).data,
  };
}
