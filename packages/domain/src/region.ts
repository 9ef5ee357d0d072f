// 行政区划 (GB/T 2260) for 福建省, plus the functional zones the notices name, which have no GB/T 2260 code.
import { err, ok } from './errors.js';
import type { Result } from './errors.js';

/** 区划类型. FUNCTIONAL_ZONE = 功能区 (开发区、实验区) that run their own HR/education offices. */
export type RegionKind = 'PROVINCE' | 'CITY' | 'COUNTY' | 'FUNCTIONAL_ZONE';

/**
 * 行政层级 — which tier of bureaus a region's offices are: a functional zone sits at the level its notice
 * addresses it (Quanzhou's zones beside the counties, 平潭综合实验区 beside the cities). Workflows read this, not
 * the kind or the shape of the code: a COUNTY-level region's filings get a county opinion, a CITY-level region's
 * bureau decides.
 */
export type RegionLevel = 'PROVINCE' | 'CITY' | 'COUNTY';

/** 行政区划 */
export interface Region {
  /** 6-digit GB/T 2260 code, or an internal zone code `<parent code>-<letters>`. */
  readonly code: string;
  readonly name: string;
  readonly kind: RegionKind;
  readonly level: RegionLevel;
  readonly parent: string | null;
}

export const FUJIAN = '350000';
export const QUANZHOU = '350500';

const province = (code: string, name: string): Region => ({
  code,
  name,
  kind: 'PROVINCE',
  level: 'PROVINCE',
  parent: null,
});
const city = (code: string, name: string): Region => ({
  code,
  name,
  kind: 'CITY',
  level: 'CITY',
  parent: FUJIAN,
});
const zone = (code: string, name: string, parent: string, level: RegionLevel): Region => ({
  code,
  name,
  kind: 'FUNCTIONAL_ZONE',
  level,
  parent,
});
/** Counties of one city, as [code, name] pairs; the parent is the city code. */
const counties = (parent: string, pairs: readonly (readonly [string, string])[]): Region[] =>
  pairs.map(([code, name]) => ({ code, name, kind: 'COUNTY', level: 'COUNTY', parent }));

/**
 * 福建省 with its 9 cities and their current county-level divisions (codes as of the 2021 changes:
 * 三明 三元区 350404 / 沙县区 350405, 漳州 龙海区 350604 / 长泰区 350605).
 * 平潭综合实验区 is administered by the province over the territory of 平潭县, whose code 350128 it uses (GB/T
 * 2260 still lists 平潭县 under 福州; the 实验区's offices replace the county's). The provincial notice addresses it
 * beside the cities (「各设区市人力资源和社会保障局、教育局,平潭综合实验区党群工作部、社会事业局」), so it is a
 * city-level functional zone directly under the province: its bureaus decide its colleges' filings, with no
 * county opinion in between.
 */
