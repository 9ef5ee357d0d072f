import { session, useSession } from '@skills/graphql-client';
import { Button, Flex, Typography } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router';

/**
 * 账号信息：姓名与角色名称、退出登录；未登录时为“登录”链接。`header`: white on the dark page header;
 * `drawer`: dark on white, full width, at the top of the phone menu.
 */
export function UserMenu({ layout = 'header' }: { layout?: 'header' | 'drawer' }) {
  const { status, account } = useSession();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const inHeader = layout === 'header';
  const color = inHeader ? '#fff' : undefined;
  if (status === 'restoring') return <span style={{ color }}>正在恢复登录…</span>;
  if (!account) {
    if (pathname === '/login') return null;
    const to = `/login?next=${encodeURIComponent(pathname + search)}`;
    return inHeader ? (
      <Link to={to} style={{ color }}>
        登录
      </Link>
    ) : (
      <Button type="primary" block style={{ marginBottom: 16 }} onClick={() => navigate(to)}>
        登录
      </Button>
    );
  }
  const roleNames = [
    ...new Set(account.roles.map((r) => (r.regionName ? `${r.roleName}（${r.regionName}）` : r.roleName))),
  ];
  return (
    <Flex
      vertical={!inHeader}
      align={inHeader ? 'center' : 'stretch'}
      gap={12}
      style={inHeader ? { color, whiteSpace: 'nowrap' } : { marginBottom: 16 }}
      aria-label="当前账号"
    >
      <Flex vertical style={{ lineHeight: 1.3 }}>
        <Typography.Text strong style={{ color }} data-testid="account-name">
          {account.displayName}
        </Typography.Text>
        <Typography.Text style={{ color, fontSize: 12 }} data-testid="account-roles">
          {roleNames.join('、')}
        </Typography.Text>
      </Flex>
      <Button
        size={inHeader ? 'small' : 'middle'}
        ghost={inHeader}
        block={!inHeader}
        onClick={() => {
          void session.signOut().then(() => navigate('/', { replace: true }));
        }}
      >
        退出登录
      </Button>
    </Flex>
  );
}
