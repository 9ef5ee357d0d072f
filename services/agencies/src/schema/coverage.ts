import { DomainError, regionFullName, regionShortName } from '@skills/domain';
import { access, principalCan } from '@skills/service-kit';
import { BUREAUS } from '../access-scope.js';
import { builder } from '../builder.js';
import { COVERAGE_DEADLINE, COVERAGE_TARGET, coverageOf, type Coverage } from '../domain/coverage.js';
import { Institution } from './institution.js';

const CoverageRow = builder.objectRef<Coverage>('CoverageRow').implement({
  fields: (t) => ({
    regionCode: t.exposeString('regionCode'),
    regionName: t.string({ resolve: (c) => regionShortName(c.regionCode) }),
    vocationalColleges: t.exposeInt('vocationalColleges'),
    filed: t.exposeInt('filed'),
    ratio: t.exposeFloat('ratio'),
  }),
});

interface CoverageReport extends Coverage {
  byRegion: Coverage[];
}

const FilingCoverage = builder.objectRef<CoverageReport>('FilingCoverage').implement({
  description: '职业院校评价机构备案覆盖率',
  fields: (t) => ({
    regionCode: t.exposeString('regionCode'),
    regionName: t.string({ resolve: (c) => regionFullName(c.regionCode) ?? c.regionCode }),
    vocationalColleges: t.exposeInt('vocationalColleges', { description: '职业院校数' }),
    filed: t.exposeInt('filed', { description: '已备案职业技能等级评价机构的院校数' }),
    ratio: t.exposeFloat('ratio'),
    target: t.float({ resolve: () => COVERAGE_TARGET }),
    deadline: t.string({ resolve: () => COVERAGE_DEADLINE }),
    deadlinePassed: t.boolean({ resolve: () => new Date().toISOString().slice(0, 10) > COVERAGE_DEADLINE }),
    byRegion: t.field({
      type: [CoverageRow],
      description: '按下级地区（县级账号为本县（市、区）自身）',
      resolve: (c) => c.byRegion,
    }),
    missing: t.prismaField({
      type: [Institution],
      description: '尚未备案的职业院校',
      resolve: (q, c, _a, ctx) =>
        ctx.prisma.institution.findMany({
          ...q,
          where: { creditCode: { in: c.missing } },
          orderBy: { name: 'asc' },
        }),
    }),
  }),
});

builder.queryField('filingCoverage', (t) =>
  t.field({
    type: FilingCoverage,
    description: '备案覆盖率（本地区人社、教育部门）',
    ...access.roles(...BUREAUS),
    args: { regionCode: t.arg.string({ required: true }) },
    resolve: async (_r, { regionCode }, ctx) => {
      if (!principalCan(ctx.principal, BUREAUS, { regionCode })) throw new DomainError('FORBIDDEN');
      const institutions = await ctx.prisma.institution.findMany({
        select: {
          creditCode: true,
          schoolType: true,
          regionCode: true,
          // filed and within its validity today (the date checked at read time, not only by the hourly sweep)
          agencies: {
            where: { kind: 'SKILL_LEVEL_AGENCY', status: 'FILED', validUntil: { gt: new Date() } },
            select: { id: true },
          },
        },
      });
      const facts = institutions.map((i) => ({ ...i, filed: i.agencies.length > 0 }));
      const children = await ctx.prisma.region.findMany({
        where: { parentCode: regionCode },
        orderBy: { code: 'asc' },
      });
      const own = coverageOf(regionCode, facts);
      // a county has no regions below it: its one row is itself, so its chart and table are not empty
      const byRegion = children.length
        ? children.map((r) => coverageOf(r.code, facts)).filter((c) => c.vocationalColleges > 0)
        : [own];
      return { ...own, byRegion };
    },
  }),
);
