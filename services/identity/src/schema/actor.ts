import { access } from '@skills/service-kit';
import { builder } from '../builder.js';
import type { ActorRow } from '../context.js';

/** 操作人 (办理人): the account that did something another subgraph recorded, e.g. a step of a filing. */
export const Actor = builder.objectRef<ActorRow>('Actor').implement({
  description: '操作人（办理人）：在其他业务中办理某一步骤的账号。姓名与单位仅对已登录用户可见',
  fields: (t) => ({
    id: t.exposeID('id'),
    // Staff names are not public: anonymous callers get null here (not an error that fails a whole list).
    displayName: t.exposeString('displayName', {
      nullable: true,
      ...access.authenticated(),
      unauthorizedResolver: () => null,
    }),
    organisationName: t.string({
      nullable: true,
      description: '所在单位',
      ...access.authenticated(),
      unauthorizedResolver: () => null,
      resolve: (a) => a.organisation?.name ?? null,
    }),
  }),
});

builder.asEntity(Actor, {
  key: builder.selection<{ id: string }>('id'),
  // unknown ids (a deleted account, a system actor) resolve to null
  resolveReference: (ref, ctx) => ctx.loaders.actor.load(ref.id),
});
