import { appBuildConfig, devRuntimeManifest, hostFederation } from '@skills/federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  ...appBuildConfig,
  plugins: [react(), devRuntimeManifest(), hostFederation('shell')],
  server: { port: 5173, strictPort: true },
});
