// 谁评价、谁发证、谁负责: who issues the certificate of a final result, and whether it may be issued at all. Pure:
// the result and the agency's facts are looked up by the caller (through the graph).
//  - 职业技能等级认定 (an OCCUPATION result of a 职业技能等级评价机构 or a 第三方社会培训评价组织) → 职业技能等级证书,
//    issued by the agency itself;
//  - 专项职业能力考核 (a SPECIAL_ABILITY result of a 职业技能考核鉴定机构) → 专项职业能力证书, issued by the HR bureau of
//    the agency's locality: the city-level bureau the agency is filed with (属地管理, DOMAIN.md A.2).
// Only passed results; the agency must have been FILED, with the occupation × level (or the project) in scope, on
// the assessment date (a filing that has since expired still covers the results of its period).
import {
  AGENCY_KIND_NAMES,
  chinaDate,
  cityLevelOf,
  err,
  ok,
  regionShortName,
  skillLevelLabel,
  type Result,
} from '@skills/domain';
import type { AgencyFacts, ResultFacts } from '../facts-client.js';

export type IssuerTarget =
  | {
      kind: 'AGENCY';
      id: string;
      name: string;
      regionCode: string;
      agencyId: string;
      institutionCode: string;
    }
  | { kind: 'HR_BUREAU'; id: string; name: string; regionCode: string };

export interface Issuance {
  certificateKind: 'SKILL_LEVEL' | 'SPECIAL_ABILITY';
  issuer: IssuerTarget;
}

export const bureauIssuer = (regionCode: string): IssuerTarget => {
  const city = cityLevelOf(regionCode);
  return {
    kind: 'HR_BUREAU',
    id: `bureau:${city}`,
    name: `${regionShortName(city)}人力资源和社会保障局`,
    regionCode: city,
  };
};

const notIssuable = (reason: string) => err('RESULT_NOT_ISSUABLE', { reason });

/** Who issues the certificate of this result (谁评价、谁发证): decided by the kind of evaluation alone. */
export function issuerOf(result: Pick<ResultFacts, 'kind'>, agency: AgencyFacts): Issuance {
  if (result.kind === 'SPECIAL_ABILITY')
    return { certificateKind: 'SPECIAL_ABILITY', issuer: bureauIssuer(agency.regionCode) };
  return {
    certificateKind: 'SKILL_LEVEL',
    issuer: {
      kind: 'AGENCY',
      id: `agency:${agency.id}`,
      name: agency.name,
      regionCode: agency.regionCode,
      agencyId: agency.id,
      institutionCode: agency.institutionCode,
    },
  };
}

/** May a certificate be issued on this result: passed, by an agency filed for it on the assessment date. */
export function issuanceOf(result: ResultFacts, agency: AgencyFacts | null): Result<Issuance> {
  if (!agency || !['FILED', 'EXPIRED'].includes(agency.status)) return err('AGENCY_NOT_FILED');
  if (!result.passed) return notIssuable(`${result.candidate.name}的评价结果不合格`);
  const on = result.assessmentDate;
  if ((agency.validFrom && agency.validFrom > on) || (agency.validUntil && agency.validUntil <= on))
    return notIssuable(`评价日期 ${chinaDate(on)} 不在${agency.name}的备案有效期内`);
  const special = result.kind === 'SPECIAL_ABILITY';
  if (special !== (agency.kind === 'APPRAISAL_AGENCY'))
    return notIssuable(
      `${AGENCY_KIND_NAMES[agency.kind]}不能组织${special ? '专项职业能力考核' : '职业技能等级认定'}`,
    );
  const item = agency.scope.find((s) => s.occupationCode === result.occupationCode && s.kind === result.kind);
  const inScope = !!item && (special || (result.level !== null && item.levels.includes(result.level)));
  if (!inScope)
    return notIssuable(
      `${agency.name}的备案范围不含${
        special
          ? `专项职业能力考核项目 ${result.occupationCode}`
          : `${result.occupationCode} ${skillLevelLabel(result.level ?? 5)}`
      }`,
    );
  return ok(issuerOf(result, agency));
}
