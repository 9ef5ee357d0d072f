import { Breadcrumb, Card, Flex, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePortalPath, useDocumentTitle } from './base-path';
import { LoadingState } from './states';

/** A step of a nested page's breadcrumb: a portal-relative `path` makes it a link. */
export interface Crumb {
  title: string;
  path?: string;
}

/**
 * A page's title (its one h1) with an optional description and actions; it also names the browser tab
 * (`documentTitle`, default the title when it is text). Nested pages pass `breadcrumb`: the way back up, the
 * current page last.
 */
export function PageHeader({
  title,
  description,
  extra,
  documentTitle,
  breadcrumb,
}: {
  title: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
  documentTitle?: string;
  breadcrumb?: readonly Crumb[];
}) {
  useDocumentTitle(documentTitle ?? (typeof title === 'string' ? title : undefined));
  const path = usePortalPath();
  return (
    <>
      {breadcrumb?.length ? (
        <Breadcrumb
          aria-label="当前位置"
          style={{ marginBottom: 8 }}
          items={breadcrumb.map((c) => ({
            key: c.path ?? c.title,
            title: c.path === undefined ? c.title : <Link to={path(c.path)}>{c.title}</Link>,
          }))}
        />
      ) : null}
      <Flex
        component="header"
        justify="space-between"
        align="flex-start"
        wrap
        gap={16}
        style={{ marginBottom: 16 }}
      >
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            {title}
          </Typography.Title>
          {description ? (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {description}
            </Typography.Paragraph>
          ) : null}
        </div>
        {extra}
      </Flex>
    </>
  );
}

/** A page whose data is on its way: its heading (and breadcrumb) at once, a skeleton below. */
export function LoadingPage({
  title,
  breadcrumb,
  label,
}: {
  title: string;
  breadcrumb?: readonly Crumb[];
  label?: string;
}) {
  return (
    <>
      <PageHeader title={title} {...(breadcrumb ? { breadcrumb } : {})} />
      <LoadingState {...(label ? { label } : {})} />
    </>
  );
}

/** A titled block of a page (a labelled region). */
export function PageSection({
  title,
  id,
  children,
  extra,
}: {
  title: ReactNode;
  id: string;
  children?: ReactNode;
  extra?: ReactNode;
}) {
  const headingId = `${id}-title`;
  return (
    <section aria-labelledby={headingId} style={{ marginBottom: 16 }}>
      <Card
        title={
          <Typography.Title level={2} id={headingId} style={{ fontSize: 18, margin: 0 }}>
            {title}
          </Typography.Title>
        }
        extra={extra}
      >
        {children}
      </Card>
    </section>
  );
}

/**
 * The frame a portal uses when it runs standalone (inside the shell, the shell's layout frames it instead):
 * a banner with the platform and portal name, the main landmark, and a footer.
 */
export function StandaloneFrame({ portalTitle, children }: { portalTitle: string; children?: ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <span style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>职业技能评价平台</span>
        <span style={{ color: '#fff' }}>{portalTitle}</span>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        {children}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: 'rgba(0,0,0,0.7)' }}>
        福建省职业技能评价平台（泉州）
      </Layout.Footer>
    </Layout>
  );
}
