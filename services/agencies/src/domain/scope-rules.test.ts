import { describe, expect, it } from 'vitest';
import { checkExpansion, checkScope, type CatalogueEntry, type ScopeCheckContext } from './scope-rules.js';

const catalogue: CatalogueEntry[] = [
  { code: '6-31-01-03', name: '电工', kind: 'OCCUPATION', skillType: true, levels: [5, 4, 3, 2, 1] },
  { code: '4-03-02-07', name: '茶艺师', kind: 'OCCUPATION', skillType: true, levels: [5, 4, 3] },
  { code: '2-02-01-01', name: '地质实验测试工程技术人员', kind: 'OCCUPATION', skillType: false, levels: [] },
  { code: 'FJZX-0001', name: '德化陶瓷手工成型', kind: 'SPECIAL_ABILITY', skillType: false, levels: [] },
];
const lookup = (c: string) => catalogue.find((e) => e.code === c);
const ctx = (over: Partial<ScopeCheckContext>): ScopeCheckContext => ({
  schoolType: 'HIGHER_VOCATIONAL',
  agencyKind: 'SKILL_LEVEL_AGENCY',
  expansion: false,
  ...over,
});
const codes = (r: ReturnType<typeof checkScope>) => r.errors.map((e) => e.code);

describe('checkScope: school-type caps (A.3)', () => {
  it('a 中职 may file 五级 and 四级 but nothing above 四级', () => {
    expect(
      codes(
        checkScope(
          ctx({ schoolType: 'SECONDARY_VOCATIONAL' }),
          [{ occupationCode: '6-31-01-03', levels: [5, 4] }],
          lookup,
        ),
      ),
    ).toEqual([]);
    const r = checkScope(
      ctx({ schoolType: 'SECONDARY_VOCATIONAL' }),
      [{ occupationCode: '6-31-01-03', levels: [4, 3] }],
      lookup,
    );
    expect(codes(r)).toEqual(['LEVEL_EXCEEDS_SCHOOL_CAP']);
    expect(r.errors[0]!.message).toMatch(/中职/);
    expect(r.values).toEqual([]);
  });
  it('a 高职 may file 四级 and 三级, not 五级, and not 二级 without expansion', () => {
    expect(codes(checkScope(ctx({}), [{ occupationCode: '6-31-01-03', levels: [4, 3] }], lookup))).toEqual(
      [],
    );
    expect(codes(checkScope(ctx({}), [{ occupationCode: '6-31-01-03', levels: [5] }], lookup))).toEqual([
      'LEVEL_EXCEEDS_SCHOOL_CAP',
    ]);
    expect(codes(checkScope(ctx({}), [{ occupationCode: '6-31-01-03', levels: [2] }], lookup))).toEqual([
      'LEVEL_NEEDS_EXPANSION',
    ]);
    expect(
      codes(checkScope(ctx({ expansion: true }), [{ occupationCode: '6-31-01-03', levels: [2] }], lookup)),
    ).toEqual([]);
  });
});

describe('checkScope: expansion (增设) widens the agency, not the students (ADR 0012)', () => {
  it('a 中职 expands to 三级 as well as to 技师 and 高级技师; a 高职 to 五级', () => {
    const asked = [{ occupationCode: '6-31-01-03', levels: [3, 2, 1] }];
    expect(
      codes(checkScope(ctx({ schoolType: 'SECONDARY_VOCATIONAL', expansion: true }), asked, lookup)),
    ).toEqual([]);
    expect(
      codes(checkScope(ctx({ expansion: true }), [{ occupationCode: '6-31-01-03', levels: [5, 1] }], lookup)),
    ).toEqual([]);
  });
});

