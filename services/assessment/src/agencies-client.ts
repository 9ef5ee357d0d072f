// The agencies' facts a plan needs — is the agency FILED, which occupations and levels (or 专项 projects) are in
// its scope, until when — asked through the graph with this service's signed claims (`agency(id)`), when a plan
// is created and again when its results become final.
import {
  DomainError,
  skillLevelFromCode,
  type AgencyKind,
  type SchoolType,
  type SkillLevel,
} from '@skills/domain';
import { CLAIMS_HEADER, signClaims } from '@skills/service-kit';

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
  schoolType: SchoolType;
  scope: { occupationCode: string; kind: 'OCCUPATION' | 'SPECIAL_ABILITY'; levels: SkillLevel[] }[];
}

export interface InstitutionFacts {
  creditCode: string;
  name: string;
  schoolType: SchoolType;
  regionCode: string;
}

export interface AgencyDirectory {
  /** null: no such agency, or one the public may not see (cancelled, never filed) */
  agency(id: string): Promise<AgencyFacts | null>;
  /** a college's school type and region (public facts of the agencies subgraph) */
  institution(creditCode: string): Promise<InstitutionFacts | null>;
  /**
   * 违规移送: records an inspection's violation in agencies (which owns violations), once per `source` however
   * often it is called; the agencies' Violation id. Throws when agencies cannot be reached or refuses.
   */
  reportViolation(v: ReportedViolation): Promise<string>;
}

export interface ReportedViolation {
  agencyId: string;
  type: 'OUTSOURCING' | 'ASSESSMENT_IRREGULARITY' | 'RECORDS' | 'OTHER';
  severity: 'MINOR' | 'SERIOUS' | 'GRAVE';
  description: string;
  deadline: Date;
  /** "inspection:<id>" */
  source: string;
  foundBy: string;
}

/** agencies could not be asked, or (with `refusal`) refused: the refusal's code and message go to the log */
const unavailable = (refusal?: { message: string; extensions?: { code?: string } }) =>
  Object.assign(new DomainError('SERVICE_UNAVAILABLE', { service: '评价机构服务' }), {
    ...(refusal ? { refusal: `${refusal.extensions?.code ?? 'ERROR'}: ${refusal.message}` } : {}),
  });

export function createAgencyDirectory(graphUrl: string, claimsSecret: string): AgencyDirectory {
  let claims: { token: string; until: number } | undefined;
  const serviceClaims = async () => {
    if (!claims || claims.until < Date.now()) {
      const token = await signClaims({ kind: 'service', id: 'assessment', grants: [] }, claimsSecret, 60);
      claims = { token, until: Date.now() + 30_000 };
    }
    return claims.token;
  };
  const ask = async <T>(query: string, variables: object): Promise<T> => {
    let body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      const res = await fetch(graphUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'apollo-require-preflight': 'true',
          [CLAIMS_HEADER]: await serviceClaims(),
        },
        body: JSON.stringify({ query, variables }),
      });
      body = (await res.json()) as typeof body;
      if (!res.ok && !body.errors) throw unavailable();
    } catch {
      throw unavailable();
    }
    if (!body.data) throw unavailable(body.errors?.[0]);
    return body.data;
  };
  return {
    async reportViolation(v) {
      const r = await ask<{ recordReportedViolation: { id: string } }>(REPORT_VIOLATION, {
        ...v,
        deadline: v.deadline.toISOString(),
      });
      return r.recordReportedViolation.id;
    },
    async institution(creditCode) {
      return (await ask<{ institution: InstitutionFacts | null }>(INSTITUTION, { creditCode })).institution;
    },
    async agency(id) {
      const a = (await ask<{ agency: AgencyAnswer | null }>(AGENCY, { id })).agency;
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
        schoolType: a.institution.schoolType,
        scope: a.scope.map((s) => ({
          occupationCode: s.occupationCode,
          kind: s.kind,
          levels: s.levels.map((l) => skillLevelFromCode(l)).filter((l): l is SkillLevel => l !== undefined),
        })),
      };
    },
  };
}

const INSTITUTION = `query InstitutionFacts($creditCode: String!) {
  institution(creditCode: $creditCode) { creditCode name schoolType regionCode }
}`;

const AGENCY = `query AgencyFacts($id: ID!) {
  agency(id: $id) {
    id name kind status regionCode validFrom validUntil
    institution { creditCode schoolType }
    scope { occupationCode kind levels }
  }
}`;

interface AgencyAnswer {
  id: string;
  name: string;
  kind: AgencyKind;
  status: AgencyFacts['status'];
  regionCode: string;
  validFrom: string | null;
  validUntil: string | null;
  institution: { creditCode: string; schoolType: SchoolType };
  scope: { occupationCode: string; kind: 'OCCUPATION' | 'SPECIAL_ABILITY'; levels: string[] }[];
}

const REPORT_VIOLATION = `mutation ReportViolation($agencyId: ID!, $type: ViolationType!, $severity: ViolationSeverity!,
  $description: String!, $deadline: DateTime!, $source: String!, $foundBy: String!) {
  recordReportedViolation(agencyId: $agencyId, type: $type, severity: $severity, description: $description,
    deadline: $deadline, source: $source, foundBy: $foundBy) { id }
}`;
