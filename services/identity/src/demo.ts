// 演示账号: one account per role so a new user can try every portal. Seeded only when DEMO_ACCOUNTS=true
// (npm start); every row is marked demo. The password is printed at start with a warning.
import { demoAccountId, demoCollege, idNumberCheckChar, makeDemoCreditCode, Role } from '@skills/domain';
import type { PrismaClient } from './db.js';
import { hashPassword } from './sessions.js';

export const DEMO_PASSWORD = 'Demo#2026';

const liming = demoCollege('黎明职业大学');
const jinjiangZhongzhuan = demoCollege('晋江职业中专学校');
const haiyang = demoCollege('泉州海洋职业学院'); // no agency yet in the demo: the college that files in the walkthrough
const dehua = demoCollege('德化职业技术学校'); // a 中职 without an agency: shows the school-type level cap

interface DemoOrg {
  code: string;
  name: string;
  kind: 'HR_BUREAU' | 'EDU_BUREAU' | 'COLLEGE' | 'PARTNER';
  regionCode: string;
}

const orgs: DemoOrg[] = [
  {
    code: makeDemoCreditCode('350000', 1),
    name: '福建省人力资源和社会保障厅',
    kind: 'HR_BUREAU',
    regionCode: '350000',
  },
  { code: makeDemoCreditCode('350000', 2), name: '福建省教育厅', kind: 'EDU_BUREAU', regionCode: '350000' },
  {
    code: makeDemoCreditCode('350500', 1),
    name: '泉州市人力资源和社会保障局',
    kind: 'HR_BUREAU',
    regionCode: '350500',
  },
  { code: makeDemoCreditCode('350500', 2), name: '泉州市教育局', kind: 'EDU_BUREAU', regionCode: '350500' },
  {
    code: makeDemoCreditCode('350582', 1),
    name: '晋江市人力资源和社会保障局',
    kind: 'HR_BUREAU',
    regionCode: '350582',
  },
  {
    code: makeDemoCreditCode('350583', 1),
    name: '南安市人力资源和社会保障局',
    kind: 'HR_BUREAU',
    regionCode: '350583',
  },
  {
    code: makeDemoCreditCode('350581', 1),
    name: '石狮市人力资源和社会保障局',
    kind: 'HR_BUREAU',
    regionCode: '350581',
  },
  { code: haiyang.creditCode, name: haiyang.name, kind: 'COLLEGE', regionCode: haiyang.regionCode },
  { code: dehua.creditCode, name: dehua.name, kind: 'COLLEGE', regionCode: dehua.regionCode },
  { code: liming.creditCode, name: liming.name, kind: 'COLLEGE', regionCode: liming.regionCode },
  {
    code: jinjiangZhongzhuan.creditCode,
    name: jinjiangZhongzhuan.name,
    kind: 'COLLEGE',
    regionCode: jinjiangZhongzhuan.regionCode,
  },
  {
    code: makeDemoCreditCode('350582', 9001, '52'),
    name: '晋江某鞋服企业（演示合作方）',
    kind: 'PARTNER',
    regionCode: '350582',
  },
];

const org = (name: string) => orgs.find((o) => o.name === name)!.code;
const demoIdNumber = (() => {
  const first17 = '35058220050312123'; // 晋江, born 2005-03-12
  return first17 + idNumberCheckChar(first17);
})();

