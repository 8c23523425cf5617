import type { Ctx } from '../context.ts';
import { clientKey, countAttempt, type RateRule, withinLimits } from '../customers/auth/rate-limit.ts';
import type { CodeRefusal } from './rules.ts';

/** Unknown codes one client (an IPv4 address, an IPv6 /64) may type per hour before codes are no longer looked up. */
export const UNKNOWN_CODES_PER_HOUR = 20;

function rule(ip: string): RateRule {
  return { kind: 'unknown-code', key: clientKey(ip), max: UNKNOWN_CODES_PER_HOUR, windowMinutes: 60 };
}

/**
 * The refusal for a client that typed too many unknown codes in the last hour; null when its codes may be looked
 * up, or when nothing was typed. Codes are random, but nothing should let anyone try them by the thousand: only
 * unknown codes count, so a customer who mistypes a real code a few times, or uses codes daily, is never stopped.
 * The tally lives in the database, so every process of the shop shares it.
 */
export async function tooManyCodeGuesses(ctx: Ctx, ip: string, typed: string): Promise<CodeRefusal | null> {
  if (typed.trim() === '') return null;
  return (await withinLimits(ctx, [rule(ip)])) ? null : { code: '', problem: 'too-many-tries' };
}

/** Counts a refused code against the client when the code does not exist. */
export async function countUnknownCode(
  ctx: Ctx,
  ip: string,
  refusal: CodeRefusal | null | undefined,
): Promise<void> {
  if (refusal?.problem === 'unknown') await countAttempt(ctx, [rule(ip)]);
}