export const FUJIAN_REGIONS: readonly Region[] = [
  province(FUJIAN, '福建省'),
  city('350100', '福州市'),
  city('350200', '厦门市'),
  city('350300', '莆田市'),
  city('350400', '三明市'),
  city(QUANZHOU, '泉州市'),
  city('350600', '漳州市'),
  city('350700', '南平市'),
  city('350800', '龙岩市'),
  city('350900', '宁德市'),
  zone('350128', '平潭综合实验区', FUJIAN, 'CITY'),
  ...counties('350100', [
    ['350102', '鼓楼区'],
    ['350103', '台江区'],
    ['350104', '仓山区'],
    ['350105', '马尾区'],
    ['350111', '晋安区'],
    ['350112', '长乐区'],
    ['350121', '闽侯县'],
    ['350122', '连江县'],
    ['350123', '罗源县'],
    ['350124', '闽清县'],
    ['350125', '永泰县'],
    ['350181', '福清市'],
  ]),
  ...counties('350200', [
    ['350203', '思明区'],
    ['350205', '海沧区'],
    ['350206', '湖里区'],
    ['350211', '集美区'],
    ['350212', '同安区'],
    ['350213', '翔安区'],
  ]),
  ...counties('350300', [
    ['350302', '城厢区'],
    ['350303', '涵江区'],
    ['350304', '荔城区'],
    ['350305', '秀屿区'],
    ['350322', '仙游县'],
  ]),
  ...counties('350400', [
    ['350404', '三元区'],
    ['350405', '沙县区'],
    ['350421', '明溪县'],
    ['350423', '清流县'],
    ['350424', '宁化县'],
    ['350425', '大田县'],
    ['350426', '尤溪县'],
    ['350428', '将乐县'],
    ['350429', '泰宁县'],
    ['350430', '建宁县'],
    ['350481', '永安市'],
  ]),
  ...counties(QUANZHOU, [
    ['350502', '鲤城区'],
    ['350503', '丰泽区'],
    ['350504', '洛江区'],
    ['350505', '泉港区'],
    ['350521', '惠安县'],
    ['350524', '安溪县'],
    ['350525', '永春县'],
    ['350526', '德化县'],
    // Listed in GB/T 2260 but administered from Taiwan; kept so codes round-trip, though no college is there.
    ['350527', '金门县'],
    ['350581', '石狮市'],
    ['350582', '晋江市'],
    ['350583', '南安市'],
  ]),
  // Named in the Quanzhou notice (泉州开发区社会事业局, 泉州台商投资区民生保障局/教育文化旅游局).
  zone('350500-KFQ', '泉州开发区', QUANZHOU, 'COUNTY'),
  zone('350500-TSQ', '泉州台商投资区', QUANZHOU, 'COUNTY'),
  ...counties('350600', [
    ['350602', '芗城区'],
    ['350603', '龙文区'],
    ['350604', '龙海区'],
    ['350605', '长泰区'],
    ['350622', '云霄县'],
    ['350623', '漳浦县'],
    ['350624', '诏安县'],
    ['350626', '东山县'],
    ['350627', '南靖县'],
    ['350628', '平和县'],
    ['350629', '华安县'],
  ]),
  ...counties('350700', [
    ['350702', '延平区'],
    ['350703', '建阳区'],
    ['350721', '顺昌县'],
    ['350722', '浦城县'],
    ['350723', '光泽县'],
    ['350724', '松溪县'],
    ['350725', '政和县'],
    ['350781', '邵武市'],
    ['350782', '武夷山市'],
    ['350783', '建瓯市'],
  ]),
  ...counties('350800', [
    ['350802', '新罗区'],
    ['350803', '永定区'],
    ['350821', '长汀县'],
    ['350823', '上杭县'],
    ['350824', '武平县'],
    ['350825', '连城县'],
    ['350881', '漳平市'],
  ]),
  ...counties('350900', [
    ['350902', '蕉城区'],
    ['350921', '霞浦县'],
    ['350922', '古田县'],
    ['350923', '屏南县'],
    ['350924', '寿宁县'],
    ['350925', '周宁县'],
    ['350926', '柘荣县'],
    ['350981', '福安市'],
    ['350982', '福鼎市'],
  ]),
];

const BY_CODE = new Map<string, Region>(FUJIAN_REGIONS.map((r) => [r.code, r]));

const GB_CODE = /^[1-9]\d{5}$/;
const ZONE_CODE = /^[1-9]\d{5}-[A-Z]{2,4}$/;

/** Shape check only: a 6-digit GB/T 2260 code or an internal zone code like '350500-KFQ'. */
export function isRegionCodeFormat(code: string): boolean {
  return GB_CODE.test(code) || ZONE_CODE.test(code);
}

export function findRegion(code: string): Region | undefined {
  return BY_CODE.get(code.trim());
}

