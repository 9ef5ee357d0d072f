// 泉州演示参考数据 (DOMAIN.md C): real names of Quanzhou's vocational colleges, with generated credit codes
// (valid check character, marked as demo — never to be presented as real). Shared by the subgraphs' demo seeds
// so a college is the same organisation in identity and agencies. Counties are our best knowledge of each
// main campus and are not authoritative.
import { makeDemoCreditCode } from './credit-code.js';
import type { SchoolType } from './school-type.js';

export interface DemoCollege {
  name: string;
  schoolType: SchoolType;
  /** public (事业单位, prefix 12) or private (民办非企业单位, prefix 52) */
  ownership: 'PUBLIC' | 'PRIVATE';
  regionCode: string;
  creditCode: string;
}

const college = (
  seed: number,
  name: string,
  schoolType: SchoolType,
  regionCode: string,
  ownership: 'PUBLIC' | 'PRIVATE' = 'PUBLIC',
): DemoCollege => ({
  name,
  schoolType,
  ownership,
  regionCode,
  creditCode: makeDemoCreditCode(regionCode, 5000 + seed, ownership === 'PUBLIC' ? '12' : '52'),
});

export const QUANZHOU_COLLEGES: readonly DemoCollege[] = [
  college(1, '黎明职业大学', 'HIGHER_VOCATIONAL', '350503'),
  college(2, '泉州职业技术大学', 'VOCATIONAL_UNDERGRADUATE', '350582', 'PRIVATE'),
  college(3, '泉州经贸职业技术学院', 'HIGHER_VOCATIONAL', '350503'),
  college(4, '泉州医学高等专科学校', 'JUNIOR_COLLEGE', '350503'),
  college(5, '泉州幼儿师范高等专科学校', 'JUNIOR_COLLEGE', '350503'),
  college(6, '泉州海洋职业学院', 'HIGHER_VOCATIONAL', '350581'),
  college(7, '泉州工艺美术职业学院', 'HIGHER_VOCATIONAL', '350526'),
  college(8, '泉州纺织服装职业学院', 'HIGHER_VOCATIONAL', '350581', 'PRIVATE'),
  college(9, '泉州轻工职业学院', 'HIGHER_VOCATIONAL', '350582', 'PRIVATE'),
  college(10, '泉州华光职业学院', 'HIGHER_VOCATIONAL', '350583', 'PRIVATE'),
  college(11, '泉州理工职业学院', 'HIGHER_VOCATIONAL', '350582', 'PRIVATE'),
  college(21, '泉州华侨职业中专学校', 'SECONDARY_VOCATIONAL', '350502'),
  college(22, '晋江职业中专学校', 'SECONDARY_VOCATIONAL', '350582'),
  college(23, '南安职业中专学校', 'SECONDARY_VOCATIONAL', '350583'),
  college(24, '德化职业技术学校', 'SECONDARY_VOCATIONAL', '350526'),
  college(25, '安溪华侨职业中专学校', 'SECONDARY_VOCATIONAL', '350524'),
];

export function demoCollege(name: string): DemoCollege {
  const c = QUANZHOU_COLLEGES.find((x) => x.name === name);
  if (!c) throw new RangeError(`unknown demo college: ${name}`);
  return c;
}

/**
 * 咨询联系: the contact point 泉人社文〔2024〕101号 names for questions (「可与市人社局鉴定指导中心联系…联系电话：
 * 0595-22274285」). Shown where an agency has not given its own contact.
 */
export const QUANZHOU_SKILL_CENTRE = { name: '泉州市人社局鉴定指导中心', phone: '0595-22274285' } as const;

/**
 * The fixed id of a demo college's agency of a kind (演示数据), so that the agencies subgraph's demo filings and the
 * assessment subgraph's demo plans name the same agency without either reading the other. Demo only.
 */
export function demoAgencyId(creditCode: string, kind: string): string {
  return `demo-${kind.toLowerCase().replace(/_/g, '-')}-${creditCode}`;
}
