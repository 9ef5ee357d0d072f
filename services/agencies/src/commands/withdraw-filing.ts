// 撤回: the college withdraws a filing that has not been decided, with a reason.
import { z } from 'zod';
import type { Context } from '../context.js';
import { type CommandInput, id, optionalText } from './inputs.js';
import { moveFiling } from './move-filing.js';

export const withdrawFilingInput = z.object({ filingId: id, reason: optionalText(500, '撤回理由') });
export type WithdrawFilingInput = CommandInput<typeof withdrawFilingInput>;

export function withdrawFiling(ctx: Context, input: WithdrawFilingInput) {
  return moveFiling(ctx, { filingId: input.filingId, action: 'WITHDRAW', reason: input.reason });
}
