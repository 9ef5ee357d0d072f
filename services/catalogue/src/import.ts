// Applying a catalogue file: validate every row, then write all valid rows in one transaction — or nothing,
// when the caller asks for all-or-nothing and any row is bad. Writes are diff-based upserts by natural key,
// so importing the same file twice changes nothing the second time (idempotent).
import { errorMessage } from '@skills/domain';
import type { PrismaClient } from './db.js';
import {
  checksum,
  ImportInputError,
  readRecords,
  validateRows,
  type CatalogueKind,
  type CatalogueSource,
  type MajorRow,
  type OccupationRow,
  type RowError,
  type SpecialAbilityRow,
} from './domain/import-rows.js';

export type ImportMode = 'ALL_OR_NOTHING' | 'SKIP_INVALID_ROWS';
export type ImportStatus = 'APPLIED' | 'UNCHANGED' | 'REJECTED' | 'DRY_RUN';

export interface ImportInput {
  kind: CatalogueKind;
  format: 'CSV' | 'JSON';
  content: string;
  version: string;
  /** Default source for rows that do not name one. */
  source?: CatalogueSource | null;
  mode?: ImportMode;
  dryRun?: boolean;
  importedBy?: string | null;
}

export interface ImportReport {
  status: ImportStatus;
  kind: CatalogueKind;
  version: string;
  checksum: string;
  totalRows: number;
  validRows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  importId: string | null;
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function pick<T extends object>(row: T, fields: Array<keyof T>) {
  return Object.fromEntries(fields.map((f) => [f, row[f]])) as Partial<T>;
}

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

async function applyOccupations(tx: Tx, rows: OccupationRow[], version: string): Promise<Counts> {
  const existing = new Map(
    (await tx.occupation.findMany({ where: { code: { in: rows.map((r) => r.code) } } })).map((o) => [
      o.code,
      o,
    ]),
  );
  const fields: Array<keyof OccupationRow> = [
    'name',
    'category',
    'skillType',
    'levels',
    'standard',
    'verified',
    'note',
    'pinyin',
    'pinyinInitials',
  ];
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const toCreate = [];
  for (const row of rows) {
    const old = existing.get(row.code);
    if (!old) {
      toCreate.push({ ...row, version });
      continue;
    }
    // Sources accumulate: the filable list names an occupation the 大典 already has; it does not remove 大典.
    const sources = [...new Set([...old.sources, ...row.sources])].sort();
    const next = { ...pick(row, fields), sources };
    if (
      same(pick(old as unknown as OccupationRow, fields), pick(row, fields)) &&
      same([...old.sources].sort(), sources)
    ) {
      counts.unchanged++;
      continue;
    }
    await tx.occupation.update({ where: { code: row.code }, data: { ...next, version } });
    counts.updated++;
  }
  if (toCreate.length)
    counts.created = (await tx.occupation.createMany({ data: toCreate, skipDuplicates: true })).count;
  return counts;
}

async function applySpecialAbilities(tx: Tx, rows: SpecialAbilityRow[], version: string): Promise<Counts> {
  const existing = new Map(
    (await tx.specialAbilityProject.findMany({ where: { code: { in: rows.map((r) => r.code) } } })).map(
      (o) => [o.code, o],
    ),
  );
  const fields: Array<keyof SpecialAbilityRow> = [
    'name',
    'industry',
    'regionCode',
    'description',
    'sources',
    'verified',
    'note',
    'pinyin',
    'pinyinInitials',
  ];
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const toCreate = [];
  for (const row of rows) {
    const old = existing.get(row.code);
    if (!old) toCreate.push({ ...row, version });
    else if (same(pick(old as unknown as SpecialAbilityRow, fields), pick(row, fields))) counts.unchanged++;
    else {
      await tx.specialAbilityProject.update({
        where: { code: row.code },
        data: { ...pick(row, fields), version },
      });
      counts.updated++;
    }
  }
  if (toCreate.length)
    counts.created = (
      await tx.specialAbilityProject.createMany({ data: toCreate, skipDuplicates: true })
    ).count;
  return counts;
}

async function applyMajors(tx: Tx, rows: MajorRow[], version: string): Promise<Counts> {
  const existing = new Map(
    (
      await tx.major.findMany({
        where: { code: { in: rows.map((r) => r.code) } },
        include: { occupations: true },
      })
    ).map((m) => [m.code, m]),
  );
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  for (const row of rows) {
    const old = existing.get(row.code);
    const data = {
      name: row.name,
      educationLevel: row.educationLevel,
      verified: row.verified,
      note: row.note,
    };
    const links = [...row.occupationCodes].sort();
    if (old) {
      const oldLinks = old.occupations.map((l) => l.occupationCode).sort();
      if (same(pick(old, ['name', 'educationLevel', 'verified', 'note']), data) && same(oldLinks, links)) {
        counts.unchanged++;
        continue;
      }
      await tx.major.update({ where: { code: row.code }, data: { ...data, version } });
      await tx.majorOccupation.deleteMany({ where: { majorCode: row.code } });
      counts.updated++;
    } else {
      await tx.major.create({ data: { code: row.code, ...data, version } });
      counts.created++;
    }
    await tx.majorOccupation.createMany({
      data: links.map((occupationCode) => ({ majorCode: row.code, occupationCode })),
    });
  }
  return counts;
}

/** Rows of a majors file may only name occupations the catalogue has. */
async function checkMajorReferences(prisma: PrismaClient, rows: Array<{ row: number; value: MajorRow }>) {
  const wanted = [...new Set(rows.flatMap((r) => r.value.occupationCodes))];
  const known = new Set(
    (await prisma.occupation.findMany({ where: { code: { in: wanted } }, select: { code: true } })).map(
      (o) => o.code,
    ),
  );
  const errors: RowError[] = [];
  const ok = rows.filter((r) => {
    const missing = r.value.occupationCodes.filter((c) => !known.has(c));
    for (const code of missing) {
      errors.push({
        row: r.row,
        key: r.value.code,
        field: 'occupations',
        errorCode: 'OCCUPATION_NOT_FOUND',
        message: `occupations：${errorMessage('OCCUPATION_NOT_FOUND', { code })}`,
      });
    }
    return missing.length === 0;
  });
  return { ok, errors };
}

export async function importCatalogue(prisma: PrismaClient, input: ImportInput): Promise<ImportReport> {
  const version = input.version.trim();
  if (!/^[\w.\-—年版（）() ]{1,40}$/u.test(version)) {
    throw new ImportInputError('BAD_USER_INPUT', '版本号应为 1-40 个字符（字母、数字、“-”“.”或“年版”等）');
  }
  const mode = input.mode ?? 'ALL_OR_NOTHING';
  const records = readRecords(input.format, input.content);
  const parsed = validateRows(input.kind, records, input.source ?? null);
  let rows = parsed.rows;
  const errors = [...parsed.errors];
  if (input.kind === 'MAJORS') {
    const checked = await checkMajorReferences(prisma, rows as Array<{ row: number; value: MajorRow }>);
    rows = checked.ok as typeof rows;
    errors.push(...checked.errors);
  }
  errors.sort((a, b) => a.row - b.row);
  const report: ImportReport = {
    status: 'REJECTED',
    kind: input.kind,
    version,
    checksum: checksum(input.content),
    totalRows: records.length,
    validRows: rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    errors,
    importId: null,
  };
  if ((errors.length && mode === 'ALL_OR_NOTHING') || rows.length === 0) return report;
  if (input.dryRun) return { ...report, status: 'DRY_RUN' };

  return prisma.$transaction(
    async (tx) => {
      const values = rows.map((r) => r.value);
      const counts =
        input.kind === 'OCCUPATIONS'
          ? await applyOccupations(tx, values as OccupationRow[], version)
          : input.kind === 'SPECIAL_ABILITIES'
            ? await applySpecialAbilities(tx, values as SpecialAbilityRow[], version)
            : await applyMajors(tx, values as MajorRow[], version);
      const changed = counts.created + counts.updated > 0;
      let importId: string | null = null;
      if (changed) {
        const rec = await tx.catalogueImport.create({
          data: {
            kind: input.kind,
            source: input.source ?? 'MIXED',
            version,
            checksum: report.checksum,
            rowCount: records.length,
            ...counts,
            importedBy: input.importedBy ?? null,
          },
        });
        importId = rec.id;
      }
      return {
        ...report,
        ...counts,
        status: changed ? 'APPLIED' : 'UNCHANGED',
        importId,
      } satisfies ImportReport;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
