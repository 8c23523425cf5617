import type { Ctx } from '../../context.ts';
import type { Topic } from '../../preferences/preferences.ts';
import type { Urgency } from '../gateway/contract.ts';

/** Who a staff message is for. */
export type Audience =
  | { kind: 'offers' }
  | { kind: 'appliance-owners'; applianceId: string; recall: boolean };

/**
 * What the message is, for the gateway, per audience. Offers and "new for my appliances" are marketing: they
 * need the customer's consent (or, for appliance news, the soft opt-in after a purchase), wait for quiet hours,
 * and over the customer's limit go to their message list (the digest) instead of the inbox ('low'); a staff
 * message is never worth more than that. A safety recall is a service message about a product the customer
 * owns: 'transactional', so it reaches every owner on a channel they allow whatever their topics and limits,
 * but it still waits for their quiet hours ('normal'): it is important, not an emergency at 3 a.m.
 */
export function audienceTopic(audience: Audience): { topic: Topic; urgency: Urgency } {
  if (audience.kind === 'offers') return { topic: 'offers', urgency: 'low' };
  return audience.recall
    ? { topic: 'transactional', urgency: 'normal' }
    : { topic: 'new-for-my-appliances', urgency: 'low' };
}

/** One customer of the audience, as the decision needs them. */
export type Recipient = {
  id: string;
  email: string;
  phone: string | null;
  locale: string;
  docJson: string | null;
};

/** A page of the audience: the customers after `after` (a customer id; null: from the start), at most `limit`. */
export type AudiencePage = { after: string | null; limit: number };

/**
 * The accounts in the audience, in id order: everyone (offers: the decision then keeps those who want them),
 * or the owners of an appliance — those who saved it, and the members of their households (who share it).
 * With `page`, one page of them (keyset: ids after `page.after`), so a big audience is read in chunks and a
 * send can go on after the last customer it finished.
 */
export async function loadAudience(ctx: Ctx, audience: Audience, page?: AudiencePage): Promise<Recipient[]> {
  let query = audienceQuery(ctx, audience, page?.after ?? null).select([
    'c.id',
    'c.email',
    'c.phone',
    'c.locale',
    'p.doc_json as docJson',
  ]);
  if (page?.after) query = query.where('c.id', '>', page.after);
  if (page) query = query.limit(page.limit);
  return query.orderBy('c.id').execute();
}

/** How many accounts the audience has (what a send's progress counts towards). */
export async function countAudience(ctx: Ctx, audience: Audience): Promise<number> {
  const row = await audienceQuery(ctx, audience)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The audience's customers with their stored preferences. With `after` (a page's keyset), the preferences are
 * bounded by it too: PostgreSQL merge-joins the two primary keys, and without the bound it read the preferences
 * from the first customer on for every page — half a million rows per page in the middle of a million-customer
 * send (18 s of it); with it, only the page's own.
 */
function audienceQuery(ctx: Ctx, audience: Audience, after: string | null = null) {
  let query = ctx.db
    .selectFrom('customers as c')
    .leftJoin('customer_preferences as p', (join) =>
      after === null
        ? join.onRef('p.customer_id', '=', 'c.id')
        : join.onRef('p.customer_id', '=', 'c.id').on('p.customer_id', '>', after),
    );
  if (audience.kind === 'appliance-owners') {
    const applianceId = audience.applianceId;
    query = query.where((eb) =>
      eb.or([
        eb(
          'c.id',
          'in',
          eb.selectFrom('customer_appliances').select('customer_id').where('appliance_id', '=', applianceId),
        ),
        eb(
          'c.household_id',
          'in',
          eb
            .selectFrom('customer_appliances as ca')
            .innerJoin('customers as o', 'o.id', 'ca.customer_id')
            .select('o.household_id')
            .where('ca.appliance_id', '=', applianceId)
            .where('o.household_id', 'is not', null),
        ),
      ]),
    );
  }
  return query;
}
