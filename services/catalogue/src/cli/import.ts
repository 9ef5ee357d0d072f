// Catalogue import from the command line (for bureaus loading official lists, and for operators):
//   pnpm --filter @skills/catalogue import                       the shipped files (data/manifest.json)
//   pnpm --filter @skills/catalogue import <file> --kind OCCUPATIONS --version 2024 [--source FILABLE_LIST]
//        [--mode SKIP_INVALID_ROWS] [--dry-run]
// Uses DATABASE_URL, or the service's PGlite data dir (stop the running service first: PGlite is single-process).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { applyMigrations, openDatabase } from '@skills/service-kit';
import { readConfig } from '../config.js';
import { createPrisma } from '../db.js';
import {
  CatalogueKinds,
  CatalogueSources,
  type CatalogueKind,
  type CatalogueSource,
} from '../domain/import-rows.js';
import { importCatalogue, type ImportReport } from '../import.js';
import { importShippedCatalogue } from '../seed.js';
import { migrationPaths } from '../server.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    kind: { type: 'string' },
    version: { type: 'string' },
    source: { type: 'string' },
    mode: { type: 'string', default: 'ALL_OR_NOTHING' },
    'dry-run': { type: 'boolean', default: false },
  },
});

function print(r: ImportReport) {
  console.log(
    `${r.kind} v${r.version}: ${r.status} — rows ${r.totalRows}, created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}`,
  );
  for (const e of r.errors) console.log(`  第 ${e.row} 行${e.key ? `（${e.key}）` : ''}：${e.message}`);
}

const config = readConfig();
const db = await openDatabase({
  service: 'catalogue',
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
});
const prisma = createPrisma(db.url, db.schema);
let failed = false;
try {
  await applyMigrations(migrationPaths, db);
  if (positionals.length === 0) {
    (await importShippedCatalogue(prisma, 'cli')).forEach(print);
  } else {
    const kind = values.kind as CatalogueKind;
    if (!CatalogueKinds.includes(kind)) throw new Error(`--kind must be one of ${CatalogueKinds.join(', ')}`);
    if (!values.version) throw new Error('--version is required');
    if (values.source && !CatalogueSources.includes(values.source as CatalogueSource)) {
      throw new Error(`--source must be one of ${CatalogueSources.join(', ')}`);
    }
    for (const file of positionals) {
      const report = await importCatalogue(prisma, {
        kind,
        format: file.toLowerCase().endsWith('.json') ? 'JSON' : 'CSV',
        content: readFileSync(file, 'utf8'),
        version: values.version,
        source: (values.source as CatalogueSource | undefined) ?? null,
        mode: values.mode === 'SKIP_INVALID_ROWS' ? 'SKIP_INVALID_ROWS' : 'ALL_OR_NOTHING',
        dryRun: values['dry-run'],
        importedBy: 'cli',
      });
      print(report);
      failed ||= report.status === 'REJECTED';
    }
  }
} finally {
  await prisma.$disconnect();
  await db.close();
}
process.exitCode = failed ? 1 : 0;
