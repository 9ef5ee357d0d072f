// Zod pieces the commands' input schemas share. The resolvers attach each command's schema with the Pothos
// validation plugin (`t.validate(args, schema)`), so a command receives trimmed, typed input; a refusal is
// BAD_USER_INPUT with the Chinese message given here and the field named.
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

/** 统一社会信用代码 as typed: trimmed, upper case (the check character is the domain's). */
export const creditCode = z.string().trim().toUpperCase();

/** 幂等键 */
export const requestKey = optionalText(100, '幂等键');

/** Requested scope: occupation or 专项 codes with levels (checked against the catalogue by the command). */
export const scopeRequest = z.array(
  z.object({
    occupationCode: z.string().trim().min(1, '请填写职业（工种）或专项职业能力考核项目编码'),
    levels: z.array(z.number().int()).default([]),
  }),
);

/**
 * What a command receives: its schema's output, with nullable fields optional — the shape Pothos gives the
 * resolver for validated arguments (at run time the schema has already turned a missing value into null).
 */
export type CommandInput<S extends z.ZodType> = {
  [K in keyof z.output<S> as null extends z.output<S>[K] ? never : K]: z.output<S>[K];
} & { [K in keyof z.output<S> as null extends z.output<S>[K] ? K : never]?: z.output<S>[K] };
