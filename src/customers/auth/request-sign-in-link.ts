import type { Locale } from '../../config.ts';
import type { Ctx } from '../../context.ts';
import { normaliseEmail } from '../guard.ts';
import { safeAccountNext, sendCustomerLink } from './customer-link.ts';
import { allowAttempt } from './rate-limit.ts';

/** Per address: at most 5 links per 15 minutes. Per IP address: at most 30 per hour. */
export const LINKS_PER_ADDRESS = 5;
export const LINKS_PER_IP = 30;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A pasted terms document larger than this is refused before it is stored. */
export const MAX_TERMS_CHARS = 64 * 1024;

export type RequestLinkResult =
  | { ok: true }
  | { ok: false; reason: 'email' | 'terms-too-long' | 'terms-json' | 'too-many-requests' | 'not-sent' };

/**
 * "Send me a sign-in link". Whether or not an account exists for the address, the same steps run (a link is
 * written and mailed; for an unknown address, following it creates the account) and the same answer comes back,
 * so the answer tells nobody whether an address has an account here. Limited per address and per IP address.
 */
export async function requestSignInLink(
  ctx: Ctx,
  input: { email: string; next?: string; terms?: string; ip: string; locale: Locale },
): Promise<RequestLinkResult> {
  const email = normaliseEmail(input.email);
  if (email.length > 254 || !EMAIL.test(email)) return { ok: false, reason: 'email' };
  const terms = input.terms?.trim() ?? '';
  if (terms.length > MAX_TERMS_CHARS) return { ok: false, reason: 'terms-too-long' };
  if (terms !== '' && !isJson(terms)) return { ok: false, reason: 'terms-json' };
  const allowed = await allowAttempt(ctx, [
    { kind: 'sign-in-link:address', key: email, max: LINKS_PER_ADDRESS, windowMinutes: 15 },
    { kind: 'sign-in-link:ip', key: input.ip, max: LINKS_PER_IP, windowMinutes: 60 },
  ]);
  if (!allowed) return { ok: false, reason: 'too-many-requests' };
  const sent = await sendCustomerLink(ctx, {
    purpose: 'sign-in',
    email,
    data: {
      locale: input.locale,
      next: safeAccountNext(input.next),
      ...(terms ? { terms } : {}),
    },
  });
  return sent ? { ok: true } : { ok: false, reason: 'not-sent' };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
