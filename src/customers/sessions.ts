import type { FastifyReply, FastifyRequest } from 'fastify';
import { isoNow } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Ctx } from '../context.ts';
import { hashToken, newToken } from '../staff/tokens.ts';
import { cookieSpec } from '../web/cookies.ts';

/** Customers stay signed in for 30 days on a device, unless they sign out (here or everywhere). */
const SESSION_DAYS = 30;
export const CUSTOMER_COOKIE = 'tb_customer';
const LAST_SEEN_STEP_MS = 5 * 60_000;

export type SessionCustomer = {
  id: string;
  email: string;
  name: string | null;
  locale: string;
  householdId: string | null;
};

/** Starts a new session (a fresh id at every sign-in) and returns the cookie value. */
export async function createCustomerSession(
  ctx: Ctx,
  customerId: string,
  method: 'magic-link' | 'passkey',
  userAgent: string,
): Promise<string> {
  const token = newToken();
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('customer_sessions')
    .values({
      id_hash: hashToken(token),
      customer_id: customerId,
      method,
      created_at: isoNow(ctx.clock),
      last_seen_at: isoNow(ctx.clock),
      expires_at: new Date(now.add({ hours: SESSION_DAYS * 24 }).epochMilliseconds).toISOString(),
      user_agent: userAgent.slice(0, 200),
    })
    .execute();
  return token;
}

/** The customer behind a session cookie, or null when it is unknown or expired. */
export async function loadCustomerSession(ctx: Ctx, token: string): Promise<SessionCustomer | null> {
  const row = await ctx.db
    .selectFrom('customer_sessions')
    .innerJoin('customers', 'customers.id', 'customer_sessions.customer_id')
    .select([
      'customers.id',
      'customers.email',
      'customers.name',
      'customers.locale',
      'customers.household_id',
      'customer_sessions.expires_at',
      'customer_sessions.last_seen_at',
    ])
    .where('customer_sessions.id_hash', '=', hashToken(token))
    .executeTakeFirst();
  const now = isoNow(ctx.clock);
  if (!row || row.expires_at <= now) return null;
  // "last seen" for the customer's list of sessions, written at most every few minutes per session
  const touchBefore = new Date(ctx.clock.now().epochMilliseconds - LAST_SEEN_STEP_MS).toISOString();
  if (row.last_seen_at < touchBefore) {
    await ctx.db
      .updateTable('customer_sessions')
      .set({ last_seen_at: now })
      .where('id_hash', '=', hashToken(token))
      .execute();
  }
  return { id: row.id, email: row.email, name: row.name, locale: row.locale, householdId: row.household_id };
}

export async function endCustomerSession(ctx: Ctx, token: string): Promise<void> {
  await ctx.db.deleteFrom('customer_sessions').where('id_hash', '=', hashToken(token)).execute();
}

/** "Log out everywhere", and part of deleting the account. */
export async function endAllCustomerSessions(ctx: Ctx, customerId: string): Promise<void> {
  await ctx.db.deleteFrom('customer_sessions').where('customer_id', '=', customerId).execute();
}

/** The customer session cookie: `__Host-tb_customer` over HTTPS, HttpOnly, SameSite=Lax. */
export function setCustomerCookie(reply: FastifyReply, config: Config, token: string): void {
  const spec = cookieSpec(config, CUSTOMER_COOKIE, SESSION_DAYS * 24 * 3600);
  reply.setCookie(spec.name, token, spec.options);
}

export function clearCustomerCookie(reply: FastifyReply, config: Config): void {
  const spec = cookieSpec(config, CUSTOMER_COOKIE);
  reply.clearCookie(spec.name, spec.options);
}

export function customerToken(request: FastifyRequest, config: Config): string | undefined {
  return request.cookies[cookieSpec(config, CUSTOMER_COOKIE).name];
}