export interface DemoAccount {
  username: string;
  displayName: string;
  organisation: string | null;
  grants: Array<{ role: Role; regionCode?: string; orgCode?: string }>;
  idNumber?: string;
  phone?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'province.hr',
    displayName: '省人社厅（演示）',
    organisation: '福建省人力资源和社会保障厅',
    grants: [
      { role: Role.PROVINCE_HR, regionCode: '350000' },
      { role: Role.PROVINCE_CATALOGUE_ADMIN, regionCode: '350000' },
    ],
  },
  {
    username: 'province.edu',
    displayName: '省教育厅（演示）',
    organisation: '福建省教育厅',
    grants: [{ role: Role.PROVINCE_EDU, regionCode: '350000' }],
  },
  {
    username: 'quanzhou.hr',
    displayName: '泉州市人社局鉴定指导中心（演示）',
    organisation: '泉州市人力资源和社会保障局',
    grants: [{ role: Role.CITY_HR, regionCode: '350500' }],
  },
  {
    username: 'quanzhou.edu',
    displayName: '泉州市教育局（演示）',
    organisation: '泉州市教育局',
    grants: [{ role: Role.CITY_EDU, regionCode: '350500' }],
  },
  {
    username: 'jinjiang.hr',
    displayName: '晋江市人社局（演示）',
    organisation: '晋江市人力资源和社会保障局',
    grants: [{ role: Role.COUNTY_HR, regionCode: '350582' }],
  },
  {
    username: 'nanan.hr',
    displayName: '南安市人社局（演示）',
    organisation: '南安市人力资源和社会保障局',
    grants: [{ role: Role.COUNTY_HR, regionCode: '350583' }],
  },
  {
    username: 'shishi.hr',
    displayName: '石狮市人社局（演示）',
    organisation: '石狮市人力资源和社会保障局',
    grants: [{ role: Role.COUNTY_HR, regionCode: '350581' }],
  },
  {
    username: 'haiyang.admin',
    displayName: '泉州海洋职业学院 院校管理员（演示）',
    organisation: haiyang.name,
    grants: [{ role: Role.COLLEGE_ADMIN, orgCode: haiyang.creditCode }],
  },
  {
    username: 'dehua.admin',
    displayName: '德化职业技术学校 院校管理员（演示）',
    organisation: dehua.name,
    grants: [{ role: Role.COLLEGE_ADMIN, orgCode: dehua.creditCode }],
  },
  {
    username: 'liming.admin',
    displayName: '黎明职业大学 院校管理员（演示）',
    organisation: liming.name,
    grants: [{ role: Role.COLLEGE_ADMIN, orgCode: liming.creditCode }],
  },
  {
    username: 'liming.agency',
    displayName: '黎明职业大学 评价机构（演示）',
    organisation: liming.name,
    grants: [{ role: Role.AGENCY_STAFF, orgCode: liming.creditCode }],
  },
  {
    username: 'liming.assessor',
    displayName: '考评员 陈老师（演示）',
    organisation: liming.name,
    grants: [{ role: Role.ASSESSOR, orgCode: liming.creditCode }],
  },
  {
    username: 'quanzhou.supervisor',
    displayName: '质量督导员 林督导（演示）',
    organisation: '泉州市人力资源和社会保障局',
    grants: [{ role: Role.SUPERVISOR, regionCode: '350500' }],
  },
  {
    username: 'candidate.demo',
    displayName: '考生 王小明（演示）',
    organisation: null,
    grants: [{ role: Role.CANDIDATE }],
    idNumber: demoIdNumber,
    phone: '13800000000',
  },
  {
    username: 'partner.demo',
    displayName: '合作方 晋江某鞋服企业（演示）',
    organisation: '晋江某鞋服企业（演示合作方）',
    grants: [{ role: Role.PARTNER, orgCode: org('晋江某鞋服企业（演示合作方）') }],
  },
];

/** Creates the demo organisations and accounts that do not exist yet (idempotent by natural key). */
export async function seedDemo(prisma: PrismaClient): Promise<number> {
  for (const o of orgs) await prisma.organisation.upsert({ where: { code: o.code }, create: o, update: {} });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  for (const a of DEMO_ACCOUNTS) {
    if (await prisma.account.findUnique({ where: { username: a.username } })) continue;
    await prisma.account.create({
      data: {
        // fixed ids, so other services' demo data can name who acted (DEMO_ACCOUNT_IDS)
        id: demoAccountId(a.username),
        username: a.username,
        displayName: a.displayName,
        passwordHash,
        demo: true,
        organisationCode: a.organisation ? org(a.organisation) : null,
        idNumber: a.idNumber ?? null,
        phone: a.phone ?? null,
        roles: {
          create: a.grants.map((g) => ({
            role: g.role,
            regionCode: g.regionCode ?? null,
            orgCode: g.orgCode ?? null,
          })),
        },
      },
    });
    created++;
  }
  return created;
}
