import { describe, it, expect } from 'vitest';
import {
  FUJIAN,
  FUJIAN_REGIONS,
  QUANZHOU,
  ancestorsOf,
  childRegions,
  findRegion,
  isRegionCodeFormat,
  isWithinRegion,
  parentRegion,
  parseRegionCode,
  regionLevel,
  cityLevelOf,
  regionFullName,
  regionPath,
  regionShortName,
} from './region.js';

describe('FUJIAN_REGIONS', () => {
  it('has unique codes and parents that exist', () => {
    const codes = FUJIAN_REGIONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of FUJIAN_REGIONS) {
      if (r.parent !== null) expect(findRegion(r.parent), r.code).toBeDefined();
      expect(isRegionCodeFormat(r.code), r.code).toBe(true);
    }
  });

  it('puts every GB/T 2260 county under the city sharing its first 4 digits', () => {
    for (const r of FUJIAN_REGIONS.filter((x) => x.kind === 'COUNTY')) {
      expect(r.parent).toBe(`${r.code.slice(0, 4)}00`);
    }
  });

  it('lists the 9 cities and 平潭综合实验区 under the province', () => {
    const children = childRegions(FUJIAN);
    expect(children.filter((r) => r.kind === 'CITY')).toHaveLength(9);
    expect(children.filter((r) => r.kind === 'FUNCTIONAL_ZONE').map((r) => r.name)).toEqual([
      '平潭综合实验区',
    ]);
    expect(findRegion('350128')).toMatchObject({ name: '平潭综合实验区', level: 'CITY', parent: FUJIAN });
    expect(childRegions('350100').map((r) => r.code)).not.toContain('350128');
  });

  it('lists all of Quanzhou: 12 counties and 2 functional zones', () => {
    const children = childRegions(QUANZHOU);
    expect(children.filter((r) => r.kind === 'COUNTY').map((r) => r.code)).toEqual([
      '350502',
      '350503',
      '350504',
      '350505',
      '350521',
      '350524',
      '350525',
      '350526',
      '350527',
      '350581',
      '350582',
      '350583',
    ]);
    expect(children.filter((r) => r.kind === 'FUNCTIONAL_ZONE').map((r) => r.name)).toEqual([
      '泉州开发区',
      '泉州台商投资区',
    ]);
  });
});

describe('codes', () => {
  it.each(['350000', '350582', '110105', '350500-KFQ'])('accepts the shape of %s', (c) =>
    expect(isRegionCodeFormat(c)).toBe(true),
  );
  it.each(['', '35058', '3505820', '035000', '35058A', '350500-kfq', 'PT-ZONE', '350500-'])(
    'rejects the shape of %j',
    (c) => expect(isRegionCodeFormat(c)).toBe(false),
  );

  it('parses known codes and tells bad shape from unknown', () => {
    const r = parseRegionCode(' 350582 ');
    expect(r.ok && r.value.name).toBe('晋江市');
    const bad = parseRegionCode('35-0582');
    expect(!bad.ok && bad.error.code).toBe('INVALID_REGION_CODE');
    const unknown = parseRegionCode('110105');
    expect(!unknown.ok && unknown.error.code).toBe('REGION_NOT_FOUND');
    const abolished = parseRegionCode('350402'); // 梅列区, merged into 三元区 in 2021
    expect(!abolished.ok && abolished.error.code).toBe('REGION_NOT_FOUND');
  });

  it('derives levels from data or shape', () => {
    expect(regionLevel('350000')).toBe('PROVINCE');
    expect(regionLevel('350500')).toBe('CITY');
    expect(regionLevel('350582')).toBe('COUNTY');
    expect(regionLevel('350500-TSQ')).toBe('FUNCTIONAL_ZONE');
    expect(regionLevel('440300')).toBe('CITY');
    expect(regionLevel('440305')).toBe('COUNTY');
    expect(regionLevel('abc')).toBeUndefined();
  });
});

describe('hierarchy', () => {
  it('walks parents and ancestors', () => {
    expect(parentRegion('350582')?.code).toBe(QUANZHOU);
    expect(parentRegion(FUJIAN)).toBeUndefined();
    expect(parentRegion('999999')).toBeUndefined();
    expect(ancestorsOf('350582').map((r) => r.code)).toEqual([FUJIAN, QUANZHOU]);
    expect(ancestorsOf('350500-KFQ').map((r) => r.name)).toEqual(['福建省', '泉州市']);
    expect(ancestorsOf(FUJIAN)).toEqual([]);
    expect(childRegions('350582')).toEqual([]);
  });

  it('builds paths', () => {
    expect(regionPath('350582')).toBe('福建省/泉州市/晋江市');
    expect(regionPath('350500-TSQ')).toBe('福建省/泉州市/泉州台商投资区');
    expect(regionPath('350128')).toBe('福建省/平潭综合实验区');
    expect(regionPath(FUJIAN)).toBe('福建省');
    expect(regionPath('110105')).toBeUndefined();
  });

  it('finds the city-level region whose bureau decides, by level not by code shape', () => {
    expect(cityLevelOf('350582')).toBe(QUANZHOU);
    expect(cityLevelOf(QUANZHOU)).toBe(QUANZHOU);
    expect(cityLevelOf('350500-TSQ')).toBe(QUANZHOU);
    expect(cityLevelOf('350128')).toBe('350128'); // 平潭综合实验区, not 福州 (350100) as its code's shape says
  });

  it('writes names as running text does: no province below it, no separators', () => {
    expect(regionFullName('350582')).toBe('泉州市晋江市');
    expect(regionFullName('350500-TSQ')).toBe('泉州市泉州台商投资区');
    expect(regionFullName('350128')).toBe('平潭综合实验区');
    expect(regionFullName(QUANZHOU)).toBe('泉州市');
    expect(regionFullName(FUJIAN)).toBe('福建省');
    expect(regionFullName('110105')).toBeUndefined();
    expect(regionShortName('350583')).toBe('南安市');
    expect(regionShortName('110105')).toBe('110105');
  });

  it.each([
    ['350582', '350582'],
    ['350582', QUANZHOU],
    ['350582', FUJIAN],
    ['350500-KFQ', QUANZHOU],
    ['350500-KFQ', FUJIAN],
    ['350128', FUJIAN],
    ['350402', '350400'], // unknown (abolished) code: prefix rule
    ['350402', FUJIAN],
  ])('%s is within %s', (code, ancestor) => expect(isWithinRegion(code, ancestor)).toBe(true));

  it.each([
    [QUANZHOU, '350582'],
    ['350582', '350100'],
    ['350203', QUANZHOU],
    ['350128', '350100'],
    ['350500-KFQ', '350503'],
    ['110105', FUJIAN],
    ['350402', '350500'],
    ['350599-XX', QUANZHOU],
    ['bad', 'bad'],
  ])('%s is not within %s', (code, ancestor) => expect(isWithinRegion(code, ancestor)).toBe(false));
});
