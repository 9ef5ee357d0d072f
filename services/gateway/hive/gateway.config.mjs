// The same supergraph served by Hive Gateway (a Router-class gateway) instead of ours — what a bureau needs to
// move without touching a subgraph: subgraphs serve only requests with signed claims (docs/adr/0005), so this
// config does what our gateway does at the edge: verify the caller's bearer token against identity's JWKS and
// sign the claims (HS256, CLAIMS_SECRET) for every subgraph request; no token means anonymous claims. Depth,
// cost and alias limits, registered operations for partners, the response cache and logout revocation are our
// gateway's and are not reproduced here.
//   cd services/gateway/hive && SUPERGRAPH_PATH=… CLAIMS_SECRET=… IDENTITY_JWKS_URL=… \
//     node ../node_modules/@graphql-hive/gateway/dist/bin.js supergraph "$SUPERGRAPH_PATH" --port 4100
import { ANONYMOUS, signClaims } from '@skills/service-kit';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const secret = process.env.CLAIMS_SECRET;
if (!secret) throw new Error('CLAIMS_SECRET is required (the subgraphs verify the claims with it)');
const jwks = createRemoteJWKSet(
  new URL(process.env.IDENTITY_JWKS_URL ?? 'http://127.0.0.1:4005/.well-known/jwks.json'),
);

async function principalOf(request) {
  const [scheme, token] = (request.headers.get('authorization') ?? '').split(' ');
  if (scheme !== 'Bearer' || !token) return ANONYMOUS;
  try {
    const { payload } = await jwtVerify(token, jwks, {
      issuer: 'skills-identity',
      audience: 'skills-platform',
      algorithms: ['ES256'],
    });
    return { kind: 'user', id: payload.sub ?? null, name: payload.name, grants: payload.grants ?? [] };
  } catch {
    return ANONYMOUS; // our gateway answers 401 here; Hive serves the caller as anonymous
  }
}

export const gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs: async ({ request }) => ({
      'x-skills-claims': await signClaims(await principalOf(request), secret),
      'accept-language': request.headers.get('accept-language') ?? undefined,
      'x-request-id': request.headers.get('x-request-id') ?? undefined,
    }),
  },
};
