// Shapes of the JSON columns, parsed with zod when read and written.
import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.js';

export const ConflictType = { TEACHER_OF: 'TEACHER_OF', RELATIVE_OF: 'RELATIVE_OF' } as const;

/** 回避: the people a session's assessor teaches or is related to */
export const conflicts = z.array(z.object({ type: z.enum(ConflictType), personIdNumber: z.string() }));
export type Conflict = z.infer<typeof conflicts>[number];

/** 已取得的证书 */
export const priorCertificates = z.array(
  z.object({
    occupationCode: z.string(),
    level: z.number().int().min(1).max(5),
    year: z.number().int().nullish(),
  }),
);
export type PriorCertificate = z.infer<typeof priorCertificates>[number];

export const toJson = <S extends z.ZodType>(schema: S, value: z.input<S>) =>
  schema.parse(value) as unknown as Prisma.InputJsonValue;
