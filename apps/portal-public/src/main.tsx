// Standalone entry (the portal's own team runs it on its own port); inside the shell only ./App is loaded.
import { fetchRuntimeManifest } from '@skills/federation';
import { configureGraphqlClient } from '@skills/graphql-client';
import { StandalonePortal } from '@skills/ui-kit';
import { createRoot } from 'react-dom/client';
import PublicPortalApp from './app/app';

async function prepare() {
  configureGraphqlClient((await fetchRuntimeManifest()).gatewayUrl);
}

createRoot(document.getElementById('root')!).render(
  <StandalonePortal title="公众服务" prepare={prepare}>
    <PublicPortalApp />
  </StandalonePortal>,
);
