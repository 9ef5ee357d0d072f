// The file an import mutation receives: its name (which says xlsx or csv) and its bytes as base64.
import { z } from 'zod';

export const importFile = z.object({
  fileName: z.string().trim().min(1, '请提供文件名').max(200, '文件名过长'),
  contentBase64: z
    .string()
    .min(1, '文件内容为空')
    .transform((s) => Buffer.from(s, 'base64')),
});
