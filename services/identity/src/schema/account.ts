import { maskIdNumber, maskPhone, regionFullName, roleInfo, type Role } from '@skills/domain';
import { access, childRows, keyedTable, queryIs, scalarsOnly, sqlOf } from '@skills/service-kit';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import type { Account as AccountRow, RoleGrant as RoleGrantRow } from '../generated/prisma/client.js';
import { audit } from '../sessions.js';

/** 机构 */
export const Organisation = builder.prismaObject('Organisation', {
  description: '机构：人社/教育部门、院校、评价机构或合作方',
  fields: (t) => ({
    code: t.exposeString('code', { description: '统一社会信用代码' }),
    name: t.exposeString('name'),
    kind: t.exposeString('kind'),
    regionCode: t.exposeString('regionCode'),
  }),
});

/** 角色授权 */
export const RoleGrant = builder.prismaObject('RoleGrant', {
  description: '角色及其适用范围（地区或机构）',
  fields: (t) => ({
    role: t.exposeString('role'),
    roleName: t.string({ resolve: (g) => roleInfo(g.role as Role)?.name ?? g.role }),
    regionCode: t.exposeString('regionCode', { nullable: true }),
    regionName: t.string({
      nullable: true,
      resolve: (g) => (g.regionCode ? (regionFullName(g.regionCode) ?? null) : null),
    }),
    orgCode: t.exposeString('orgCode', { nullable: true }),
  }),
});

/** 账号 */
export const Account = builder.prismaObject('Account', {
  description: '平台账号',
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    status: t.exposeString('status'),
    demo: t.exposeBoolean('demo', { description: '演示账号（仅用于演示环境）' }),
    organisation: t.relation('organisation', { nullable: true }),
    roles: t.relation('roles'),
    idNumber: t.string({
      nullable: true,
      description: '居民身份证号码（脱敏）',
      resolve: (a) => (a.idNumber ? maskIdNumber(a.idNumber) : null),
    }),
    phone: t.string({
      nullable: true,
      description: '手机号码（脱敏）',
      resolve: (a) => (a.phone ? maskPhone(a.phone) : null),
    }),
    idNumberUnmasked: t.string({
      nullable: true,
      description: '完整身份证号码：仅本人可查看，须说明用途，每次查看均记入审计日志',
      args: { reason: t.arg.string({ required: true }) },
      // Only the holder; bureaus will get their own, region-scoped view where their work needs it.
      authScopes: (a, _args, ctx) => ctx.principal.kind === 'user' && ctx.principal.id === a.id,
      resolve: async (a, { reason }, ctx) => {
        if (!a.idNumber) return null;
        await audit(
          ctx.prisma,
          ctx.principal.id,
          'pii.id_number.read',
          a.id,
          undefined,
          reason.slice(0, 200),
        );
        return a.idNumber;
      },
    }),
  }),
});

/**
 * The Account table read by id through one prepared statement (service-kit keyed.ts): the type's scalar fields and
 * the columns they read. A field not listed (a relation, a field added later) makes the read take the whole row.
 */
const accountsById = keyedTable<AccountRow>({
  table: 'Account',
  key: 'id',
  fields: {
    id: ['id'],
    username: ['username'],
    displayName: ['displayName'],
    status: ['status'],
    demo: ['demo'],
    idNumber: ['idNumber'],
    phone: ['phone'],
    idNumberUnmasked: ['idNumber'],
  },
});
/** An account's grants, as `include: { roles: true }` reads them (no order given there either). */
const rolesOf = childRows<RoleGrantRow>({ table: 'RoleGrant', parentKey: 'accountId' });

/** `me` on the hot path (every signed-in page): the row and, when asked, its roles through prepared statements. */
async function meOf(query: object, ctx: Context, info: Parameters<typeof accountsById.one>[2]) {
  const id = ctx.principal.id!;
  const sql = sqlOf(ctx.prisma);
  const account = scalarsOnly(query)
    ? await accountsById.one(sql, id, info)
    : queryIs(query, { include: { roles: true } })
      ? await Promise.all([accountsById.one(sql, id), rolesOf(sql, id)]).then(([a, roles]) => a && { ...a, roles })
      : await ctx.prisma.account.findUniqueOrThrow({ ...query, where: { id } });
  // as findUniqueOrThrow: claims for an account that is gone are an internal error, not an answer
  if (!account) throw new Error(`me: no account ${id}`);
  return account;
}

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'Account',
    description: '当前登录的账号',
    ...access.authenticated(),
    resolve: (query, _root, _args, ctx, info) => meOf(query, ctx, info),
  }),
);
