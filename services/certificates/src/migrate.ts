// The migration Job's entry (deploy/ runs it before the release's pods start): applies this service's pending
// migrations to its schema, then exits. The service itself runs with MIGRATE_ON_START=false there.
import { migrationPathsOf, runMigrationJob } from '@skills/service-kit';

await runMigrationJob('certificates', migrationPathsOf(new URL('../', import.meta.url)));
// Done: do not wait for the schema engine's idle pooled connection to time out (10 s) before the Job completes.
process.exit(0);
