import { isoNow } from '../../clock.ts';
import type { Locale } from '../../config.ts';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { enqueueJob } from '../../jobs/enqueue-job.ts';
import { inTransaction } from '../../preferences/preference-store.ts';
import { renderTemplate, type TemplateName } from '../templates.ts';
import type { Decision, GatewayRequest } from './contract.ts';
import { decide } from './decide.ts';
import { loadDecisionInput } from './decision-input.ts';
import { recordDecision } from './record-decision.ts';
import { enqueueDigest } from './send-digest.ts';
import type { GatewayMessageTable } from './tables.ts';

export const DELIVER_JOB = 'gateway-deliver';

export type RequestOptions = {
  /**
   * The caller delivers a 'send' decision itself, at once, inside its own job (`sendMessage`): no delivery job
   * is enqueued for it. A 'hold' still gets its job at the hold's end.
   */
  inline?: boolean;
};

/** Stored row → the decision it carries (for a repeat request). */
export function decisionOf(
  row: Pick<GatewayMessageTable, 'status' | 'channel' | 'reason' | 'hold_until'>,
): Decision {
  const reason = row.reason as Decision['reason'];
  switch (row.status) {
    case 'held':
      return { action: 'hold', until: row.hold_until ?? '', reason };
    case 'digest':
      return { action: 'digest', reason };
    case 'dropped':
    case 'bounced':
      return { action: 'drop', reason };
    default:
      return { action: 'send', channel: (row.channel ?? 'email') as 'email', reason };
  }
}

/** Enqueues the delivery job of a message for `runAt` (its n-th, so that every hold gets a job of its own). */
export async function enqueueDelivery(ctx: Ctx, messageId: string, n: number, runAt: string): Promise<void> {
  await enqueueJob(ctx, {
    kind: DELIVER_JOB,
    payload: { messageId },
    idempotencyKey: `${DELIVER_JOB}:${messageId}:${n}`,
    runAt,
  });
}

/**
 * Asks the gateway for a message. In one transaction: records the request under its idempotency key (a repeat
 * finds the first and changes nothing: `duplicate`), decides it as queued (recorded with its reason) and
 * enqueues the delivery job — now for 'send', at `until` for 'hold'. The delivery job decides again at send
 * time; only a 'send' then delivers.
 */
export async function requestMessage<T extends TemplateName>(
  ctx: Ctx,
  request: GatewayRequest<T>,
  options: RequestOptions = {},
): Promise<{ id: string; decision: Decision; duplicate: boolean }> {
  const nowMs = ctx.clock.now().epochMilliseconds;
  const at = isoNow(ctx.clock);
  const locale: Locale = request.locale ?? (await customerLocale(ctx, request.customerId));
  const { subject } = renderTemplate(request.template, request.data, locale, ctx.config);
  return inTransaction(ctx, async (tx) => {
    const id = newId(nowMs);
    // an account erased meanwhile: recorded without it (its address is on the suppression list), decided as erased
    const customerId =
      request.customerId &&
      (await tx.db
        .selectFrom('customers')
        .select('id')
        .where('id', '=', request.customerId)
        .executeTakeFirst())
        ? request.customerId
        : null;
    const inserted = await tx.db
      .insertInto('gateway_messages')
      .values({
        id,
        idempotency_key: request.idempotencyKey,
        customer_id: customerId,
        to_address: request.to,
        topic: request.topic,
        template: request.template,
        data_json: JSON.stringify(request.data),
        locale,
        subject,
        urgency: request.urgency,
        deadline: request.deadline ?? null,
        on_request: request.onRequest ? 1 : 0,
        status: 'queued',
        channel: null,
        reason: 'queued',
        hold_until: null,
        decisions: 0,
        created_at: at,
        updated_at: at,
        sent_at: null,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
      const row = await tx.db
        .selectFrom('gateway_messages')
        .select(['id', 'status', 'channel', 'reason', 'hold_until'])
        .where('idempotency_key', '=', request.idempotencyKey)
        .executeTakeFirstOrThrow();
      return { id: row.id, decision: decisionOf(row), duplicate: true };
    }
    const input = await loadDecisionInput(
      tx,
      {
        customerId: request.customerId,
        to: request.to,
        topic: request.topic,
        urgency: request.urgency,
        deadline: request.deadline ?? null,
        onRequest: !!request.onRequest,
      },
      nowMs,
    );
    const decision = decide(input);
    await recordDecision(
      tx,
      { id, customer_id: request.customerId, topic: request.topic },
      decision,
      'queued',
      at,
    );
    if (decision.action === 'send' && !options.inline) await enqueueDelivery(tx, id, 1, at);
    if (decision.action === 'hold') await enqueueDelivery(tx, id, 1, decision.until);
    if (decision.action === 'digest' && customerId) await enqueueDigest(tx, customerId);
    return { id, decision, duplicate: false };
  });
}

async function customerLocale(ctx: Ctx, customerId: string | null): Promise<Locale> {
  if (!customerId) return ctx.config.defaultLocale;
  const row = await ctx.db
    .selectFrom('customer_preferences')
    .select('doc_json')
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  if (row) {
    const locale = (JSON.parse(row.doc_json) as { locale?: string }).locale;
    if (locale === 'nl' || locale === 'en') return locale;
  }
  const customer = await ctx.db
    .selectFrom('customers')
    .select('locale')
    .where('id', '=', customerId)
    .executeTakeFirst();
  return customer?.locale === 'en' || customer?.locale === 'nl' ? customer.locale : ctx.config.defaultLocale;
}
