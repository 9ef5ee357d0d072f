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
  const ask = async (occupations: string[], projects: string[]) => {
    const res = await fetch(graphUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'apollo-require-preflight': 'true',
        [CLAIMS_HEADER]: await serviceClaims(),
      },
      body: JSON.stringify({ query: LOOKUP, variables: { occupations, projects } }),
    });
    if (!res.ok) throw new Error(`catalogue answered HTTP ${res.status}`);
    const body = (await res.json()) as { data?: LookupAnswer };
    if (!body.data) throw new Error('catalogue gave no data');
    return body.data;
  };
  return {
    async lookup(codes) {
      const unique = [...new Set(codes)];
      const found = new Map<string, CatalogueEntry>();
      // two list fields with the codes as variables (the gateway limits aliases per request), 100 per page
      for (let i = 0; i < unique.length; i += 100) {
        const page = unique.slice(i, i + 100);
        const data = await ask(
          page.filter(isOccupationCode),
          page.filter((c) => !isOccupationCode(c)),
        );
        for (const { node: o } of data.occupations.edges) {
          found.set(o.code, {
            code: o.code,
            name: o.name,
            kind: 'OCCUPATION',
            skillType: o.skillType,
            levels: o.levels
              .map((l) => skillLevelFromCode(l))
              .filter((l): l is SkillLevel => l !== undefined),
          });
        }
        for (const { node: p } of data.specialAbilityProjects.edges) {
          found.set(p.code, {
            code: p.code,
            name: p.name,
            kind: 'SPECIAL_ABILITY',
            skillType: false,
            levels: [],
          });
        }
      }
      return found;
    },
  };
}

const LOOKUP = `query CatalogueFacts($occupations: [String!]!, $projects: [String!]!) {
  occupations(codes: $occupations, first: 100) { edges { node { code name skillType levels } } }
  specialAbilityProjects(codes: $projects, first: 100) { edges { node { code name } } }
}`;

interface LookupAnswer {
  occupations: { edges: { node: { code: string; name: string; skillType: boolean; levels: string[] } }[] };
  specialAbilityProjects: { edges: { node: { code: string; name: string } }[] };
}
