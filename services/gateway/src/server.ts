import { onShutdown } from '@skills/service-kit';
import { fileURLToPath } from 'node:url';
import { readConfig } from './config.js';
import { startGateway } from './gateway.js';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const gateway = await startGateway({ config: readConfig() });
  onShutdown(gateway.log, gateway.close);
}
