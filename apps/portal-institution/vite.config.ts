import { appBuildConfig, devRuntimeManifest, remoteFederation } from '@skills/federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  ...appBuildConfig,
  plugins: [react(), devRuntimeManifest(), remoteFederation('portal_institution', './src/app/app.tsx')],
  server: { port: 5176, strictPort: true },
});
