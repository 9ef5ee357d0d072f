import { DomainError } from '@skills/domain';
import { access, badInput, fromDomainError } from '@skills/service-kit';
import { builder } from '../builder.js';
import * as sessions from '../sessions.js';
import { Account } from './account.js';

type Payload = sessions.Session;

const AuthPayload = builder.objectRef<Payload>('AuthPayload').implement({
  description: '登录结果：访问令牌（短期）与刷新令牌',
  fields: (t) => ({
    accessToken: t.exposeString('accessToken'),
    refreshToken: t.exposeString('refreshToken'),
    expiresIn: t.exposeInt('expiresIn', { description: '访问令牌有效秒数' }),
    account: t.prismaField({
      type: Account,
      resolve: (query, p, _args, ctx) =>
        ctx.prisma.account.findUniqueOrThrow({ ...query, where: { id: p.accountId } }),
    }),
  }),
});

async function typed<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof DomainError) throw fromDomainError(e);
    throw e;
  }
}

builder.mutationFields((t) => ({
  login: t.field({
    type: AuthPayload,
    description: '用户名密码登录',
    ...access.public(),
    args: { username: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: (_root, { username, password }, ctx) => {
      if (!username.trim() || username.length > 64) throw badInput('username', '请输入用户名');
      if (!password || password.length > 256) throw badInput('password', '请输入密码');
      return typed(() => sessions.login(ctx.prisma, ctx.keys, ctx.config, username, password));
    },
  }),
  refreshSession: t.field({
    type: AuthPayload,
    description: '用刷新令牌换取新的访问令牌（刷新令牌随之轮换）',
    ...access.public(),
    args: { refreshToken: t.arg.string({ required: true }) },
    resolve: (_root, { refreshToken }, ctx) =>
      typed(() => sessions.refresh(ctx.prisma, ctx.keys, ctx.config, refreshToken)),
  }),
  logout: t.boolean({
    description: '退出登录：吊销该会话的刷新令牌',
    ...access.public(),
    args: { refreshToken: t.arg.string({ required: true }) },
    resolve: (_root, { refreshToken }, ctx) => sessions.logout(ctx.prisma, refreshToken),
  }),
}));
