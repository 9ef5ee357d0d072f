import type { RuntimeManifest } from '@skills/federation';
import { GraphqlProvider, useSession } from '@skills/graphql-client';
import { NotFoundState, registerReactInstance, UiProvider } from '@skills/ui-kit';
import React from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router';
import { LoginPage } from '../features/auth/login-page';
import { portalAllowed } from '../features/auth/portal-access';
import { RequirePortal } from '../features/auth/require-portal';
import { ShellLayout } from '../features/layout/shell-layout';
import { RemotePortal } from '../features/remotes/remote-portal';

registerReactInstance(React, 'shell');

export function ShellRoutes({ manifest }: { manifest: RuntimeManifest }) {
  const { account } = useSession();
  const roles = account?.roles.map((r) => r.role) ?? [];
  const visible = manifest.remotes.filter((r) => portalAllowed(r.name, roles));
  // a signed-in account starts in its own portal (the first one that is not for everyone), others at the first
  const home = visible.find((r) => r.name !== 'portal_public') ?? visible[0];
  return (
    <ShellLayout remotes={visible}>
      <Routes>
        <Route
          index
          element={home ? <Navigate to={home.path} replace /> : <NotFoundState title="尚未配置任何门户" />}
        />
        <Route path="login" element={<LoginPage />} />
        {manifest.remotes.map((r) => (
          <Route
            key={r.name}
            path={`${r.path}/*`}
            element={
              <RequirePortal remoteName={r.name} title={r.title}>
                <RemotePortal remote={r} />
              </RequirePortal>
            }
          />
        ))}
        <Route
          path="*"
          element={
            <NotFoundState
              title="页面不存在"
              message="您访问的页面不存在。"
              extra={<Link to="/">返回首页</Link>}
            />
          }
        />
      </Routes>
    </ShellLayout>
  );
}

export function ShellApp({ manifest }: { manifest: RuntimeManifest }) {
  return (
    <BrowserRouter>
      <UiProvider>
        <GraphqlProvider>
          <ShellRoutes manifest={manifest} />
        </GraphqlProvider>
      </UiProvider>
    </BrowserRouter>
  );
}
