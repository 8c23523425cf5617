import type { Ctx } from '../../context.ts';
import {
  allowAttempt,
  clientKey,
  countAttempt,
  type RateRule,
  withinLimits,
} from '../../customers/auth/rate-limit.ts';

/** Both limits count per client (an IPv4 address or an IPv6 /64) over the same window; a 429 says to wait this long. */
export const UNSUBSCRIBE_WINDOW_MINUTES = 15;
/**
 * Links that match no token, per client and window. Real links always match (a repeat is harmless), so only
 * someone guessing or a broken link gets here; after this many even good links wait.
 */
export const UNSUBSCRIBE_MISSES = 10;
/**
 * Requests of any kind, per client and window: generous, because one-click POSTs (RFC 8058) come from a mail
 * provider's few servers for all of its users, and a refused one leaves someone subscribed.
 */
export const UNSUBSCRIBE_REQUESTS = 300;

const rules = (ip: string) => {
  const key = clientKey(ip);
  const rule = (kind: string, max: number): RateRule => ({
    kind,
    key,
    max,
    windowMinutes: UNSUBSCRIBE_WINDOW_MINUTES,
  });
  return {
    misses: rule('unsubscribe:miss', UNSUBSCRIBE_MISSES),
    requests: rule('unsubscribe', UNSUBSCRIBE_REQUESTS),
  };
};

/**
 * Whether this client may use an unsubscribe link now (GET or POST of /u/:token); counts the request. Checked
 * before the token is looked up, so a client over its limit learns nothing about any token.
 */
export async function allowUnsubscribeRequest(ctx: Ctx, ip: string): Promise<boolean> {
  const { misses, requests } = rules(ip);
  if (!(await withinLimits(ctx, [misses]))) return false;
  return allowAttempt(ctx, [requests]);
}

/** Counts a link that matched no token against the client. */
export async function countUnsubscribeMiss(ctx: Ctx, ip: string): Promise<void> {
  await countAttempt(ctx, [rules(ip).misses]);
}
