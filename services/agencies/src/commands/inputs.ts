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
 * 学校履职 (闽人社文〔2024〕53号 三(一)(二)), required with a first filing: 「由专门机构负责职业技能评价工作」,
 * 「完善管理制度」, and 「不得以“转包”“委托”等任何形式将技能人才评价机构交由社会第三方运营」.
 */
export const collegeDuties = z.object({
  designatedUnit: z
    .string()
    .trim()
    .min(2, '请填写负责职业技能评价工作的专门机构')
    .max(60, '专门机构名称不能超过 60 个字'),
  managementRules: z
    .string()
    .trim()
    .min(10, '请填写评价机构的管理制度（不少于 10 个字）')
    .max(2000, '管理制度不能超过 2000 个字'),
  noOutsourcing: z.literal(true, '须承诺不以“转包”“委托”等任何形式将评价机构交由社会第三方运营'),
});

/**
 * What a command receives: its schema's output, with nullable fields optional — the shape Pothos gives the
 * resolver for validated arguments (at run time the schema has already turned a missing value into null).
 */
export type CommandInput<S extends z.ZodType> = {
  [K in keyof z.output<S> as null extends z.output<S>[K] ? never : K]: z.output<S>[K];
} & { [K in keyof z.output<S> as null extends z.output<S>[K] ? K : never]?: z.output<S>[K] };
