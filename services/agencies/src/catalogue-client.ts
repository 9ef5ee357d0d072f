// The catalogue facts a filing needs (does the occupation exist, is it skill-type, which levels does its
// standard define, or is it a 专项 project), asked through the graph in one request per filing.
import { skillLevelFromCode, type SkillLevel } from '@skills/domain';
import { CLAIMS_HEADER, signClaims } from '@skills/service-kit';
import type { CatalogueEntry } from './domain/scope-rules.js';

export interface CatalogueDirectory {
  lookup(codes: readonly string[]): Promise<Map<string, CatalogueEntry>>;
}

const isOccupationCode = (c: string) => /^\d/.test(c);

/**
 * `graphUrl` is the gateway in the platform (anonymous there: the catalogue's facts are public) or the catalogue
 * itself (tests, a cluster without the gateway hop), which serves only signed requests: the call carries this
 * service's own claims, re-signed before they expire.
 */
export function createCatalogueDirectory(graphUrl: string, claimsSecret: string): CatalogueDirectory {
  let claims: { token: string; until: number } | undefined;
  const serviceClaims = async () => {
    if (!claims || claims.until < Date.now()) {
      const token = await signClaims({ kind: 'service', id: 'agencies', grants: [] }, claimsSecret, 60);
      claims = { token, until: Date.now() + 30_000 };
    }
    return claims.token;
  };
  return {
    async lookup(codes) {
      const unique = [...new Set(codes)].slice(0, 200);
      if (unique.length === 0) return new Map();
      const fields = unique.map((c, i) =>
        isOccupationCode(c)
          ? `o${i}: occupation(code: ${JSON.stringify(c)}) { code name skillType levels }`
          : `s${i}: specialAbilityProject(code: ${JSON.stringify(c)}) { code name }`,
      );
      const res = await fetch(graphUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'apollo-require-preflight': 'true',
          [CLAIMS_HEADER]: await serviceClaims(),
        },
        body: JSON.stringify({ query: `{ ${fields.join(' ')} }` }),
      });
      if (!res.ok && res.status !== 200) throw new Error(`catalogue answered HTTP ${res.status}`);
      const body = (await res.json()) as {
        data?: Record<string, { code: string; name: string; skillType?: boolean; levels?: string[] } | null>;
      };
      if (!body.data) throw new Error('catalogue gave no data');
      const found = new Map<string, CatalogueEntry>();
      for (const v of Object.values(body.data)) {
        if (!v) continue;
        found.set(v.code, {
          code: v.code,
          name: v.name,
          kind: v.skillType === undefined ? 'SPECIAL_ABILITY' : 'OCCUPATION',
          skillType: v.skillType ?? false,
          levels: (v.levels ?? [])
            .map((l) => skillLevelFromCode(l))
            .filter((l): l is SkillLevel => l !== undefined),
        });
      }
      return found;
    },
  };
}
