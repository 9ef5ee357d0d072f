// 演示数据: Fujian regions, the Quanzhou colleges of DOMAIN.md C (generated credit codes, marked demo) and
// filings in several states, so every screen of the workflow has something real to show. Loaded once, when
// the register is empty and DEMO_DATA=true (npm start).
import {
  demoAccountId,
  demoAgencyId,
  demoCollege,
  FUJIAN_REGIONS,
  makeDemoCreditCode,
  QUANZHOU_COLLEGES,
  Role,
  type DemoUsername,
} from '@skills/domain';
import { nextNumber } from '@skills/service-kit';
import type { PrismaClient } from './db.js';
import { filingNumber, filingNumberScope, needsCounty } from './domain/workflow.js';

import type { Prisma } from './generated/prisma/client.js';
import type { AgencyEventType, ScopeItemKind, ViolationType } from './generated/prisma/enums.js';

const D = (s: string) => new Date(`${s}T08:00:00+08:00`);

interface DemoAgency {
  college: string;
  kind: 'SKILL_LEVEL_AGENCY' | 'APPRAISAL_AGENCY';
  scope: Array<{ occupationCode: string; kind: ScopeItemKind; levels: number[] }>;
  /** where the story stops */
  state: 'FILED' | 'SUBMITTED' | 'COUNTY_REVIEWED' | 'RETURNED';
  filedOn?: string;
  openViolation?: { type: ViolationType; description: string };
}

const occ = (code: string, levels: number[]) => ({
  occupationCode: code,
  kind: 'OCCUPATION' as const,
  levels,
});
const special = (code: string) => ({ occupationCode: code, kind: 'SPECIAL_ABILITY' as const, levels: [] });

const AGENCIES: DemoAgency[] = [
  {
    college: '黎明职业大学',
    kind: 'SKILL_LEVEL_AGENCY',
    state: 'FILED',
    filedOn: '2025-06-18',
    scope: [occ('6-31-01-03', [4, 3]), occ('4-04-05-01', [4, 3]), occ('4-01-06-01', [4, 3])],
  },
  {
    college: '泉州职业技术大学',
    kind: 'SKILL_LEVEL_AGENCY',
    state: 'FILED',
    filedOn: '2025-07-02',
    scope: [occ('4-12-01-01', [4, 3]), occ('6-18-02-04', [4, 3])],
  },
  {
    college: '泉州纺织服装职业学院',
    kind: 'SKILL_LEVEL_AGENCY',
    state: 'FILED',
    filedOn: '2025-09-10',
    scope: [occ('4-01-06-01', [4, 3])],
    openViolation: {
      type: 'OUTSOURCING',
      description: '将部分实操考核委托校外培训机构组织实施（转包），责令整改',
    },
  },
  {
    college: '泉州工艺美术职业学院',
    kind: 'APPRAISAL_AGENCY',
    state: 'FILED',
    filedOn: '2025-10-15',
    scope: [special('FJZX-0001'), special('FJZX-0002')],
  },
  {
    college: '泉州轻工职业学院',
    kind: 'SKILL_LEVEL_AGENCY',
    state: 'SUBMITTED',
    scope: [occ('6-18-01-01', [4, 3])],
  },
  {
    college: '晋江职业中专学校',
    kind: 'SKILL_LEVEL_AGENCY',
    state: 'COUNTY_REVIEWED',
    scope: [occ('6-31-01-03', [5, 4])],
  },
  {
    college: '南安职业中专学校',
    kind: 'SKILL_LEVEL_AGENCY',
    state: 'RETURNED',
    scope: [occ('4-03-02-01', [5, 4])],
  },
  {
    college: '泉州华光职业学院',
    kind: 'SKILL_LEVEL_AGENCY',
    state: 'SUBMITTED',
    scope: [occ('4-10-01-05', [4, 3])],
  },
];

/**
 * Who did a step in the demo (办理人): identity's demo accounts, by their fixed ids, so the history names real
 * (demo) people — the college's admin submits, the county's HR bureau gives its opinion, the city's decides.
 * A step with no demo account to do it (a college or county the demo has no account for) stays a system step.
 */
const SYSTEM = { actorId: 'demo-seed', actorRole: null };
const by = (username: DemoUsername, role: Role) => ({ actorId: demoAccountId(username), actorRole: role });
const COLLEGE_ADMINS: Record<string, DemoUsername> = { 黎明职业大学: 'liming.admin' };
const COUNTY_HR: Record<string, DemoUsername> = {
  '350581': 'shishi.hr',
  '350582': 'jinjiang.hr',
  '350583': 'nanan.hr',
};
const submitter = (college: string) =>
  COLLEGE_ADMINS[college] ? by(COLLEGE_ADMINS[college], Role.COLLEGE_ADMIN) : SYSTEM;
