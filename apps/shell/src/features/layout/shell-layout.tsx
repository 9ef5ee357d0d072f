import { MenuOutlined } from '@ant-design/icons';
import type { RemoteEntry } from '@skills/federation';
import { useSmallScreen } from '@skills/ui-kit';
import { Button, Drawer, Layout, Menu } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { UserMenu } from '../auth/user-menu';

/** 平台框架：顶部导航（运行时配置中当前账号可用的门户）、账号信息、主内容区、页脚；手机上导航与账号收进“菜单” */
export function ShellLayout({
  remotes,
  children,
}: {
  remotes: readonly RemoteEntry[];
  children?: ReactNode;
}) {
  const { pathname } = useLocation();
  const small = useSmallScreen();
  const [menuOpen, setMenuOpen] = useState(false);
  // a link followed in the menu closes it
  useEffect(() => setMenuOpen(false), [pathname]);
  const active = remotes.find((r) => pathname === r.path || pathname.startsWith(`${r.path}/`));
  const portalMenu = (mode: 'horizontal' | 'inline') => (
    <nav aria-label="门户导航" style={mode === 'horizontal' ? { flex: 1, minWidth: 0 } : undefined}>
      <Menu
        theme={mode === 'horizontal' ? 'dark' : 'light'}
        mode={mode}
        selectedKeys={active ? [active.name] : []}
        style={
          mode === 'horizontal' ? { background: 'transparent', borderBottom: 0 } : { borderInlineEnd: 0 }
        }
        items={remotes.map((r) => ({ key: r.name, label: <Link to={r.path}>{r.title}</Link> }))}
      />
    </nav>
  );
  const padding = small ? 12 : 24;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: padding, paddingInline: padding }}>
        <Link
          to="/"
          style={{ color: '#fff', fontSize: small ? 16 : 18, fontWeight: 600, whiteSpace: 'nowrap' }}
        >
          职业技能评价平台
        </Link>
        {small ? (
          <>
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-expanded={menuOpen}
              aria-controls="shell-menu"
              onClick={() => setMenuOpen(true)}
              style={{ color: '#fff', marginInlineStart: 'auto' }}
            >
              菜单
            </Button>
            <Drawer
              id="shell-menu"
              title="菜单"
              placement="right"
              size={300}
              open={menuOpen}
              onClose={() => setMenuOpen(false)}
            >
              <UserMenu layout="drawer" />
              {portalMenu('inline')}
            </Drawer>
          </>
        ) : (
          <>
            {portalMenu('horizontal')}
            <UserMenu layout="header" />
          </>
        )}
      </Layout.Header>
      <Layout.Content
        style={{ padding, maxWidth: 1200, width: '100%', margin: '0 auto', boxSizing: 'border-box' }}
      >
        {children}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: 'rgba(0,0,0,0.7)', paddingInline: padding }}>
        福建省职业技能评价平台（泉州） · 人力资源和社会保障部门指导
      </Layout.Footer>
    </Layout>
  );
}
