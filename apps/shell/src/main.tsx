// The shell reads /remotes.json at run time (served next to it), configures the page's GraphQL client from it
// and registers the portals' remoteEntry.js locations, so a portal can move without rebuilding the shell.
import { fetchRuntimeManifest } from '@skills/federation';
import { configureGraphqlClient, session } from '@skills/graphql-client';
import { ErrorState, UiProvider } from '@skills/ui-kit';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ShellApp } from './app/app';
import { registerPortals } from './features/remotes/remote-registry';

const root = createRoot(document.getElementById('root')!);

try {
  const manifest = await fetchRuntimeManifest();
  configureGraphqlClient(manifest.gatewayUrl);
  // a reload in the same tab keeps the session (refresh token in sessionStorage; ADR 0007)
  void session.restore();
  registerPortals(manifest.remotes);
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
