import { useSession } from '@skills/graphql-client';
import { LoadingState, NotFoundState } from '@skills/ui-kit';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { portalAllowed } from './portal-access';

/** Opens a portal only for the roles it serves: anonymous callers go to 登录, others see 无权访问. */
export function RequirePortal({
  remoteName,
  title,
  children,
}: {
  remoteName: string;
  title: string;
  children?: ReactNode;
}) {
  const { status, account } = useSession();
  const { pathname, search } = useLocation();
  if (portalAllowed(remoteName, account?.roles.map((r) => r.role) ?? [])) return children;
  if (status === 'restoring') return <LoadingState label="正在恢复登录…" />;
  if (!account) return <Navigate to={`/login?next=${encodeURIComponent(pathname + search)}`} replace />;
  return (
    <NotFoundState
      title="无权访问"
      message={`当前账号的角色不能使用“${title}”。`}
      extra={<Link to="/">返回首页</Link>}
    />
  );
}
