// Zod pieces the commands' input schemas share (attached with the Pothos validation plugin: a refusal is
// BAD_USER_INPUT with the Chinese message given here and the field named).
import { parseCertificateNumber } from '@skills/domain';
import { z } from 'zod';

/** A GraphQL ID argument (Pothos passes string or number). */
export const id = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

/** Free text that may be left out: trimmed, and blank counts as not given (null). */
export const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what}不能超过 ${max} 个字`)
    .nullish()
    .transform((v) => v || null);

/** 幂等键 */
export const requestKey = optionalText(100, '幂等键');

/** 理由 (required) */
export const reason = z.string().trim().min(2, '请填写理由').max(500, '理由不能超过 500 个字');

/**
 * 证书编号 of a row the caller acts on: trimmed, upper case. Its shape is not refused here — the validation plugin
 * runs before the role check, and a caller without the role must be told that first; a malformed number simply
 * finds no certificate (NOT_FOUND).
 */
export const certificateKey = z.string().trim().toUpperCase().max(40, '证书编号不正确，请核对');

/** 证书编号 typed by the public: our shape and check character, or a Chinese refusal */
export const certificateNumber = z
  .string()
  .trim()
  .toUpperCase()
  .refine((s) => parseCertificateNumber(s) !== null, '证书编号不正确，请核对');

/**
 * What a command receives: its schema's output, with nullable fields optional — the shape Pothos gives the
 * resolver for validated arguments (at run time the schema has already turned a missing value into null).
 */
export type CommandInput<S extends z.ZodType> = {
  [K in keyof z.output<S> as null extends z.output<S>[K] ? never : K]: z.output<S>[K];
} & { [K in keyof z.output<S> as null extends z.output<S>[K] ? K : never]?: z.output<S>[K] };
