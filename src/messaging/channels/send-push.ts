import { createHash } from 'node:crypto';
import type { Agent } from 'node:https';
import webpush, { WebPushError } from 'web-push';
import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { vapidDetails } from './vapid-details.ts';

/** What a push notification shows; `url` opens on a tap (a path or an address on the shop's own site). */
export type PushMessage = { id: string; title: string; body: string; url: string };

/** Push failed everywhere it was tried. `retryable`: the push service was down or busy (5xx, 429, network). */
export class PushError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** How long a push service keeps a message for a browser that is offline (RFC 8030 TTL): two days. */
const TTL_SECONDS = 2 * 24 * 3600;
/** The encrypted record must stay under 4096 bytes (RFC 8291 §4); this leaves room for the header and tag. */
const MAX_PAYLOAD_BYTES = 3800;

/**
 * Sends one message to every browser the customer subscribed, encrypted for each (RFC 8291, aes128gcm) and
 * signed with the shop's VAPID key (RFC 8292). Resolves with how many push services accepted it; 0 when the
 * customer has no subscription or push is off (VAPID keys missing in production). A 404 or 410 from a push
 * service means the browser unsubscribed: that subscription is deleted. When no browser accepted the message
 * and at least one failed, it rejects with a PushError (retryable for 5xx, 429 and network errors), so the job
 * that called it can retry. A repeat with the same `id` replaces the earlier notification on the device (tag)
 * and any undelivered copy waiting at the push service (Topic), so a retry never shows twice.
 * `options.agent` is for tests that run a local push service with their own certificate.
 */
export async function sendPush(
  ctx: Ctx,
  customerId: string,
  message: PushMessage,
  options: { agent?: Agent } = {},
): Promise<{ delivered: number }> {
  const vapid = vapidDetails(ctx.config);
  if (!vapid) return { delivered: 0 };
  const subscriptions = await ctx.db
    .selectFrom('push_subscriptions')
    .select(['id', 'endpoint', 'p256dh', 'auth'])
    .where('customer_id', '=', customerId)
    .execute();
  if (subscriptions.length === 0) return { delivered: 0 };

  const payload = payloadOf(message, ctx.config.publicUrl);
  const topic = createHash('sha256').update(message.id).digest('base64url').slice(0, 32);
  const outcomes = await Promise.all(
    subscriptions.map(async (s) => {
      try {
        await webpush.sendNotification(
          { endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } },
          payload,
          {
            vapidDetails: vapid,
            contentEncoding: 'aes128gcm',
            TTL: TTL_SECONDS,
            urgency: 'normal',
            topic,
            timeout: 10_000,
            ...(options.agent ? { agent: options.agent } : {}),
          },
        );
        return { id: s.id, status: 'sent' as const };
      } catch (err) {
        const status = err instanceof WebPushError ? err.statusCode : null;
        if (status === 404 || status === 410) return { id: s.id, status: 'gone' as const };
        const retryable = status === null || status === 429 || status >= 500;
        const reason =
          err instanceof WebPushError ? `${status} ${err.body.slice(0, 200)}` : (err as Error).message;
        return { id: s.id, status: 'failed' as const, retryable, reason };
      }
    }),
  );

  const sent = outcomes.filter((o) => o.status === 'sent').map((o) => o.id);
  const gone = outcomes.filter((o) => o.status === 'gone').map((o) => o.id);
  if (sent.length > 0)
    await ctx.db
      .updateTable('push_subscriptions')
      .set({ last_sent_at: isoNow(ctx.clock) })
      .where('id', 'in', sent)
      .execute();
  if (gone.length > 0) await ctx.db.deleteFrom('push_subscriptions').where('id', 'in', gone).execute();
  const failed = outcomes.flatMap((o) => (o.status === 'failed' ? [o] : []));
  if (sent.length === 0 && failed.length > 0)
    throw new PushError(
      `web push failed for all ${failed.length} subscription(s): ${failed.map((f) => f.reason).join('; ')}`,
      failed.some((f) => f.retryable),
    );
  return { delivered: sent.length };
}

/** The JSON the service worker (public/sw.js) reads; the link is kept on the shop's own site. */
function payloadOf(message: PushMessage, publicUrl: string): string {
  const home = new URL(publicUrl);
  let url = `${home.origin}/`;
  try {
    const target = new URL(message.url, publicUrl);
    if (target.origin === home.origin && target.href.length <= 1024) url = target.href;
  } catch {}
  let body = message.body.slice(0, 1000);
  for (;;) {
    const json = JSON.stringify({ id: message.id, title: message.title.slice(0, 120), body, url });
    if (Buffer.byteLength(json) <= MAX_PAYLOAD_BYTES || body.length === 0) return json;
    body = `${body.slice(0, Math.floor(body.length * 0.8))}…`.slice(0, Math.max(0, body.length - 2));
  }
}
