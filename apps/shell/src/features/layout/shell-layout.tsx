import type { RemoteEntry } from '@skills/federation';
import { Layout, Menu } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { UserMenu } from '../auth/user-menu';

/** 平台框架：顶部导航（运行时配置中当前账号可用的门户）、账号信息、主内容区、页脚 */
export function ShellLayout({
  remotes,
  children,
}: {
  remotes: readonly RemoteEntry[];
  children?: ReactNode;
}) {
  const { pathname } = useLocation();
  const active = remotes.find((r) => pathname === r.path || pathname.startsWith(`${r.path}/`));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24 }}>
        <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          职业技能评价平台
        </Link>
        <nav aria-label="门户导航" style={{ flex: 1, minWidth: 0 }}>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={active ? [active.name] : []}
            style={{ background: 'transparent', borderBottom: 0 }}
            items={remotes.map((r) => ({ key: r.name, label: <Link to={r.path}>{r.title}</Link> }))}
          />
        </nav>
        <UserMenu />
      </Layout.Header>
      <Layout.Content
        style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto', boxSizing: 'border-box' }}
      >
        {children}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: 'rgba(0,0,0,0.7)' }}>
        福建省职业技能评价平台（泉州） · 人力资源和社会保障部门指导
      </Layout.Footer>
    </Layout>
  );
}
