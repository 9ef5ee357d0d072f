import { session, useSession } from '@skills/graphql-client';
import { Button, Flex, Typography } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router';

/** 页眉中的账号信息：姓名与角色名称、退出登录；未登录时为“登录”链接 */
export function UserMenu() {
  const { status, account } = useSession();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  if (status === 'restoring') return <span style={{ color: '#fff' }}>正在恢复登录…</span>;
  if (!account) {
    if (pathname === '/login') return null;
    return (
      <Link to={`/login?next=${encodeURIComponent(pathname + search)}`} style={{ color: '#fff' }}>
        登录
      </Link>
    );
  }
  const roleNames = [
    ...new Set(account.roles.map((r) => (r.regionName ? `${r.roleName}（${r.regionName}）` : r.roleName))),
  ];
  return (
    <Flex align="center" gap={12} style={{ color: '#fff', whiteSpace: 'nowrap' }} aria-label="当前账号">
      <Flex vertical style={{ lineHeight: 1.3 }}>
        <Typography.Text strong style={{ color: '#fff' }} data-testid="account-name">
          {account.displayName}
        </Typography.Text>
        <Typography.Text style={{ color: '#fff', fontSize: 12 }} data-testid="account-roles">
          {roleNames.join('、')}
        </Typography.Text>
      </Flex>
      <Button
        size="small"
        ghost
        onClick={() => {
          void session.signOut().then(() => navigate('/', { replace: true }));
        }}
      >
        退出登录
      </Button>
    </Flex>
  );
}
