import { parseCreditCode, Role } from '@skills/domain';
import { access, badInput } from '@skills/service-kit';
import { createApiKey } from '../api-keys.js';
import { builder } from '../builder.js';
import { audit } from '../sessions.js';

/** 合作方接口密钥 (never the secret itself) */
export const ApiKey = builder.prismaObject('ApiKey', {
  description: '合作方接口密钥（只显示前缀，密钥本身仅在创建时显示一次）',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix'),
    organisationCode: t.exposeString('organisationCode'),
    allowedOperations: t.exposeStringList('allowedOperations'),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

const CreatedApiKey = builder
  .objectRef<{ apiKey: { id: string }; secret: string }>('CreatedApiKey')
  .implement({
    fields: (t) => ({
      apiKey: t.prismaField({
        type: ApiKey,
        resolve: (query, p, _a, ctx) =>
          ctx.prisma.apiKey.findUniqueOrThrow({ ...query, where: { id: p.apiKey.id } }),
      }),
      secret: t.exposeString('secret', { description: '接口密钥，仅此一次显示，请妥善保存' }),
    }),
  });

builder.queryField('apiKeys', (t) =>
  t.prismaField({
    type: [ApiKey],
    description: '合作方接口密钥列表（省人社厅）',
    ...access.roles(Role.PROVINCE_HR),
    resolve: (query, _r, _a, ctx) => ctx.prisma.apiKey.findMany({ ...query, orderBy: { createdAt: 'desc' } }),
  }),
);

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreatedApiKey,
    description: '为合作方创建接口密钥（省人社厅）',
    ...access.roles(Role.PROVINCE_HR),
    args: {
      name: t.arg.string({ required: true }),
      organisationCode: t.arg.string({ required: true, description: '合作方统一社会信用代码' }),
      allowedOperations: t.arg.stringList({ required: true, description: '允许调用的已登记操作名' }),
    },
    resolve: async (_r, args, ctx) => {
      const name = args.name.trim();
      if (!name || name.length > 60) throw badInput('name', '请填写密钥名称（不超过 60 字）');
      const org = parseCreditCode(args.organisationCode);
      if (!org.ok) throw badInput('organisationCode', org.error.message);
      const ops = [...new Set(args.allowedOperations.map((o) => o.trim()).filter(Boolean))];
      if (ops.length === 0 || ops.some((o) => !/^[A-Z][A-Za-z0-9]{1,63}$/.test(o))) {
        throw badInput('allowedOperations', '请至少列出一个操作名（如 OccupationByCode）');
      }
      const created = await createApiKey(ctx.prisma, {
        name,
        organisationCode: org.value.value,
        allowedOperations: ops,
        createdBy: ctx.principal.id!,
      });
      await audit(ctx.prisma, ctx.principal.id, 'api_key.create', created.row.id, {
        name,
        organisationCode: org.value.value,
        ops,
      });
      return { apiKey: created.row, secret: created.secret };
    },
  }),
  revokeApiKey: t.prismaField({
    type: ApiKey,
    description: '吊销接口密钥（省人社厅）；已吊销的再次吊销不报错',
    ...access.roles(Role.PROVINCE_HR),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const key = await ctx.prisma.apiKey.findUnique({ where: { id: String(id) } });
      if (!key) throw badInput('id', '未找到该接口密钥');
      if (!key.revokedAt) {
        await ctx.prisma.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
        await audit(ctx.prisma, ctx.principal.id, 'api_key.revoke', key.id);
      }
      return ctx.prisma.apiKey.findUniqueOrThrow({ ...query, where: { id: key.id } });
    },
  }),
}));
