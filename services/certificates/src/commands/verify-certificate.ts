// 证书查询 (public, no sign-in): by number + holder name, or number + ID number. The answer is what a printed
// certificate shows anyway — holder name, masked ID number, occupation, level, issuer, date, status — and
// nothing else; a wrong name or ID number answers null exactly as an unknown number does, so a guess learns
// nothing about the holder. Rate-limited per client address (the gateway forwards it) before any lookup.
import { DomainError, maskIdNumber } from '@skills/domain';
import { z } from 'zod';
import type { Context } from '../context.js';
import type { Certificate } from '../generated/prisma/client.js';
import { certificateNumber, type CommandInput } from './inputs.js';

const normalName = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

export const verifyCertificateInput = z
  .object({
    number: certificateNumber,
    name: z
      .string()
      .max(50, '姓名不能超过 50 个字')
      .nullish()
      .transform((v) => (v ? normalName(v) : null)),
    idNumber: z
      .string()
      .trim()
      .toUpperCase()
      .max(18, '身份证号应为 18 位')
      .nullish()
      .transform((v) => v || null),
  })
  .refine((v) => !!v.name !== !!v.idNumber, {
    message: '请填写持证人姓名或身份证号（二选一）',
    path: ['name'],
  });
export type VerifyCertificateInput = CommandInput<typeof verifyCertificateInput>;

export interface Verification {
  certificate: Certificate;
  maskedIdNumber: string;
}

export async function verifyCertificate(
  ctx: Context,
  input: VerifyCertificateInput,
): Promise<Verification | null> {
  const client = ctx.clientAddress ?? ctx.principal.id ?? 'unknown';
  const decision = await ctx.verifyLimiter.take(client);
  if (!decision.allowed)
    throw new DomainError('RATE_LIMITED', { seconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)) });
  const c = await ctx.prisma.certificate.findUnique({ where: { number: input.number } });
  if (!c) return null;
  const matches = input.name ? normalName(c.holderName) === input.name : c.idNumber === input.idNumber;
  return matches ? { certificate: c, maskedIdNumber: maskIdNumber(c.idNumber) } : null;
}
