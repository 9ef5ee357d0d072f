import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PrismaClient } from './db.js';
import type { CatalogueKind, CatalogueSource } from './domain/import-rows.js';
import { importCatalogue, type ImportReport } from './import.js';

export const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

interface ManifestEntry {
  file: string;
  kind: CatalogueKind;
  format: 'CSV' | 'JSON';
  version: string;
  source: CatalogueSource | null;
}

/** Imports the shipped catalogue files (idempotent: unchanged rows are not written). */
export async function importShippedCatalogue(
  prisma: PrismaClient,
  importedBy = 'seed',
): Promise<ImportReport[]> {
  const manifest = JSON.parse(readFileSync(`${DATA_DIR}manifest.json`, 'utf8')) as { files: ManifestEntry[] };
  const reports: ImportReport[] = [];
  for (const f of manifest.files) {
    const report = await importCatalogue(prisma, {
      kind: f.kind,
      format: f.format,
      content: readFileSync(`${DATA_DIR}${f.file}`, 'utf8'),
      version: f.version,
      source: f.source,
      mode: 'ALL_OR_NOTHING',
      importedBy,
    });
    if (report.status === 'REJECTED') {
      throw new Error(
        `shipped file ${f.file} has invalid rows:\n${report.errors.map((e) => `  row ${e.row}: ${e.message}`).join('\n')}`,
      );
    }
    reports.push(report);
  }
  return reports;
}

/** First start: an empty catalogue gets the shipped files. */
export async function seedIfEmpty(prisma: PrismaClient): Promise<ImportReport[] | null> {
  if ((await prisma.occupation.count()) > 0) return null;
  return importShippedCatalogue(prisma);
}
