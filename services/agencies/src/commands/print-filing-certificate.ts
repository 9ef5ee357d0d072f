// 备案证明: a printable PDF that an agency is filed — for the college to show, and for the bureau's file. Only a
// filed agency within its period has one; the bureaus of its region and its own college may print it. The scope
// is printed by name (asked from the catalogue through the graph), the dates in China time.
import {
  AGENCY_KIND_NAMES,
  chinaDate,
  chinaDay,
  cityLevelOf,
  DomainError,
  findRegion,
  regionFullName,
  skillLevelLabel,
  type SkillLevel,
} from '@skills/domain';
import { renderPdf } from '@skills/documents';
import { z } from 'zod';
import { agencyVisibility } from '../access-scope.js';
import type { Context } from '../context.js';
import { effectiveStatus } from '../domain/workflow.js';
import { type CommandInput, id } from './inputs.js';
import { forbidden } from './support.js';

export const printFilingCertificateInput = z.object({ agencyId: id });
export type PrintFilingCertificateInput = CommandInput<typeof printFilingCertificateInput>;

export interface PrintedFile {
  fileName: string;
  contentType: string;
  base64: string;
}

/** 2026-11-29 → 2026年11月29日 */
const chineseDate = (d: Date) => {
  const { year, month, day } = chinaDay(d);
  return `${year}年${month}月${day}日`;
};

/** The city-level HR bureau that decided the filing (平潭综合实验区 is city-level itself). */
function decidingBureau(regionCode: string): string {
  return `${findRegion(cityLevelOf(regionCode))?.name ?? ''}人力资源和社会保障局`;
}

export async function printFilingCertificate(
  ctx: Context,
  input: PrintFilingCertificateInput,
  now = new Date(),
): Promise<PrintedFile> {
  const agency = await ctx.prisma.agency.findUnique({
    where: { id: input.agencyId },
    include: { institution: true, scope: { orderBy: { occupationCode: 'asc' } } },
  });
  if (!agency) throw new DomainError('NOT_FOUND');
  if (!agencyVisibility(ctx.principal).recordsVisible(agency)) throw forbidden();
  // the same reading of 'filed' as the public list: a lapsed period is not filed, even before the sweep
  if (
    effectiveStatus(agency, now) !== 'FILED' ||
    !agency.validFrom ||
    !agency.validUntil ||
    !agency.filingNumber
  ) {
    throw new DomainError('AGENCY_NOT_FILED');
  }
  const names = await ctx.catalogue.lookup(agency.scope.map((s) => s.occupationCode));
  const scope = agency.scope.map((s) => {
    const name = names.get(s.occupationCode)?.name ?? '（目录中未找到）';
    const levels = s.levels.length
      ? s.levels.map((l) => skillLevelLabel(l as SkillLevel)).join('、')
      : '专项职业能力';
    return `${name}（${s.occupationCode}）：${levels}`;
  });
  const bytes = await renderPdf({
    title: '职业技能评价机构备案证明',
    subtitle: `备案编号 ${agency.filingNumber}`,
    fields: [
      { label: '机构名称', value: agency.name },
      { label: '机构类型', value: AGENCY_KIND_NAMES[agency.kind] },
      { label: '所属院校', value: agency.institution.name },
      { label: '统一社会信用代码', value: agency.institution.creditCode },
      { label: '所在地区', value: regionFullName(agency.regionCode) ?? agency.regionCode },
      { label: '备案范围', value: scope.join('\n') },
      { label: '有效期', value: `${chineseDate(agency.validFrom)} 至 ${chineseDate(agency.validUntil)}` },
      ...(agency.address ? [{ label: '联系地址', value: agency.address }] : []),
      ...(agency.contactPhone ? [{ label: '咨询电话', value: agency.contactPhone }] : []),
    ],
    paragraphs: [
      '该机构已按照《福建省人力资源和社会保障厅 福建省教育厅关于推动职业院校职业技能评价工作的通知》（闽人社文〔2024〕53号）完成备案，可在上述备案范围和有效期内开展职业技能评价工作，接受人力资源社会保障部门和教育部门的监督管理。',
    ],
    signature: [decidingBureau(agency.regionCode), chineseDate(agency.validFrom)],
    footer: `本证明由职业技能评价平台于 ${chinaDate(now)} 生成。机构备案状态以评价机构名录公示为准。`,
    author: decidingBureau(agency.regionCode),
    subject: `${agency.name} 备案证明`,
    createdAt: now,
  });
  return {
    fileName: `备案证明-${agency.filingNumber}.pdf`,
    contentType: 'application/pdf',
    base64: Buffer.from(bytes).toString('base64'),
  };
}
