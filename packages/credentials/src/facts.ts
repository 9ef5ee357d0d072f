// The facts of one certificate that a credential (and the printed PDF) carries: what the public verification
// answers, never more. The ID number is masked before it gets here; the credential never holds it whole, nor a
// hash of it (an 18-digit ID with its first and last four shown leaves ~3.6 million candidates, so a salted hash
// beside the masked number would give the whole number away to anyone with a laptop).
import { isSkillLevel, type SkillLevel } from '@skills/domain';
import { z } from 'zod';

/** 证书事实: the facts a verifier of the credential learns. */
export type CertificateFacts = CommonFacts & (SkillLevelFacts | SpecialAbilityFacts);

interface CommonFacts {
  /** 证书编号 */
  number: string;
  /** 持证人姓名 */
  holderName: string;
  /** 身份证件号码（脱敏）, e.g. 3505**********123X */
  holderIdNumberMasked: string;
  /** 发证机构: an https URL that identifies it (its keys are `${id}#…`) and its name. */
  issuer: { id: string; name: string };
  /** 发证日期, a China calendar day YYYY-MM-DD */
  issuedOn: string;
  /** 国家职业技能标准 (or the 专项 project's 考核规范) the assessment followed, e.g. 《电工国家职业技能标准（2018年版）》 */
  standard?: string | undefined;
}

/** 职业技能等级证书: an occupation of the national classification and a level 五级…一级. */
export interface SkillLevelFacts {
  kind: 'SKILL_LEVEL';
  /** 职业（工种）, code of 《中华人民共和国职业分类大典》 e.g. 6-31-01-03 */
  occupation: { code: string; name: string };
  level: SkillLevel;
}

/** 专项职业能力证书: a project of the provincial catalogue, no level. */
export interface SpecialAbilityFacts {
  kind: 'SPECIAL_ABILITY';
  /** 专项职业能力考核项目, e.g. FJZX-0001 德化陶瓷手工成型 */
  project: { code: string; name: string };
}

const MASKED_ID = /^[0-9A-Za-z]{0,6}\*+[0-9A-Za-z]{0,4}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

// https, or http on this machine (development: npm start serves everything on 127.0.0.1)
const httpsUrl = z
  .string()
  .url()
  .refine(
    (s) =>
      (s.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(s)) && !s.includes('#'),
    'issuer id must be an https URL without a fragment',
  );

const common = {
  number: z.string().trim().min(1).max(64),
  holderName: z.string().trim().min(1).max(100),
  holderIdNumberMasked: z.string().regex(MASKED_ID, 'ID number must be masked'),
  issuer: z.object({ id: httpsUrl, name: z.string().trim().min(1).max(200) }),
  issuedOn: z.string().regex(DAY),
  standard: z
    .string()
    .trim()
    .regex(/^《[^《》]+》$/, 'standard is a title in 《》')
    .max(200)
    .optional(),
};

const code = z.object({ code: z.string().trim().min(1).max(64), name: z.string().trim().min(1).max(200) });

export const certificateFactsSchema = z.discriminatedUnion('kind', [
  z.object({
    ...common,
    kind: z.literal('SKILL_LEVEL'),
    occupation: code,
    level: z.custom<SkillLevel>((v) => isSkillLevel(v), 'level must be 5 (五级) … 1 (一级)'),
  }),
  z.object({ ...common, kind: z.literal('SPECIAL_ABILITY'), project: code }),
]);

/** Typed failure of this package: the code says which check failed. */
export class CredentialError extends Error {
  constructor(
    readonly code:
      | 'INVALID_FACTS'
      | 'INVALID_SIGNATURE'
      | 'UNTRUSTED_KEY'
      | 'INVALID_CREDENTIAL'
      | 'INVALID_STATUS_LIST'
      | 'STATUS_LIST_MISMATCH'
      | 'INVALID_KEY',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CredentialError';
  }
}

export function parseFacts(input: unknown): CertificateFacts {
  const r = certificateFactsSchema.safeParse(input);
  if (!r.success)
    throw new CredentialError(
      'INVALID_FACTS',
      `certificate facts: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return r.data as CertificateFacts;
}
