// 县（区）审核意见: the county HR bureau of the college's locality agrees or disagrees, with its opinion; the
// filing goes on to the city either way.
import { z } from 'zod';
import type { Context } from '../context.js';
import { type CommandInput, id, optionalText } from './inputs.js';
import { moveFiling } from './move-filing.js';

export const giveCountyOpinionInput = z.object({
  filingId: id,
  agree: z.boolean(),
  opinion: optionalText(500, '审核意见'),
});
export type GiveCountyOpinionInput = CommandInput<typeof giveCountyOpinionInput>;

export function giveCountyOpinion(ctx: Context, input: GiveCountyOpinionInput) {
  return moveFiling(ctx, {
    filingId: input.filingId,
    action: 'COUNTY_OPINION',
    reason: input.opinion,
    data: () => ({ countyOpinion: input.opinion ?? null, countyAgrees: input.agree }),
  });
}
