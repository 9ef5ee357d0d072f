// The JSON columns' shapes, parsed with zod where rows leave the database and where values enter it, so a
// malformed value fails loudly at the boundary instead of travelling on as `unknown` cast to a type.
import { z } from 'zod';
import { ScopeItemKind } from '../generated/prisma/enums.js';
import type { Prisma } from '../generated/prisma/client.js';

/** 职业技能等级 5 (五级/初级工) … 1 (一级/高级技师) */
export const skillLevel = z.literal([5, 4, 3, 2, 1]);

/** Filing.requestedScope: what a filing asks for, as checked against the catalogue. */
export const scopeValues = z.array(
  z.object({
    occupationCode: z.string(),
    kind: z.enum(ScopeItemKind),
    levels: z.array(skillLevel),
  }),
);
export type ScopeValue = z.infer<typeof scopeValues>[number];

/** Assessor.qualifications: occupation and level per qualification. */
export const qualifications = z.array(z.object({ occupationCode: z.string(), level: skillLevel }));
export type Qualification = z.infer<typeof qualifications>[number];

/** 回避关系 */
export const ConflictType = { TEACHER_OF: 'TEACHER_OF', RELATIVE_OF: 'RELATIVE_OF' } as const;

/** Assessor.conflicts: people the assessor must not assess (回避). */
export const conflicts = z.array(
  z.object({
    type: z.enum(ConflictType),
    personName: z.string(),
    personIdNumber: z.string().nullable(),
  }),
);
export type Conflict = z.infer<typeof conflicts>[number];

/** A value for a JSON column, checked against its schema on the way in. */
export const toJson = <T>(schema: z.ZodType<T>, value: T): Prisma.InputJsonValue =>
  schema.parse(value) as Prisma.InputJsonValue;
