import { describe, expect, it } from 'vitest';
import { ANONYMOUS, authScopesFor, principalFromHeaders, Roles } from './auth.js';

const token = 'a-very-long-operator-token-for-tests-123';

describe('principalFromHeaders', () => {
  it('is anonymous without a bearer token or with a wrong one', () => {
    expect(principalFromHeaders({}, { operatorToken: token })).toBe(ANONYMOUS);
    expect(principalFromHeaders({ authorization: `Basic ${token}` }, { operatorToken: token })).toBe(ANONYMOUS);
    expect(principalFromHeaders({ authorization: `Bearer ${token}x` }, { operatorToken: token })).toBe(ANONYMOUS);
    expect(principalFromHeaders({ authorization: `Bearer ${token}` }, {})).toBe(ANONYMOUS);
  });
  it('recognises the operator token as province catalogue admin', () => {
    const p = principalFromHeaders({ authorization: `Bearer ${token}` }, { operatorToken: token });
    expect(p).toMatchObject({ kind: 'operator', regionCode: '350000' });
    expect(authScopesFor(p).hasRole(Roles.PROVINCE_CATALOGUE_ADMIN)).toBe(true);
    expect(authScopesFor(ANONYMOUS).hasRole(Roles.PROVINCE_CATALOGUE_ADMIN)).toBe(false);
    expect(authScopesFor(ANONYMOUS).authenticated).toBe(false);
  });
});
