// 打印证书 (PDF): A4 landscape with the QR code of the public verification page (ADR 0017). A revoked certificate
// is not printed again (CERTIFICATE_REVOKED); its verification page says so.
import { chinaDay, DomainError } from '@skills/domain';
import { renderCertificatePdf } from '@skills/documents';
import { z } from 'zod';
import type { Context } from '../context.js';
import { certificateFactsOf, verifyUrl } from '../credentials.js';
import { downloadableCertificate } from './certificate-documents.js';
import { certificateNumber, type CommandInput } from './inputs.js';

export const printCertificateInput = z.object({ number: certificateNumber });
export type PrintCertificateInput = CommandInput<typeof printCertificateInput>;

export interface PrintedCertificate {
  fileName: string;
  contentType: string;
  base64: string;
}

export async function printCertificate(
  ctx: Context,
  input: PrintCertificateInput,
): Promise<PrintedCertificate> {
  const c = await downloadableCertificate(ctx, input.number);
  if (c.status === 'REVOKED') {
    const d = chinaDay(c.revokedAt ?? new Date());
    throw new DomainError('CERTIFICATE_REVOKED', {
      number: c.number,
      date: `${d.year}年${d.month}月${d.day}日`,
    });
  }
  const facts = await certificateFactsOf(c, c.issuer, ctx.config, ctx.names);
  const pdf = await renderCertificatePdf(facts, { verifyUrl: verifyUrl(ctx.config, c.number) });
  return {
    fileName: `证书-${c.number}.pdf`,
    contentType: 'application/pdf',
    base64: Buffer.from(pdf).toString('base64'),
  };
}
