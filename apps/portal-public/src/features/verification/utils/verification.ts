// Pure helpers of the 证书查询 page: the form's query string (the certificate PDF's QR code links to
// `…/public/verify?number=…`), the variables sent, and how an answer or a refusal is worded.
import { skillLevelText } from '@skills/ui-kit';

/** Which second fact the person checking has: the holder's name (usual) or ID number. */
export type VerifyBy = 'name' | 'idNumber';

export interface VerifyValues {
  number: string;
  by: VerifyBy;
  name?: string;
  idNumber?: string;
}

/** The certificate number as typed or read from the QR link: spaces dropped, upper case. */
export function normalizeNumber(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, '').toUpperCase();
}

/** The form's initial values from the page's query string (`number`, optionally `by=idNumber`). */
export function initialValues(params: URLSearchParams): VerifyValues {
  return {
    number: normalizeNumber(params.get('number')).slice(0, 40),
    by: params.get('by') === 'idNumber' ? 'idNumber' : 'name',
  };
}

/** The query's variables: the number and exactly one of name / ID number (the other is not sent). */
export function verifyVariables(v: VerifyValues): { number: string; name?: string; idNumber?: string } {
  const number = normalizeNumber(v.number);
  return v.by === 'idNumber'
    ? { number, idNumber: (v.idNumber ?? '').replace(/\s+/g, '').toUpperCase() }
    : { number, name: (v.name ?? '').trim() };
}

/** 18 characters, digits with a final digit or X — the server checks the rest (a wrong one simply matches nothing). */
export const ID_NUMBER_SHAPE = /^\d{17}[\dXx]$/;

/** Said the same for an unknown number and a wrong name or ID number, so a guess learns nothing. */
export const NOT_FOUND_MESSAGE = '未查到该证书：请核对证书编号和姓名';
export const NOT_FOUND_BY_ID_MESSAGE = '未查到该证书：请核对证书编号和身份证号';

export const notFoundMessage = (by: VerifyBy) =>
  by === 'idNumber' ? NOT_FOUND_BY_ID_MESSAGE : NOT_FOUND_MESSAGE;

/** The answer's fields this page needs (as the API names them). */
export interface VerificationLike {
  kindName: string;
  occupationCode: string;
  occupation?: { name: string } | null;
  specialAbilityProject?: { name: string } | null;
  level?: string | null;
  status: string;
  revokedOn?: string | null;
}

/** 职业（工种）or 专项职业能力 project: the catalogue's name, else its code. */
export function occupationText(v: VerificationLike): string {
  return v.occupation?.name ?? v.specialAbilityProject?.name ?? v.occupationCode;
}

/** `LEVEL_3` → 三级/高级工; a 专项 certificate has no level. */
export function levelText(v: VerificationLike): string {
  return v.level ? skillLevelText(v.level) : v.kindName;
}

export const isRevoked = (v: VerificationLike) => v.status === 'REVOKED';

/** 有效, or 已撤销 with the date. */
export function statusText(v: VerificationLike): string {
  if (!isRevoked(v)) return '有效';
  return v.revokedOn ? `已撤销（${v.revokedOn} 撤销）` : '已撤销';
}