const county = (regionCode: string) =>
  COUNTY_HR[regionCode] ? by(COUNTY_HR[regionCode], Role.COUNTY_HR) : SYSTEM;
const CITY = by('quanzhou.hr', Role.CITY_HR);
const SUPERVISOR = by('quanzhou.supervisor', Role.SUPERVISOR);

export async function seedDemo(prisma: PrismaClient): Promise<boolean> {
  for (const r of FUJIAN_REGIONS) {
    await prisma.region.upsert({
      where: { code: r.code },
      create: { code: r.code, name: r.name, kind: r.kind, parentCode: r.parent },
      // the data wins: a region whose name or place changed (平潭综合实验区 over 350128) is corrected
      update: { name: r.name, kind: r.kind, parentCode: r.parent },
    });
  }
  // regions no longer in the data (平潭综合实验区's internal code before it took 350128)
  await prisma.region.deleteMany({ where: { code: { notIn: FUJIAN_REGIONS.map((r) => r.code) } } });
  if ((await prisma.institution.count()) > 0) return false;
  await prisma.institution.createMany({
    data: QUANZHOU_COLLEGES.map((c) => ({
      creditCode: c.creditCode,
      name: c.name,
      schoolType: c.schoolType,
      regionCode: c.regionCode,
      demo: true,
    })),
  });
  // Quanzhou's minimum for 增设 (ADR 0012), as its bureau would set it
  await prisma.expansionPolicy.create({
    data: {
      cityCode: '350500',
      minEvaluations: 100,
      setBy: CITY.actorId,
      reason: '演示数据：本备案期内评价满 100 人次方可申请增设',
    },
  });
  for (const a of AGENCIES) {
    const c = demoCollege(a.college);
    await prisma.$transaction(async (tx) => {
      const filed = a.state === 'FILED';
      const validFrom = filed ? D(a.filedOn!) : null;
      const agency = await tx.agency.create({
        data: {
          id: demoAgencyId(c.creditCode, a.kind),
          institutionCode: c.creditCode,
          kind: a.kind,
          name: `${c.name}${a.kind === 'APPRAISAL_AGENCY' ? '职业技能考核鉴定所' : '职业技能等级评价中心'}`,
          regionCode: c.regionCode,
          status: filed ? 'FILED' : 'APPLYING',
          filingNumber: filed
            ? filingNumber('350500', 2025, await nextNumber(tx, filingNumberScope('350500', 2025)))
            : null,
          validFrom,
          validUntil: validFrom
            ? new Date(
                Date.UTC(validFrom.getUTCFullYear() + 3, validFrom.getUTCMonth(), validFrom.getUTCDate()),
              )
            : null,
          ...(filed ? { scope: { create: a.scope } } : {}),
        },
      });
      if (agency.validFrom && agency.validUntil)
        await tx.filingPeriod.create({
          data: {
            agencyId: agency.id,
            validFrom: agency.validFrom,
            validUntil: agency.validUntil,
            reason: 'INITIAL',
          },
        });
      const countyStep = a.state !== 'SUBMITTED';
      const filing = await tx.filing.create({
        data: {
          agencyId: agency.id,
          type: 'INITIAL',
          status: a.state === 'FILED' ? 'APPROVED' : a.state,
          requestedScope: a.scope as unknown as Prisma.InputJsonValue,
          regionCode: c.regionCode,
          submittedBy: submitter(a.college).actorId,
          ...(countyStep ? { countyOpinion: '材料齐全，同意报市局备案', countyAgrees: true } : {}),
          ...(filed ? { decidedAt: validFrom, decisionReason: null } : {}),
          ...(a.state === 'RETURNED'
            ? {
                decisionReason: '考评员名单不足（每个职业实操考评员应不少于3名），请补充后重新提交',
                decidedAt: D('2026-11-20'),
              }
            : {}),
        },
      });
      type Actor = { actorId: string; actorRole: string | null };
      const steps: Array<[AgencyEventType, string | null, string | null, string | null, Actor]> = [
        ['FILING_SUBMITTED', null, 'SUBMITTED', null, submitter(a.college)],
      ];
      if (countyStep)
        steps.push([
          'FILING_COUNTY_OPINION',
          'SUBMITTED',
          'COUNTY_REVIEWED',
          '材料齐全，同意报市局备案',
          county(c.regionCode),
        ]);
      if (filed)
        steps.push(
          ['FILING_APPROVE', 'COUNTY_REVIEWED', 'APPROVED', null, CITY],
          ['AGENCY_FILED', 'APPLYING', 'FILED', null, CITY],
        );
      if (a.state === 'RETURNED')
        steps.push([
          'FILING_RETURN',
          'COUNTY_REVIEWED',
          'RETURNED',
          '考评员名单不足，请补充后重新提交',
          CITY,
        ]);
      for (const [type, fromStatus, toStatus, reason, actor] of steps) {
        await tx.agencyEvent.create({
          data: { agencyId: agency.id, filingId: filing.id, type, fromStatus, toStatus, reason, ...actor },
        });
      }
      if (a.openViolation) {
        await tx.violation.create({
          data: {
            agencyId: agency.id,
            type: a.openViolation.type,
            severity: 'SERIOUS',
            description: a.openViolation.description,
            foundBy: SUPERVISOR.actorId,
            deadline: D('2026-12-31'),
          },
        });
        await tx.agencyEvent.create({
          data: {
            agencyId: agency.id,
            type: 'VIOLATION_RECORDED',
            reason: a.openViolation.description,
            ...SUPERVISOR,
          },
        });
      }
    });
  }
  return true;
}

