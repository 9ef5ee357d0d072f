import { describe, expect, it } from 'vitest';
import {
  formatCertificateNumber,
  hasValidMod3736,
  issuerCode,
  mod3736CheckChar,
  parseCertificateNumber,
} from './certificate-number.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

describe('ISO 7064 MOD 37,36', () => {
  it('gives the check characters of the standard’s published examples', () => {
    // ISAN 0000-0000-D07A-0090-Q (ISO 15706 checks its root and episode with ISO 7064 MOD 37,36)
    expect(mod3736CheckChar('00000000D07A0090')).toBe('Q');
    expect(mod3736CheckChar('A12425GABC1234002')).toBe('M');
  });
  it('detects every single-character substitution and every adjacent transposition', () => {
    const body = 'S3505000001273000042';
    const full = body + mod3736CheckChar(body);
    expect(hasValidMod3736(full)).toBe(true);
    for (let i = 0; i < full.length; i++)
      for (const c of ALPHABET) {
        if (c === full[i]) continue;
        expect(hasValidMod3736(full.slice(0, i) + c + full.slice(i + 1))).toBe(false);
      }
    for (let i = 0; i + 1 < full.length; i++) {
      if (full[i] === full[i + 1]) continue;
      const swapped = full.slice(0, i) + full[i + 1] + full[i] + full.slice(i + 2);
      expect(hasValidMod3736(swapped)).toBe(false);
    }
  });
});

describe('certificate numbers', () => {
  it('formats kind, issuer, year, level and sequence, and reads them back', () => {
    const n = formatCertificateNumber({
      kind: 'SKILL_LEVEL',
      issuer: issuerCode('350500', 1),
      year: 2027,
      level: 3,
      sequence: 42,
    });
    expect(n).toMatch(/^S350500000127300004\d[0-9A-Z]$/);
    expect(n).toHaveLength(21);
    expect(parseCertificateNumber(n.toLowerCase())).toEqual({
      kind: 'SKILL_LEVEL',
      issuer: '3505000001',
      regionCode: '350500',
      yy: 27,
      level: 3,
      sequence: 42,
    });
  });
  it('gives 专项 level 0 and the bureau serial 0000', () => {
    const n = formatCertificateNumber({
      kind: 'SPECIAL_ABILITY',
      issuer: issuerCode('350500', 0),
      year: 2026,
      level: null,
      sequence: 1,
    });
    expect(n.slice(0, 20)).toBe('Z3505000000260000001');
    expect(parseCertificateNumber(n)?.level).toBeNull();
  });
  it('refuses numbers with a wrong check character, shape or level', () => {
    const n = formatCertificateNumber({
      kind: 'SKILL_LEVEL',
      issuer: '3505000002',
      year: 2027,
      level: 4,
      sequence: 7,
    });
    const last = n.at(-1)!;
    expect(parseCertificateNumber(n.slice(0, -1) + (last === '0' ? '1' : '0'))).toBeNull();
    expect(parseCertificateNumber('S35050000022740000')).toBeNull();
    expect(() =>
      formatCertificateNumber({
        kind: 'SKILL_LEVEL',
        issuer: '3505000002',
        year: 2027,
        level: null,
        sequence: 1,
      }),
    ).toThrow(RangeError);
    expect(() =>
      formatCertificateNumber({
        kind: 'SKILL_LEVEL',
        issuer: '3505000002',
        year: 2027,
        level: 3,
        sequence: 0,
      }),
    ).toThrow(RangeError);
  });
});
