import { findRegion } from '@skills/domain';
import { access } from '@skills/service-kit';
import { builder } from '../builder.js';
import { RegionKindEnum } from './common.js';

/** 行政区划 */
export const Region = builder.prismaObject('Region', {
  description: '行政区划（含泉州开发区、泉州台商投资区等功能区）',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: RegionKindEnum }),
    level: t.string({
      nullable: true,
      description:
        '行政层级：PROVINCE 省级、CITY 市级（含平潭综合实验区）、COUNTY 县级（含泉州开发区等功能区）',
      resolve: (r) => findRegion(r.code)?.level ?? null,
    }),
    parentCode: t.exposeString('parentCode', { nullable: true }),
    children: t.prismaField({
      type: ['Region'],
      resolve: (query, r, _a, ctx) =>
        ctx.prisma.region.findMany({ ...query, where: { parentCode: r.code }, orderBy: { code: 'asc' } }),
    }),
  }),
});

builder.queryFields((t) => ({
  regions: t.prismaField({
    type: ['Region'],
    description: '下级行政区划（不传 parentCode 时为省级）',
    ...access.public(),
    args: { parentCode: t.arg.string() },
    resolve: (query, _r, { parentCode }, ctx) =>
      ctx.prisma.region.findMany({
        ...query,
        where: { parentCode: parentCode ?? null },
        orderBy: { code: 'asc' },
      }),
  }),
}));
