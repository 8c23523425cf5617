import { isIP } from 'node:net';
import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';

/** A browser's PushSubscription as `subscription.toJSON()` gives it (the fields the shop keeps). */
export type PushSubscriptionInput = { endpoint: string; keys: { p256dh: string; auth: string } };

export type SavePushResult =
  | { ok: true; id: string }
  | { ok: false; reason: 'invalid-endpoint' | 'invalid-keys' };

/** A customer's devices are capped: subscribing a new one beyond this forgets the one subscribed longest ago. */
export const MAX_DEVICES = 20;
const MAX_ENDPOINT = 1024;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/**
 * Remembers this browser for the customer's web push messages. The endpoint is unique: a browser that
 * subscribes again, or for another account, replaces its row (a browser has one subscription per site).
 * The endpoint must be https (the push service); in production it must also be a named host, not an IP or
 * localhost, so a forged subscription cannot aim the shop's requests at its own network.
 */
export async function savePushSubscription(
  ctx: Ctx,
  customerId: string,
  input: PushSubscriptionInput,
  userAgent: string,
): Promise<SavePushResult> {
  const problem = subscriptionProblem(input, ctx.config.production);
  if (problem) return { ok: false, reason: problem };
  const at = isoNow(ctx.clock);
  const id = newId(ctx.clock.now().epochMilliseconds);
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('push_subscriptions')
      .values({
        id,
        customer_id: customerId,
        endpoint: input.endpoint,
        p256dh: input.keys.p256dh,
        auth: input.keys.auth,
        user_agent: userAgent.slice(0, 200),
        created_at: at,
        last_sent_at: null,
      })
      .onConflict((oc) =>
        oc.column('endpoint').doUpdateSet({
          customer_id: customerId,
          p256dh: input.keys.p256dh,
          auth: input.keys.auth,
          user_agent: userAgent.slice(0, 200),
          created_at: at,
          last_sent_at: null,
        }),
      )
      .execute();
    const row = await trx
      .selectFrom('push_subscriptions')
      .select('id')
      .where('endpoint', '=', input.endpoint)
      .executeTakeFirstOrThrow();
    const beyond = await trx
      .selectFrom('push_subscriptions')
      .select('id')
      .where('customer_id', '=', customerId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .offset(MAX_DEVICES)
      .limit(1000)
      .execute();
    if (beyond.length > 0)
      await trx
        .deleteFrom('push_subscriptions')
        .where(
          'id',
          'in',
          beyond.map((b) => b.id),
        )
        .execute();
    return { ok: true as const, id: row.id };
  });
}

/**
 * What is wrong with a subscription as a browser sent it, or null: the endpoint must be https (in production a
 * named host, not an IP address or localhost), the keys a P-256 public key and a 16-byte auth secret.
 */
export function subscriptionProblem(
  input: PushSubscriptionInput,
  production: boolean,
): 'invalid-endpoint' | 'invalid-keys' | null {
  if (!acceptableEndpoint(input.endpoint, production)) return 'invalid-endpoint';
  if (!acceptableKeys(input.keys)) return 'invalid-keys';
  return null;
}

function acceptableEndpoint(endpoint: unknown, production: boolean): boolean {
  if (typeof endpoint !== 'string' || endpoint.length > MAX_ENDPOINT) return false;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  if (!production) return true;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(host) === 0 && host !== 'localhost' && !host.endsWith('.localhost') && host.includes('.');
}

function acceptableKeys(keys: unknown): boolean {
  if (!keys || typeof keys !== 'object') return false;
  const { p256dh, auth } = keys as Record<string, unknown>;
  if (typeof p256dh !== 'string' || typeof auth !== 'string') return false;
  if (!BASE64URL.test(p256dh) || !BASE64URL.test(auth)) return false;
  const pub = Buffer.from(p256dh, 'base64url');
  return pub.length === 65 && pub[0] === 4 && Buffer.from(auth, 'base64url').length === 16;
}
