// 演示数据: plans of 黎明职业大学's filed agency (the agencies demo gives it a fixed id, demoAgencyId), a class of its
// 高职 students, and candidate.demo as a social candidate bound to identity's demo account (农民工, 6 years in the
// trade: qualifies for 四级, not 三级). Loaded once, when there are no plans and DEMO_DATA=true (npm start). Names
// and ID numbers are generated (valid check character).
import { demoAccountId, demoAgencyId, demoCollege, idNumberCheckChar } from '@skills/domain';
import { nextNumber } from '@skills/service-kit';
import type { PrismaClient } from './db.js';

const liming = demoCollege('黎明职业大学');
export const DEMO_AGENCY_ID = demoAgencyId(liming.creditCode, 'SKILL_LEVEL_AGENCY');
const D = (s: string) => new Date(`${s}T09:00:00+08:00`);

/** A generated ID number of 丰泽区 (350503), born in 2005, with its check character. */
export const demoStudentIdNumber = (i: number) => {
  const first17 = `350503200501${String(1 + (i % 28)).padStart(2, '0')}${String(i).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};

const STUDENTS = ['陈思远', '林雨桐', '黄子涵', '吴俊杰', '郑晓琳', '蔡明轩', '许佳怡', '王浩然'];

export async function seedDemo(prisma: PrismaClient): Promise<boolean> {
  if ((await prisma.assessmentPlan.count()) > 0) return false;
  await prisma.$transaction(async (tx) => {
    const plans = [
      {
        code: '6-31-01-03',
        level: 3,
        title: '2027 年 1 月 电工 三级/高级工 评价',
        major: '460301',
      },
      {
        code: '4-04-05-01',
        level: 4,
        title: '2027 年 1 月 计算机程序设计员 四级/中级工 评价',
        major: '510201',
      },
    ];
    const made = [];
    for (const p of plans) {
      const seq = await nextNumber(tx, `plan-number:${liming.creditCode}:2027`);
      made.push(
        await tx.assessmentPlan.create({
          data: {
            number: `${liming.creditCode}-2027-${String(seq).padStart(4, '0')}`,
            agencyId: DEMO_AGENCY_ID,
            agencyName: `${liming.name}职业技能等级评价中心`,
            agencyKind: 'SKILL_LEVEL_AGENCY',
            institutionCode: liming.creditCode,
            regionCode: liming.regionCode,
            kind: 'OCCUPATION',
            occupationCode: p.code,
            level: p.level,
            title: p.title,
            majorCodes: [p.major],
            assessmentDate: D('2027-01-15'),
            registrationClosesAt: D('2027-01-05'),
            sites: ['黎明职业大学 实训楼 A 区'],
            capacity: 60,
            allowCourseSubstitution: true,
            createdBy: demoAccountId('liming.agency'),
          },
        }),
      );
    }
    const electricians = made[0]!;
    for (const [i, name] of STUDENTS.entries()) {
      const c = await tx.candidate.create({
        data: {
          category: 'STUDENT',
          name,
          idNumber: demoStudentIdNumber(i + 1),
          institutionCode: liming.creditCode,
          schoolType: liming.schoolType,
          majorCode: '460301',
          majorName: '电气自动化技术',
          className: '电气 2023-1 班',
          enrolmentYear: 2023,
          graduationYear: 2026,
          regionCode: liming.regionCode,
          createdBy: demoAccountId('liming.admin'),
        },
      });
      if (i < 5) {
        await tx.registration.create({
          data: { planId: electricians.id, candidateId: c.id, createdBy: demoAccountId('liming.agency') },
        });
        await tx.assessmentPlan.update({
          where: { id: electricians.id },
          data: { registeredCount: { increment: 1 } },
        });
      }
    }
    const first17 = '35058220050312123'; // identity's candidate.demo (晋江, born 2005-03-12)
    await tx.candidate.create({
      data: {
        category: 'MIGRANT_WORKER',
        name: '王小明',
        idNumber: first17 + idNumberCheckChar(first17),
        phone: '13800000000',
        accountId: demoAccountId('candidate.demo'),
        regionCode: '350582',
        workYears: 6,
        createdBy: demoAccountId('candidate.demo'),
      },
    });
  });
  return true;
}
