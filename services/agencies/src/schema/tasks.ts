// 待我办理: what waits for the caller, by role — a county HR bureau's opinions, a city HR bureau's decisions, a
// college's filings returned for correction — counted with the same region and organisation reach as the lists
// they open, so a badge never promises rows its list will not show.
import { findRegion, Role } from '@skills/domain';
import { access } from '@skills/service-kit';
import { COLLEGE_SIDE, reachOf } from '../access-scope.js';
import { builder } from '../builder.js';
import { needsCounty } from '../domain/workflow.js';

interface FilingTasks {
  awaitingCountyOpinion: number;
  awaitingDecision: number;
  returnedForCorrection: number;
}

const FilingTasksRef = builder.objectRef<FilingTasks>('FilingTasks').implement({
  description: '待我办理（按当前账号的角色和管辖范围统计）',
  fields: (t) => ({
    awaitingCountyOpinion: t.exposeInt('awaitingCountyOpinion', { description: '待县（区）提出审核意见' }),
    awaitingDecision: t.exposeInt('awaitingDecision', { description: '待市人社局作出备案决定' }),
    returnedForCorrection: t.exposeInt('returnedForCorrection', {
      description: '本校被退回补正、待重新提交',
    }),
  }),
});

builder.queryField('filingTasks', (t) =>
  t.field({
    type: FilingTasksRef,
    description: '待我办理的备案事项数量',
    ...access.authenticated(),
    resolve: async (_r, _a, ctx) => {
      const county = reachOf(ctx.principal, [Role.COUNTY_HR], []).regions.filter(needsCounty);
      const city = reachOf(ctx.principal, [Role.CITY_HR], []).regions;
      const colleges = reachOf(ctx.principal, [], COLLEGE_SIDE).orgs;
      // a city-level region's own filings (平潭, a city's direct registrations) skip the county and wait for the city
      const cityDirect = city.filter((code) => findRegion(code) && !needsCounty(code));
      const [awaitingCountyOpinion, awaitingDecision, returnedForCorrection] = await Promise.all([
        county.length
          ? ctx.prisma.filing.count({ where: { status: 'SUBMITTED', regionCode: { in: county } } })
          : 0,
        city.length
          ? ctx.prisma.filing.count({
              where: {
                OR: [
                  { status: 'COUNTY_REVIEWED', regionCode: { in: city } },
                  { status: 'SUBMITTED', regionCode: { in: cityDirect } },
                ],
              },
            })
          : 0,
        colleges.length
          ? ctx.prisma.filing.count({
              where: { status: 'RETURNED', agency: { institutionCode: { in: colleges } } },
            })
          : 0,
      ]);
      return { awaitingCountyOpinion, awaitingDecision, returnedForCorrection };
    },
  }),
);