const BULK_OCCUPATIONS = [
  '6-31-01-03',
  '4-04-05-01',
  '4-01-06-01',
  '6-18-01-01',
  '6-18-02-04',
  '4-12-01-01',
  '4-03-02-01',
  '4-10-01-05',
  '4-03-02-07',
];
const BULK_COUNTIES = [
  '350502',
  '350503',
  '350504',
  '350505',
  '350521',
  '350524',
  '350525',
  '350526',
  '350581',
  '350582',
  '350583',
];

/**
 * Synthetic filed agencies for load tests and benchmarks (DEMO_BULK_AGENCIES=N): "演示院校NNNN", marked demo,
 * each filed with three real occupations and approved by the city (quanzhou.hr) in its history. Idempotent:
 * only what is missing is added.
 */
export async function seedBulk(prisma: PrismaClient, n: number): Promise<number> {
  const have = await prisma.institution.count({ where: { name: { startsWith: '演示院校' } } });
  const added = have < n ? await addBulk(prisma, have, n) : 0;
  await addBulkApprovals(prisma);
  return added;
}

const BULK_FILED_ON = D('2025-12-01');
const BULK_VALID_UNTIL = new Date(Date.UTC(2028, 11, 1));

async function addBulk(prisma: PrismaClient, have: number, n: number): Promise<number> {
  const rows = Array.from({ length: n - have }, (_, k) => {
    const i = have + k + 1;
    const regionCode = BULK_COUNTIES[i % BULK_COUNTIES.length]!;
    return { i, regionCode, creditCode: makeDemoCreditCode(regionCode, 100_000 + i) };
  });
  await prisma.institution.createMany({
    data: rows.map((r) => ({
      creditCode: r.creditCode,
      name: `演示院校${String(r.i).padStart(4, '0')}`,
      schoolType: 'HIGHER_VOCATIONAL',
      regionCode: r.regionCode,
      demo: true,
    })),
  });
  const from = BULK_FILED_ON;
  await prisma.agency.createMany({
    data: rows.map((r) => ({
      id: `bulk-${r.i}`,
      institutionCode: r.creditCode,
      kind: 'SKILL_LEVEL_AGENCY',
      name: `演示院校${String(r.i).padStart(4, '0')}职业技能等级评价中心`,
      regionCode: r.regionCode,
      status: 'FILED',
      filingNumber: `FJ-350500-DEMO-${String(r.i).padStart(5, '0')}`,
      validFrom: from,
      validUntil: BULK_VALID_UNTIL,
    })),
  });
  await prisma.filingPeriod.createMany({
    data: rows.map((r) => ({
      agencyId: `bulk-${r.i}`,
      validFrom: from,
      validUntil: BULK_VALID_UNTIL,
      reason: 'INITIAL' as const,
    })),
  });
  await prisma.scopeItem.createMany({
    data: rows.flatMap((r) =>
      [0, 1, 2].map((j) => ({
        agencyId: `bulk-${r.i}`,
        occupationCode: BULK_OCCUPATIONS[(r.i + j * 3) % BULK_OCCUPATIONS.length]!,
        kind: 'OCCUPATION',
        levels: [4, 3],
      })),
    ),
    skipDuplicates: true,
  });
  return rows.length;
}

/** The approval in each bulk agency's history (also for agencies seeded before histories were), one statement. */
async function addBulkApprovals(prisma: PrismaClient) {
  const missing = await prisma.agency.findMany({
    where: { id: { startsWith: 'bulk-' }, events: { none: { type: 'FILING_APPROVE' } } },
    select: { id: true, regionCode: true },
  });
  if (!missing.length) return;
  await prisma.agencyEvent.createMany({
    data: missing.map((a) => ({
      agencyId: a.id,
      type: 'FILING_APPROVE',
      fromStatus: needsCounty(a.regionCode) ? 'COUNTY_REVIEWED' : 'SUBMITTED',
      toStatus: 'APPROVED',
      at: BULK_FILED_ON,
      ...CITY,
    })),
  });
}
