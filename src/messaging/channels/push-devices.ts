import type { Ctx } from '../../context.ts';
import { vapidDetails } from './vapid-details.ts';

/** A subscribed browser as the customer sees it on /account/notifications. */
export type PushDevice = { id: string; userAgent: string; createdAt: string; lastSentAt: string | null };

/** The customer's subscribed browsers, newest first. */
export async function listPushDevices(ctx: Ctx, customerId: string): Promise<PushDevice[]> {
  const rows = await ctx.db
    .selectFrom('push_subscriptions')
    .select(['id', 'user_agent', 'created_at', 'last_sent_at'])
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userAgent: r.user_agent,
    createdAt: r.created_at,
    lastSentAt: r.last_sent_at,
  }));
}

/** Whether push can reach the customer at all: push is on (VAPID keys) and they subscribed a browser. */
export async function hasPushSubscription(ctx: Ctx, customerId: string): Promise<boolean> {
  if (!vapidDetails(ctx.config)) return false;
  const row = await ctx.db
    .selectFrom('push_subscriptions')
    .select('id')
    .where('customer_id', '=', customerId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** SQLite allows 32,766 bound parameters per statement; this stays far below on both databases. */
const CHUNK = 1000;

/** The batch form of `hasPushSubscription`, for the gateway deciding many messages at once. */
export async function customersWithPush(ctx: Ctx, customerIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  if (!vapidDetails(ctx.config)) return found;
  const unique = [...new Set(customerIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await ctx.db
      .selectFrom('push_subscriptions')
      .select('customer_id')
      .distinct()
      .where('customer_id', 'in', unique.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) found.add(r.customer_id);
  }
  return found;
}
