// Partner API keys are owned by identity; the gateway asks it (as the service "gateway", with signed claims)
// and caches the answer briefly: a revoked key stops working within API_KEY_CACHE_SECONDS.
import { signClaims } from '@skills/service-kit';

export interface VerifiedApiKey {
  id: string;
  name: string;
  organisationCode: string;
  allowedOperations: string[];
}

export type VerifyApiKey = (key: string) => Promise<VerifiedApiKey | null>;

export function createApiKeyVerifier(
  identityUrl: string,
  claimsSecret: string,
  cacheSeconds = 30,
): VerifyApiKey {
  const endpoint = identityUrl.replace(/\/graphql$/, '/internal/api-keys/verify');
  const cache = new Map<string, { value: VerifiedApiKey | null; until: number }>();
  return async (key) => {
    const hit = cache.get(key);
    if (hit && hit.until > Date.now()) return hit.value;
    const claims = await signClaims({ kind: 'service', id: 'gateway', grants: [] }, claimsSecret);
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-skills-claims': claims },
      body: JSON.stringify({ key }),
    });
    if (res.status !== 200 && res.status !== 404)
      throw new Error(`identity answered ${res.status} to an API key check`);
    const value = res.status === 200 ? ((await res.json()) as VerifiedApiKey) : null;
    if (cache.size > 10_000) cache.clear();
    // unknown keys are re-checked sooner, so a key works soon after it is created
    cache.set(key, { value, until: Date.now() + (value ? cacheSeconds : Math.min(5, cacheSeconds)) * 1000 });
    return value;
  };
}
