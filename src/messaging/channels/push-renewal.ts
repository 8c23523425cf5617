import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Ctx } from '../../context.ts';
import { type PushSubscriptionInput, subscriptionProblem } from './save-push-subscription.ts';

export type RenewPushResult =
  | { ok: true; renewal: string }
  | { ok: false; reason: 'refused' | 'invalid-endpoint' | 'invalid-keys' };

/**
 * The renewal token a browser keeps beside its subscription: an HMAC-SHA-256 with the session secret over the
 * subscription's row, its customer and its endpoint (256 bits, base64url). It proves, without a session, that
 * whoever replaces the subscription is the browser the shop gave it to. It stops working when the endpoint
 * changes (a renewal hands out a new one), when the device moves to another account and when the row is
 * deleted (turned off on the page, gone at the push service, or the account erased).
 */
export function pushRenewalToken(
  secret: string,
  subscription: { id: string; customerId: string; endpoint: string },
): string {
  return createHmac('sha256', secret)
    .update(
      `push-renewal\u0000${subscription.id}\u0000${subscription.customerId}\u0000${subscription.endpoint}`,
    )
    .digest('base64url');
}

/**
 * Replaces a subscription the browser changed (the service worker's `pushsubscriptionchange`): the row of
 * `oldEndpoint` gets the new endpoint and keys, for the same customer, if `renewal` is that row's token. Any other
 * row that already had the new endpoint goes (a browser has one subscription per site). Returns the new token,
 * for the browser to keep. An unknown endpoint and a wrong token get the same answer, so the answer says nothing
 * about which endpoints the shop knows.
 */
export async function renewPushSubscription(
  ctx: Ctx,
  input: { oldEndpoint: string; renewal: string; subscription: PushSubscriptionInput; userAgent: string },
): Promise<RenewPushResult> {
  const problem = subscriptionProblem(input.subscription, ctx.config.production);
  if (problem) return { ok: false, reason: problem };
  const secret = ctx.config.sessionSecret;
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('push_subscriptions')
      .select(['id', 'customer_id', 'endpoint'])
      .where('endpoint', '=', input.oldEndpoint)
      .executeTakeFirst();
    const valid =
      row !== undefined &&
      sameText(
        input.renewal,
        pushRenewalToken(secret, { id: row.id, customerId: row.customer_id, endpoint: row.endpoint }),
      );
    if (!valid) return { ok: false as const, reason: 'refused' as const };
    const { endpoint, keys } = input.subscription;
    await trx
      .deleteFrom('push_subscriptions')
      .where('endpoint', '=', endpoint)
      .where('id', '<>', row.id)
      .execute();
    await trx
      .updateTable('push_subscriptions')
      .set({
        endpoint,
        p256dh: keys.p256dh,
        auth: keys.auth,
        ...(input.userAgent ? { user_agent: input.userAgent.slice(0, 200) } : {}),
        last_sent_at: null,
      })
      .where('id', '=', row.id)
      .execute();
    return {
      ok: true as const,
      renewal: pushRenewalToken(secret, { id: row.id, customerId: row.customer_id, endpoint }),
    };
  });
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
