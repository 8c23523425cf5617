import { createHash, randomBytes } from 'node:crypto';
import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { NON_TRANSACTIONAL_TOPICS, type Topic } from '../../preferences/preferences.ts';

type UnsubscribableTopic = Exclude<Topic, 'transactional'>;

/** 32 random bytes (256 bits), base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A new one-click unsubscribe token for one customer and topic (RFC 8058): opaque, 256 bits of entropy, only its
 * SHA-256 stored; returns the absolute https URL for the List-Unsubscribe header and the footer.
 */
export async function createUnsubscribeUrl(
  ctx: Ctx,
  customerId: string,
  topic: UnsubscribableTopic,
  messageId: string | null,
): Promise<string> {
  return createTopicsUnsubscribeUrl(ctx, customerId, [topic], messageId);
}

/**
 * The same for a message about several topics (the digest): one click turns all of them off, as the one
 * List-Unsubscribe header of that e-mail must. Stored as the topics separated by spaces.
 */
export async function createTopicsUnsubscribeUrl(
  ctx: Ctx,
  customerId: string,
  topics: readonly UnsubscribableTopic[],
  messageId: string | null,
): Promise<string> {
  const topic = [...new Set(topics)].join(' ');
  const token = randomBytes(32).toString('base64url');
  await ctx.db
    .insertInto('unsubscribe_tokens')
    .values({
      token_hash: hashOf(token),
      customer_id: customerId,
      topic,
      message_id: messageId,
      created_at: isoNow(ctx.clock),
      used_at: null,
    })
    .execute();
  return `${ctx.config.publicUrl}/u/${token}`;
}

/**
 * The customer and topics a token stands for (one, or a digest's several), or null for anything else (malformed,
 * unknown, erased account).
 */
export async function findUnsubscribeToken(
  ctx: Ctx,
  token: string,
): Promise<{ customerId: string; topics: UnsubscribableTopic[]; tokenHash: string } | null> {
  if (!TOKEN.test(token)) return null;
  const tokenHash = hashOf(token);
  const row = await ctx.db
    .selectFrom('unsubscribe_tokens')
    .select(['customer_id', 'topic'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  const topics = row.topic.split(' ');
  if (!topics.every((t) => (NON_TRANSACTIONAL_TOPICS as string[]).includes(t))) return null;
  return { customerId: row.customer_id, topics: topics as UnsubscribableTopic[], tokenHash };
}

export async function markTokenUsed(ctx: Ctx, tokenHash: string): Promise<void> {
  await ctx.db
    .updateTable('unsubscribe_tokens')
    .set({ used_at: isoNow(ctx.clock) })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .execute();
}