describe('checkScope: the catalogue (A.2)', () => {
  it('refuses unknown, non-skill-type occupations and levels the standard does not define', () => {
    const r = checkScope(
      ctx({}),
      [
        { occupationCode: '9-99-99-99', levels: [4] },
        { occupationCode: '2-02-01-01', levels: [4] },
        { occupationCode: '4-03-02-07', levels: [3] },
        { occupationCode: '6-31-01-03', levels: [] },
      ],
      lookup,
    );
    expect(codes(r)).toEqual(['OCCUPATION_NOT_FOUND', 'OCCUPATION_NOT_SKILL_TYPE', 'INVALID_SKILL_LEVEL']);
    expect(r.values).toEqual([{ occupationCode: '4-03-02-07', kind: 'OCCUPATION', levels: [3] }]);
    expect(
      codes(checkScope(ctx({ expansion: true }), [{ occupationCode: '4-03-02-07', levels: [2] }], lookup)),
    ).toEqual(['LEVEL_NOT_IN_STANDARD']);
    expect(codes(checkScope(ctx({}), [], lookup))).toEqual(['SCOPE_EMPTY']);
  });
  it('专项 projects belong to 考核鉴定机构, occupations to 等级评价机构', () => {
    expect(
      checkScope(
        ctx({ agencyKind: 'APPRAISAL_AGENCY' }),
        [{ occupationCode: 'FJZX-0001', levels: [4] }],
        lookup,
      ).values,
    ).toEqual([{ occupationCode: 'FJZX-0001', kind: 'SPECIAL_ABILITY', levels: [] }]);
    expect(
      codes(
        checkScope(
          ctx({ agencyKind: 'APPRAISAL_AGENCY' }),
          [{ occupationCode: '6-31-01-03', levels: [4] }],
          lookup,
        ),
      ),
    ).toEqual(['SCOPE_KIND_MISMATCH']);
    expect(codes(checkScope(ctx({}), [{ occupationCode: 'FJZX-0001', levels: [] }], lookup))).toEqual([
      'SCOPE_KIND_MISMATCH',
    ]);
  });
  it('a third-party organisation serves social candidates: no student cap, but 二级+ still needs expansion', () => {
    expect(
      codes(
        checkScope(
          ctx({ agencyKind: 'THIRD_PARTY_ORGANISATION', schoolType: 'SECONDARY_VOCATIONAL' }),
          [{ occupationCode: '6-31-01-03', levels: [5, 4, 3] }],
          lookup,
        ),
      ),
    ).toEqual([]);
    expect(
      codes(
        checkScope(
          ctx({ agencyKind: 'THIRD_PARTY_ORGANISATION' }),
          [{ occupationCode: '6-31-01-03', levels: [1] }],
          lookup,
        ),
      ),
    ).toEqual(['LEVEL_NEEDS_EXPANSION']);
  });
});

describe('checkExpansion (A.4)', () => {
  const base = {
    agencyStatus: 'FILED',
    periodStart: new Date('2026-01-01'),
    violations: [],
    volume: 300,
    minVolume: 200,
  };
  it('allows a clean, busy, filed agency', () => {
    expect(checkExpansion(base)).toBeNull();
  });
  it('blocks an open violation, any violation in the period, a low volume, or an agency not filed', () => {
    expect(
      checkExpansion({ ...base, violations: [{ foundAt: new Date('2025-06-01'), closedAt: null }] })!.code,
    ).toBe('EXPANSION_BLOCKED_OPEN_VIOLATION');
    expect(
      checkExpansion({
        ...base,
        violations: [{ foundAt: new Date('2026-03-01'), closedAt: new Date('2026-04-01') }],
      })!.code,
    ).toBe('EXPANSION_BLOCKED_VIOLATION_RECORD');
    expect(
      checkExpansion({
        ...base,
        violations: [{ foundAt: new Date('2025-03-01'), closedAt: new Date('2025-04-01') }],
      }),
    ).toBeNull();
    const low = checkExpansion({ ...base, volume: 150 })!;
    expect(low.code).toBe('EXPANSION_VOLUME_NOT_MET');
    expect(low.message).toContain('150');
    expect(checkExpansion({ ...base, volume: 200 })).toBeNull();
    expect(checkExpansion({ ...base, agencyStatus: 'SUSPENDED' })!.code).toBe('AGENCY_NOT_FILED');
  });
});
