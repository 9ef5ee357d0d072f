import { describe, expect, it } from 'vitest';
import {
  ID_NUMBER_SHAPE,
  initialValues,
  levelText,
  normalizeNumber,
  notFoundMessage,
  occupationText,
  statusText,
  verifyVariables,
  type VerificationLike,
} from './verification';

const skill: VerificationLike = {
  kindName: '职业技能等级证书',
  occupationCode: '6-31-01-03',
  occupation: { name: '电工' },
  specialAbilityProject: null,
  level: 'LEVEL_3',
  status: 'VALID',
  revokedOn: null,
};

describe('证书查询 helpers', () => {
  it('fills the number from the QR link, normalized, and asks by name unless told otherwise', () => {
    expect(initialValues(new URLSearchParams('number=s3505%20030001 2026'))).toEqual({
      number: 'S35050300012026',
      by: 'name',
    });
    expect(initialValues(new URLSearchParams('by=idNumber'))).toEqual({ number: '', by: 'idNumber' });
    expect(initialValues(new URLSearchParams('by=phone')).by).toBe('name');
    expect(initialValues(new URLSearchParams(`number=${'A'.repeat(60)}`)).number).toHaveLength(40);
    expect(normalizeNumber(undefined)).toBe('');
  });

  it('sends the number with exactly one of name or ID number', () => {
    expect(
      verifyVariables({ number: ' s123 ', by: 'name', name: ' 陈思远 ', idNumber: '350503200501020018' }),
    ).toEqual({
      number: 'S123',
      name: '陈思远',
    });
    expect(
      verifyVariables({ number: 'S123', by: 'idNumber', name: '陈思远', idNumber: '35050320050102001x' }),
    ).toEqual({ number: 'S123', idNumber: '35050320050102001X' });
  });

  it('checks the shape of an ID number only', () => {
    expect(ID_NUMBER_SHAPE.test('35050320050102001X')).toBe(true);
    expect(ID_NUMBER_SHAPE.test('35050320050102001x')).toBe(true);
    expect(ID_NUMBER_SHAPE.test('3505032005010200')).toBe(false);
    expect(ID_NUMBER_SHAPE.test('35050320050102001Y')).toBe(false);
  });

  it('says not found the same way whatever was wrong', () => {
    expect(notFoundMessage('name')).toBe('未查到该证书：请核对证书编号和姓名');
    expect(notFoundMessage('idNumber')).toBe('未查到该证书：请核对证书编号和身份证号');
  });

  it('words the occupation, level and status', () => {
    expect(occupationText(skill)).toBe('电工');
    expect(levelText(skill)).toBe('三级/高级工');
    expect(statusText(skill)).toBe('有效');
    const special: VerificationLike = {
      ...skill,
      kindName: '专项职业能力证书',
      occupation: null,
      specialAbilityProject: { name: '茶艺服务' },
      level: null,
    };
    expect(occupationText(special)).toBe('茶艺服务');
    expect(levelText(special)).toBe('专项职业能力证书');
    expect(occupationText({ ...skill, occupation: null })).toBe('6-31-01-03');
    expect(statusText({ ...skill, status: 'REVOKED', revokedOn: '2026-11-29' })).toBe(
      '已撤销（2026-11-29 撤销）',
    );
    expect(statusText({ ...skill, status: 'REVOKED' })).toBe('已撤销');
  });
});
