import type { Locale } from '../../config.ts';
import type { Ctx } from '../../context.ts';
import { sendMessage } from '../../messaging/send-message.ts';
import { hashToken, newToken } from '../../staff/tokens.ts';

/** A magic link works once, for this long. */
export const LINK_MINUTES = 15;

export type LinkPurpose = 'sign-in' | 'keep-appliance';

/** What a sign-in or "keep my appliance" link carries to the moment it is followed (stored as data_json). */
export type LinkData = {
  /** The page language when the link was asked for: a new account gets it. */
  locale: Locale;
  /** Where to go afterwards: a local /account… or / path (see safeAccountNext). */
  next?: string;
  /** A customer terms document pasted at sign-up, applied only when the link creates the account. */
  terms?: string;
  /** 'keep-appliance': the order whose appliances are kept. */
  orderId?: string;
  orderNumber?: string;
};

/**
 * Writes a single-use link (only the token's hash is stored) and mails it, transactional, keyed on the link so
 * a retry never sends a second mail. Known and unknown addresses go through exactly the same steps: a link to
 * an unknown address creates the account when it is followed. False when the mail could not be handed to the
 * mail server; the link is then withdrawn.
 */
export async function sendCustomerLink(
  ctx: Ctx,
  input: { purpose: LinkPurpose; email: string; data: LinkData },
): Promise<boolean> {
  const token = newToken();
  const tokenHash = hashToken(token);
  const now = ctx.clock.now();
  const customer = await ctx.db
    .selectFrom('customers')
    .select('id')
    .where('email', '=', input.email)
    .executeTakeFirst();
  await ctx.db
    .insertInto('customer_links')
    .values({
      token_hash: tokenHash,
      purpose: input.purpose,
      email: input.email,
      customer_id: customer?.id ?? null,
      data_json: JSON.stringify(input.data),
      expires_at: new Date(now.add({ minutes: LINK_MINUTES }).epochMilliseconds).toISOString(),
      used_at: null,
      created_at: new Date(now.epochMilliseconds).toISOString(),
    })
    .execute();
  try {
    await mailLink(ctx, input, token, tokenHash);
    return true;
  } catch {
    // the mail server refused or could not be reached: nobody saw this link, so it is withdrawn
    await ctx.db
      .updateTable('customer_links')
      .set({ used_at: new Date(ctx.clock.now().epochMilliseconds).toISOString() })
      .where('token_hash', '=', tokenHash)
      .execute();
    return false;
  }
}

async function mailLink(
  ctx: Ctx,
  input: { purpose: LinkPurpose; email: string; data: LinkData },
  token: string,
  tokenHash: string,
): Promise<void> {
  await sendMessage(ctx, {
    to: input.email,
    locale: input.data.locale,
    template: 'sign-in-link',
    topic: 'transactional',
    idempotencyKey: `customer-link:${tokenHash}`,
    data: {
      url: `${ctx.config.publicUrl}/account/sign-in/${token}`,
      purpose: input.purpose,
      minutes: LINK_MINUTES,
      orderNumber: input.data.orderNumber ?? null,
    },
  });
}

/** Where to go after signing in: only local paths under /account, or the home page; anything else is /account. */
export function safeAccountNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 500) return '/account';
  if (next === '/' || /^\/account(?:[/?#]|$)/.test(next)) {
    if (next.includes('//') || next.includes('\\') || !/^[\x21-\x7e]+$/.test(next)) return '/account';
    return next;
  }
  return '/account';
}