/** A known region, or INVALID_REGION_CODE (bad shape) / REGION_NOT_FOUND (well-formed but not in the data). */
export function parseRegionCode(code: string): Result<Region> {
  const trimmed = code.trim();
  if (!isRegionCodeFormat(trimmed)) return err('INVALID_REGION_CODE');
  const region = BY_CODE.get(trimmed);
  return region ? ok(region) : err('REGION_NOT_FOUND');
}

/**
 * The level of a code. Known regions answer from the data; other well-formed GB/T 2260 codes from their shape
 * (xx0000 province, xxxx00 city, else county) so codes from outside Fujian, e.g. in ID numbers, still work.
 */
export function regionLevel(code: string): RegionKind | undefined {
  const c = code.trim();
  const known = BY_CODE.get(c);
  if (known) return known.kind;
  if (ZONE_CODE.test(c)) return 'FUNCTIONAL_ZONE';
  if (!GB_CODE.test(c)) return undefined;
  if (c.endsWith('0000')) return 'PROVINCE';
  return c.endsWith('00') ? 'CITY' : 'COUNTY';
}

export function parentRegion(code: string): Region | undefined {
  const parent = findRegion(code)?.parent;
  return parent == null ? undefined : BY_CODE.get(parent);
}

/** Direct children, functional zones included. */
export function childRegions(code: string): Region[] {
  const trimmed = code.trim();
  return FUJIAN_REGIONS.filter((r) => r.parent === trimmed);
}

/** Known ancestors, province first, excluding the region itself. */
export function ancestorsOf(code: string): Region[] {
  const chain: Region[] = [];
  for (let r = parentRegion(code); r; r = parentRegion(r.code)) chain.unshift(r);
  return chain;
}

/**
 * True when `code` is `ancestorCode` or lies inside it. Known regions follow the data (so zones are inside
 * their city); unknown GB/T 2260 codes fall back to prefix rules (xxxx?? in xx0000, xxxxyy in xxxx00).
 */
export function isWithinRegion(code: string, ancestorCode: string): boolean {
  const c = code.trim();
  const a = ancestorCode.trim();
  if (c === a) return isRegionCodeFormat(c);
  if (BY_CODE.has(c)) return ancestorsOf(c).some((r) => r.code === a);
  if (!GB_CODE.test(c) || !GB_CODE.test(a)) return false;
  if (a.endsWith('0000')) return c.startsWith(a.slice(0, 2));
  if (a.endsWith('00')) return c.startsWith(a.slice(0, 4));
  return false;
}

/**
 * The city-level region a region belongs to — whose bureau decides its filings — by the data (Region.level): a
 * 设区市, or 平潭综合实验区, which the provincial notice addresses beside the cities. Unknown codes answer themselves.
 */
export function cityLevelOf(code: string): string {
  const region = findRegion(code);
  if (region?.level === 'CITY') return region.code;
  return ancestorsOf(code).find((r) => r.level === 'CITY')?.code ?? code.trim();
}

/**
 * The name as running Chinese text writes it: the chain below the province, without separators — '泉州市晋江市',
 * '泉州市', '平潭综合实验区'; the province itself is '福建省'. Undefined for unknown codes.
 */
export function regionFullName(code: string): string | undefined {
  const region = findRegion(code);
  if (!region) return undefined;
  const chain = [...ancestorsOf(region.code), region];
  return (chain.length > 1 ? chain.slice(1) : chain).map((r) => r.name).join('');
}

/** The region's own name ('晋江市'), for columns where the context gives the rest; the code when unknown. */
export function regionShortName(code: string): string {
  return findRegion(code)?.name ?? code;
}

/** e.g. '福建省/泉州市/晋江市' (a path, for logs and data exchange; users read regionFullName); undefined for unknown codes. */
export function regionPath(code: string): string | undefined {
  const region = findRegion(code);
  if (!region) return undefined;
  return [...ancestorsOf(region.code), region].map((r) => r.name).join('/');
}
