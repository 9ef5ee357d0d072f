// The facts issuance needs from services that own them, asked through the graph with this service's signed
// claims (service-kit's createServiceGraphClient): the final results with their candidates (assessment — the
// unmasked ID number is shown to services and audited there) and the agencies' filings (agencies `agency(id)`).
import { skillLevelFromCode, type AgencyKind, type SkillLevel } from '@skills/domain';
import { createServiceGraphClient } from '@skills/service-kit';

export interface ResultFacts {
  id: string;
  kind: 'OCCUPATION' | 'SPECIAL_ABILITY';
  occupationCode: string;
  level: SkillLevel | null;
  agencyId: string;
  planId: string;
  candidateId: string;
  theory: number | null;
  practical: number | null;
  passed: boolean;
  finalizedAt: Date;
  assessmentDate: Date;
  candidate: {
    name: string;
    idNumber: string;
    accountId: string | null;
    institutionCode: string | null;
    graduationYear: number | null;
  };
}

export interface AgencyFacts {
  id: string;
  name: string;
  kind: AgencyKind;
  /** as agencies shows it: a filing past its period reads EXPIRED */
  status: 'APPLYING' | 'FILED' | 'SUSPENDED' | 'CANCELLED' | 'EXPIRED';
  regionCode: string;
  validFrom: Date | null;
  validUntil: Date | null;
  institutionCode: string;
  scope: { occupationCode: string; kind: 'OCCUPATION' | 'SPECIAL_ABILITY'; levels: SkillLevel[] }[];
}

export interface FactsSource {
  /** the results by id (missing ones are left out) */
  results(ids: readonly string[]): Promise<Map<string, ResultFacts>>;
  /** null: no such agency, or one the graph does not show */
  agency(id: string): Promise<AgencyFacts | null>;
}

const RESULT_FIELDS = `id kind occupationCode level agencyId planId candidateId theory practical passed finalizedAt
  registration { plan { assessmentDate }
    candidate { name accountId institutionCode graduationYear idNumberUnmasked(reason: "颁发证书") } }`;

const AGENCY = `query AgencyFacts($id: ID!) {
  agency(id: $id) {
    id name kind status regionCode validFrom validUntil
    institution { creditCode }
    scope { occupationCode kind levels }
  }
}`;

interface ResultAnswer {
  id: string;
  kind: ResultFacts['kind'];
  occupationCode: string;
  level: string | null;
  agencyId: string;
  planId: string;
  candidateId: string;
  theory: number | null;
  practical: number | null;
  passed: boolean;
  finalizedAt: string;
  registration: {
    plan: { assessmentDate: string };
    candidate: {
      name: string;
      accountId: string | null;
      institutionCode: string | null;
      graduationYear: number | null;
      idNumberUnmasked: string;
    };
  };
}

interface AgencyAnswer {
  id: string;
  name: string;
  kind: AgencyKind;
  status: AgencyFacts['status'];
  regionCode: string;
  validFrom: string | null;
  validUntil: string | null;
  institution: { creditCode: string };
  scope: { occupationCode: string; kind: 'OCCUPATION' | 'SPECIAL_ABILITY'; levels: string[] }[];
}

/**
 * Results per request: aliases of `finalResult(id)` in one query, within the gateway's default policy (at most 20
 * root fields and 50 aliases per operation, MAX_ROOT_FIELDS / MAX_ALIASES); the chunks are asked in parallel.
 */
export const RESULTS_PER_REQUEST = 20;

export function createFactsSource(opts: {
  assessmentUrl: string;
  agenciesUrl: string;
  claimsSecret: string;
}): FactsSource {
  const assessment = createServiceGraphClient({
    url: opts.assessmentUrl,
    claimsSecret: opts.claimsSecret,
    service: 'certificates',
    askedTitle: '评价实施服务',
  });
  const agencies = createServiceGraphClient({
    url: opts.agenciesUrl,
    claimsSecret: opts.claimsSecret,
    service: 'certificates',
    askedTitle: '评价机构服务',
  });
  return {
    async results(ids) {
      const chunks: string[][] = [];
      for (let i = 0; i < ids.length; i += RESULTS_PER_REQUEST)
        chunks.push(ids.slice(i, i + RESULTS_PER_REQUEST));
      const answers = await Promise.all(
        chunks.map((chunk) => {
          const vars = chunk.map((_, j) => `$r${j}: ID!`).join(', ');
          const fields = chunk
            .map((_, j) => `r${j}: finalResult(id: $r${j}) { ${RESULT_FIELDS} }`)
            .join('\n');
          return assessment.ask<Record<string, ResultAnswer | null>>(
            `query FinalResults(${vars}) { ${fields} }`,
            Object.fromEntries(chunk.map((id, j) => [`r${j}`, id])),
          );
        }),
      );
      const found = new Map<string, ResultFacts>();
      for (const data of answers) for (const r of Object.values(data)) if (r) found.set(r.id, toResult(r));
      return found;
    },
    async agency(id) {
      const a = (await agencies.ask<{ agency: AgencyAnswer | null }>(AGENCY, { id })).agency;
      if (!a) return null;
      return {
        id: a.id,
        name: a.name,
        kind: a.kind,
        status: a.status,
        regionCode: a.regionCode,
        validFrom: a.validFrom ? new Date(a.validFrom) : null,
        validUntil: a.validUntil ? new Date(a.validUntil) : null,
        institutionCode: a.institution.creditCode,
        scope: a.scope.map((s) => ({
          occupationCode: s.occupationCode,
          kind: s.kind,
          levels: s.levels.map((l) => skillLevelFromCode(l)).filter((l): l is SkillLevel => l !== undefined),
        })),
      };
    },
  };
}

function toResult(r: ResultAnswer): ResultFacts {
  const c = r.registration.candidate;
  return {
    id: r.id,
    kind: r.kind,
    occupationCode: r.occupationCode,
    level: r.level ? (skillLevelFromCode(r.level) ?? null) : null,
    agencyId: r.agencyId,
    planId: r.planId,
    candidateId: r.candidateId,
    theory: r.theory,
    practical: r.practical,
    passed: r.passed,
    finalizedAt: new Date(r.finalizedAt),
    assessmentDate: new Date(r.registration.plan.assessmentDate),
    candidate: {
      name: c.name,
      idNumber: c.idNumberUnmasked,
      accountId: c.accountId,
      institutionCode: c.institutionCode,
      graduationYear: c.graduationYear,
    },
  };
}
