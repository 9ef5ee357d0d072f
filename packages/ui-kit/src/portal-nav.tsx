import { Badge, Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import { usePortalPath } from './base-path';

export interface PortalNavItem {
  /** portal-relative path: '' for the portal's first page, 'coverage' … */
  path: string;
  label: string;
  /** 待我办理: how many items wait on this page (a badge; nothing when 0 or not known yet) */
  count?: number | undefined;
}

/** A portal's own page menu (second-level navigation under the shell's portal menu). */
export function PortalNav({ label, items }: { label: string; items: readonly PortalNavItem[] }) {
  const path = usePortalPath();
  const { pathname } = useLocation();
  // the longest matching prefix wins, so '' (the first page) does not swallow the others
  const active = [...items]
    .sort((a, b) => b.path.length - a.path.length)
    .find((i) => {
      const p = path(i.path);
      return i.path ? pathname === p || pathname.startsWith(`${p}/`) : pathname === p || pathname === `${p}/`;
    });
  return (
    <nav aria-label={label} style={{ marginBottom: 16 }}>
      <Menu
        mode="horizontal"
        selectedKeys={active ? [active.path] : []}
        items={items.map((i) => ({
          key: i.path,
          label: (
            <Link to={path(i.path)}>
              {i.label}
              {i.count ? (
                <Badge
                  count={i.count}
                  overflowCount={99}
                  style={{ marginInlineStart: 6, backgroundColor: '#a8071a' }}
                  title={`${i.count} 项待办理`}
                />
              ) : null}
            </Link>
          ),
        }))}
      />
    </nav>
  );
}
