// 职业院校名录导入: a city or provincial bureau (HR or education) imports the roster of vocational colleges and
// their majors from an xlsx or csv file — all or nothing: any row in error refuses the whole file, listing each
// row's errors in Chinese (IMPORT_ROWS_INVALID, details). Rows are matched on the credit code: new colleges are
// added, known ones updated; the import is audited with its counts.
import { DomainError, Role } from '@skills/domain';
import { principalCan } from '@skills/service-kit';
import { z } from 'zod';
import type { Context } from '../context.js';
import { checkRoster } from '../domain/roster.js';
import { readRosterFile } from '../roster-file.js';
import { type CommandInput } from './inputs.js';
import { forbidden } from './support.js';

/** Who keeps the roster: the bureaus of a city or the province, within their region. */
export const ROSTER_KEEPERS: readonly Role[] = [
  Role.CITY_HR,
  Role.CITY_EDU,
  Role.PROVINCE_HR,
  Role.PROVINCE_EDU,
];

export const importInstitutionsInput = z.object({
  format: z.enum(['XLSX', 'CSV']),
  /** the file, base64 */
  file: z
    .string()
    .min(1, '请选择要导入的文件')
    .max(8_000_000, '文件不能超过 6 MB')
    .transform((b64) => Buffer.from(b64, 'base64')),
});
export type ImportInstitutionsInput = CommandInput<typeof importInstitutionsInput>;

export async function importInstitutions(ctx: Context, input: ImportInstitutionsInput) {
  if (!ctx.principal.grants.some((g) => ROSTER_KEEPERS.includes(g.role))) throw forbidden();
  const cells = await readRosterFile(input.file, input.format);
  const { rows, errors } = checkRoster(cells, (regionCode) =>
    principalCan(ctx.principal, ROSTER_KEEPERS, { regionCode }),
  );
  if (errors.length) throw new DomainError('IMPORT_ROWS_INVALID', {}, errors);
  return ctx.prisma.$transaction(async (tx) => {
    const known = new Set(
      (
        await tx.institution.findMany({
          where: { creditCode: { in: rows.map((r) => r.creditCode) } },
          select: { creditCode: true },
        })
      ).map((i) => i.creditCode),
    );
    for (const r of rows) {
      const data = { name: r.name, schoolType: r.schoolType, regionCode: r.regionCode, majors: r.majors };
      await tx.institution.upsert({
        where: { creditCode: r.creditCode },
        create: { creditCode: r.creditCode, ...data },
        update: { ...data, demo: false },
      });
    }
    const result = {
      added: rows.filter((r) => !known.has(r.creditCode)).length,
      updated: 0,
      total: rows.length,
    };
    result.updated = result.total - result.added;
    await tx.auditLog.create({
      data: {
        actorId: ctx.principal.id,
        action: 'roster.institutions.import',
        subject: input.format,
        reason: `导入 ${result.total} 所（新增 ${result.added}，更新 ${result.updated}）`,
      },
    });
    return result;
  });
}
