import type { Ctx } from '../context.ts';
import { changePreferences, inTransaction, loadPreferences } from './preference-store.ts';
import type { Preferences } from './preferences.ts';
import { WORDING } from './wording.ts';

export type SoftOptInResult =
  | { granted: true; revision: number }
  | { granted: false; reason: 'already-set' | 'turned-off-before' };

/**
 * The Dutch soft opt-in (Telecommunicatiewet art. 11.7 lid 3): after a purchase the shop may tell the customer
 * about similar products — here only 'new-for-my-appliances' — as long as the customer was told at checkout and
 * can say no in every message. Granted only while the topic is 'off' and the customer never turned it off
 * before (a "no" is never overruled by a later purchase). Recorded in the ledger as source 'soft-opt-in',
 * with the order number, so it shows as such in the preference centre and the history.
 */
export async function grantSoftOptIn(
  ctx: Ctx,
  customerId: string,
  purchase: { orderNumber: string },
): Promise<SoftOptInResult> {
  return inTransaction(ctx, async (tx) => {
    const { prefs, revision } = await loadPreferences(tx, customerId);
    if (prefs.topics['new-for-my-appliances'] !== 'off') return { granted: false, reason: 'already-set' };
    const saidNo = await tx.db
      .selectFrom('consent_ledger')
      .select('id')
      .where('customer_id', '=', customerId)
      .where('subject', '=', 'topics.new-for-my-appliances')
      .where('new_value', '=', JSON.stringify('off'))
      .executeTakeFirst();
    if (saidNo) return { granted: false, reason: 'turned-off-before' };
    const next: Preferences = {
      ...prefs,
      topics: { ...prefs.topics, 'new-for-my-appliances': 'soft-opt-in' },
    };
    const result = await changePreferences(tx, customerId, next, {
      source: 'soft-opt-in',
      actor: 'system',
      wordingVersion: WORDING.softOptIn,
      channel: 'email',
      expectedRevision: revision,
      note: `order ${purchase.orderNumber}`,
    });
    return { granted: true, revision: result.revision };
  });
}
