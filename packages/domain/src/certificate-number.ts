// 证书编号 — the scheme this platform gives the certificates it issues (docs/adr/0016):
//
//   K  RRRRRR SSSS  YY  L  NNNNNN  C        21 characters, e.g. S3505000001 27 3 000001 C (without spaces)
//   │  │      │     │   │  │       └ check character: ISO 7064 MOD 37,36 over the 20 before it (0-9, A-Z)
//   │  │      │     │   │  └ sequence: gapless per issuer and year (a counter row, never count()+1)
//   │  │      │     │   └ level 1–5 (职业技能等级); 0 for 专项职业能力 (no level)
//   │  │      │     └ issue year (China time), two digits
//   │  │      └ issuer serial within the region: 0000 = the HR bureau itself, 0001… = agencies, in the order of
//   │  │        their first issuance (registered once, never reused)
//   │  └ the issuer's region code (GB/T 2260): the agency's region, or the bureau's city
//   └ kind: S 职业技能等级证书, Z 专项职业能力证书 (职业资格证书 are recorded with their own numbers, never issued)
//
// Region codes are national and the serial is unique within a region, so issuer codes — and with the year and
// the sequence, numbers — are unique nationally. Revocation keeps the number.
import type { SkillLevel } from './skill-level.js';

/** The two kinds of certificate this platform issues. */
export type IssuedCertificateKind = 'SKILL_LEVEL' | 'SPECIAL_ABILITY';

const KIND_LETTER: Record<IssuedCertificateKind, string> = { SKILL_LEVEL: 'S', SPECIAL_ABILITY: 'Z' };
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = 36;

/** ISO 7064 MOD 37,36 (hybrid system): the check character for an alphanumeric string (upper case). */
export function mod3736CheckChar(s: string): string {
  let p = M;
  for (const ch of s) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new RangeError(`not alphanumeric: ${ch}`);
    let sum = (p + v) % M;
    if (sum === 0) sum = M;
    p = (sum * 2) % (M + 1);
  }
  return ALPHABET.charAt((M + 1 - p) % M);
}

/** True when the last character is the MOD 37,36 check character of the others. */
export function hasValidMod3736(s: string): boolean {
  return /^[0-9A-Z]{2,}$/.test(s) && mod3736CheckChar(s.slice(0, -1)) === s.slice(-1);
}

/** The issuer code: region (6 digits) and serial (4 digits; 0 = the HR bureau). */
export function issuerCode(regionCode: string, serial: number): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`not a region code: ${regionCode}`);
  if (!Number.isInteger(serial) || serial < 0 || serial > 9999)
    throw new RangeError(`issuer serial ${serial}`);
  return regionCode + String(serial).padStart(4, '0');
}

export interface CertificateNumberParts {
  kind: IssuedCertificateKind;
  /** 10 characters, from issuerCode() */
  issuer: string;
  year: number;
  level: SkillLevel | null;
  sequence: number;
}

export function formatCertificateNumber(p: CertificateNumberParts): string {
  if (!/^\d{10}$/.test(p.issuer)) throw new RangeError(`not an issuer code: ${p.issuer}`);
  if (!Number.isInteger(p.sequence) || p.sequence < 1 || p.sequence > 999_999)
    throw new RangeError(`sequence out of range: ${p.sequence}`);
  if ((p.kind === 'SPECIAL_ABILITY') !== (p.level === null)) throw new RangeError('level and kind disagree');
  const body =
    KIND_LETTER[p.kind] +
    p.issuer +
    String(p.year % 100).padStart(2, '0') +
    String(p.level ?? 0) +
    String(p.sequence).padStart(6, '0');
  return body + mod3736CheckChar(body);
}

const SHAPE = /^([SZ])(\d{6})(\d{4})(\d{2})([0-5])(\d{6})([0-9A-Z])$/;

/** Reads a number back; null when it is not one of ours (wrong shape, level, or check character). */
export function parseCertificateNumber(input: string):
  | (Omit<CertificateNumberParts, 'year'> & {
      yy: number;
      regionCode: string;
    })
  | null {
  const s = input.trim().toUpperCase();
  const m = SHAPE.exec(s);
  if (!m || !hasValidMod3736(s)) return null;
  const kind: IssuedCertificateKind = m[1] === 'S' ? 'SKILL_LEVEL' : 'SPECIAL_ABILITY';
  const level = Number(m[5]);
  if ((kind === 'SPECIAL_ABILITY') !== (level === 0)) return null;
  return {
    kind,
    issuer: m[2]! + m[3]!,
    regionCode: m[2]!,
    yy: Number(m[4]),
    level: level === 0 ? null : (level as SkillLevel),
    sequence: Number(m[6]),
  };
}
