import { describe, it, expect } from 'vitest';
import {
  DomainError,
  ERROR_MESSAGES,
  ErrorCode,
  err,
  errorMessage,
  isDomainError,
  isErrorCode,
  ok,
  unwrap,
} from './errors.js';
import type { Result } from './errors.js';

describe('ErrorCode', () => {
  it('uses UPPER_SNAKE values equal to their keys', () => {
    for (const [key, value] of Object.entries(ErrorCode)) {
      expect(value).toBe(key);
      expect(value).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
    }
  });

  it('has a Chinese message for every code', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual(Object.keys(ErrorCode).sort());
  });

  it('recognises codes', () => {
    expect(isErrorCode('FORBIDDEN')).toBe(true);
    expect(isErrorCode('forbidden')).toBe(false);
    expect(isErrorCode('NOPE')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});

describe('errorMessage', () => {
  it('returns fixed messages', () => {
    expect(errorMessage('UNAUTHENTICATED')).toBe('请先登录');
    expect(errorMessage('FORBIDDEN')).toBe('无权执行此操作');
    expect(errorMessage('INTERNAL')).toBe('系统内部错误，请稍后重试');
    expect(errorMessage('INVALID_OCCUPATION_CODE')).toBe('职业编码格式不正确，应为“6-31-01-03”形式');
  });

  it('fills placeholders, numbers included', () => {
    const msg = errorMessage('LEVEL_EXCEEDS_SCHOOL_CAP', {
      schoolType: '中职',
      target: '三级/高级工',
      allowed: '专项职业能力、五级/初级工、四级/中级工',
      maxLevel: 4,
    });
    expect(msg).toBe(
      '中职学生不能评价三级/高级工，可评价范围为专项职业能力、五级/初级工、四级/中级工（最高到4）',
    );
  });

  it('leaves missing placeholders visible', () => {
    expect(errorMessage('SPECIAL_ABILITY_NOT_ALLOWED')).toContain('{schoolType}');
    expect(errorMessage('SPECIAL_ABILITY_NOT_ALLOWED', { schoolType: '高职' })).not.toContain('{');
  });
});

describe('DomainError', () => {
  it('carries code, params, details and the Chinese message', () => {
    const e = new DomainError('IMPORT_ROWS_INVALID', {}, [{ row: 3, field: 'idNumber' }]);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DomainError');
    expect(e.code).toBe('IMPORT_ROWS_INVALID');
    expect(e.message).toBe(ERROR_MESSAGES.IMPORT_ROWS_INVALID);
    expect(e.details).toEqual([{ row: 3, field: 'idNumber' }]);
    expect(isDomainError(e)).toBe(true);
    expect(isDomainError(new Error('x'))).toBe(false);
  });

  it('has no details and empty params by default', () => {
    const e = new DomainError('NOT_FOUND');
    expect(e.details).toBeUndefined();
    expect(e.params).toEqual({});
    expect(e.message).toBe('未找到相关记录');
  });
});

describe('Result helpers', () => {
  it('ok wraps a value', () => {
    const r: Result<number> = ok(7);
    expect(r).toEqual({ ok: true, value: 7 });
    expect(unwrap(r)).toBe(7);
    expect(ok().ok).toBe(true);
  });

  it('err builds or wraps a DomainError', () => {
    const r: Result<number> = err('CONFLICT');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('CONFLICT');
    const existing = new DomainError('NOT_FOUND');
    const wrapped = err(existing);
    expect(wrapped.error).toBe(existing);
    expect(() => unwrap(r)).toThrow(DomainError);
    expect(() => unwrap(r)).toThrow(ERROR_MESSAGES.CONFLICT);
  });
});
