import { describe, it, expect } from 'vitest';
import {
  AGENCY_KIND_NAMES,
  AgencyKind,
  CERTIFICATE_KINDS,
  CertificateKind,
  certificateKindInfo,
  certificateKindOfAgency,
  isAgencyKind,
  isCertificateKind,
} from './certificate-kind.js';

describe('CertificateKind', () => {
  it('describes the three kinds of A.1', () => {
    expect(CERTIFICATE_KINDS.map((k) => k.kind)).toEqual(Object.values(CertificateKind));
    const vq = certificateKindInfo('VOCATIONAL_QUALIFICATION');
    expect([vq.name, vq.evaluationName, vq.issuer, vq.agencyKind]).toEqual([
      '职业资格证书',
      '国家职业资格评价',
      'NAMED_DEPARTMENT',
      null,
    ]);
    const sl = certificateKindInfo('SKILL_LEVEL');
    expect([sl.name, sl.evaluationName, sl.issuer, sl.agencyKind]).toEqual([
      '职业技能等级证书',
      '职业技能等级认定',
      'AGENCY',
      'SKILL_LEVEL_AGENCY',
    ]);
    const sa = certificateKindInfo('SPECIAL_ABILITY');
    expect([sa.name, sa.evaluationName, sa.issuer, sa.agencyKind]).toEqual([
      '专项职业能力证书',
      '专项职业能力考核',
      'HR_BUREAU',
      'APPRAISAL_AGENCY',
    ]);
  });

  it('gives 专项 no levels', () => {
    expect(CERTIFICATE_KINDS.filter((k) => !k.hasLevels).map((k) => k.kind)).toEqual(['SPECIAL_ABILITY']);
  });

  it('validates kinds', () => {
    expect(isCertificateKind('SKILL_LEVEL')).toBe(true);
    expect(isCertificateKind('skill_level')).toBe(false);
    expect(isCertificateKind('X_CERT')).toBe(false);
    expect(() => certificateKindInfo('X' as CertificateKind)).toThrow(RangeError);
  });
});

describe('AgencyKind', () => {
  it('names every agency kind in Chinese', () => {
    expect(AGENCY_KIND_NAMES[AgencyKind.THIRD_PARTY_ORGANISATION]).toBe('第三方社会培训评价组织');
    expect(AGENCY_KIND_NAMES.SKILL_LEVEL_AGENCY).toBe('职业技能等级评价机构');
    expect(AGENCY_KIND_NAMES.APPRAISAL_AGENCY).toBe('职业技能考核鉴定机构');
    expect(isAgencyKind('APPRAISAL_AGENCY')).toBe(true);
    expect(isAgencyKind('toString')).toBe(false);
  });

  it('maps agencies to the certificate they issue', () => {
    expect(certificateKindOfAgency('APPRAISAL_AGENCY')).toBe('SPECIAL_ABILITY');
    expect(certificateKindOfAgency('SKILL_LEVEL_AGENCY')).toBe('SKILL_LEVEL');
    expect(certificateKindOfAgency('THIRD_PARTY_ORGANISATION')).toBe('SKILL_LEVEL');
  });
});
