// The shell reads /remotes.json at run time (served next to it), configures the page's GraphQL client from it
// and registers the portals' remoteEntry.js locations, so a portal can move without rebuilding the shell.
import { fetchRuntimeManifest } from '@skills/federation';
import { configureGraphqlClient, session } from '@skills/graphql-client';
import { ErrorState, UiProvider } from '@skills/ui-kit';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ShellApp } from './app/app';
import { loadPortalApp, registerPortals } from './features/remotes/remote-registry';

const root = createRoot(document.getElementById('root')!);

try {
  const manifest = await fetchRuntimeManifest();
  configureGraphqlClient(manifest.gatewayUrl);
  // a new tab, a pasted link or a reload starts signed in (the browser's session; ADR 0010)
  void session.restore();
  registerPortals(manifest.remotes);
  // the portal the URL is in starts loading now, alongside the session's refresh, rather than after it
  const { pathname } = location;
  const current = manifest.remotes.find((r) => pathname === r.path || pathname.startsWith(`${r.path}/`));
  if (current) loadPortalApp(current).catch(() => undefined);
  root.render(
    <StrictMode>
      <ShellApp manifest={manifest} />
    </StrictMode>,
  );
} catch (e) {
  root.render(
    <UiProvider>
      <main>
        <ErrorState
          title="平台启动失败"
          message={e instanceof Error ? e.message : String(e)}
          onRetry={() => location.reload()}
        />
      </main>
    </UiProvider>,
  );
}
