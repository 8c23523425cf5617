/**
 * A replenishment plan: one per customer × appliance × consumable. The interval is the customer's choice
 * (`chosen_days`) or else the prediction from their own orders (`predicted_days`); with neither, no reminder.
 */
export type ReplenishmentPlanTable = {
  id: string;
  customer_id: string;
  /** '' when the consumable was bought without a known appliance. */
  appliance_id: string;
  product_id: string;
  /** Units to reorder: the quantity of the last order. */
  quantity: number;
  /** Median days between the customer's orders of this product; null with fewer than two orders. */
  predicted_days: number | null;
  /** Set by the customer; wins over the prediction. */
  chosen_days: number | null;
  /** Orders of this product the prediction saw. */
  orders_seen: number;
  /** YYYY-MM-DD (shop zone) of the last order of this product. */
  last_ordered_on: string;
  /** YYYY-MM-DD the customer is expected to run out; null without an interval. */
  next_run_out: string | null;
  /** Counts run-out periods: a new order, a skip or a snooze starts the next one. One reminder per cycle. */
  cycle: number;
  status: 'active' | 'stopped';
  /** When the customer chose automatic reordering for this plan; null: reminders only (the default). */
  auto_reorder_since: string | null;
  created_at: string;
  updated_at: string;
};

/** An order placed by automatic reordering: at most one per plan and cycle. */
export type ReplenishmentAutoOrderTable = {
  plan_id: string;
  cycle: number;
  cart_id: string;
  order_number: string | null;
  /** 'placing' (cart made, checkout under way or to be retried) | 'placed' | 'not-placed' (see `reason`) */
  outcome: 'placing' | 'placed' | 'not-placed';
  /** Why not: 'no-address' | 'unavailable' | 'out-of-stock' | 'no-shipping-method'. */
  reason: string | null;
  created_at: string;
};

/** A reminder as sent: the price quoted in it is honoured for 7 days (`price_valid_until`). */
export type ReplenishmentReminderTable = {
  id: string;
  plan_id: string;
  cycle: number;
  product_id: string;
  quantity: number;
  /** The unit price quoted in the reminder. */
  quoted_cents: number;
  price_valid_until: string;
  run_out_on: string;
  created_at: string;
};

/**
 * A promised price on a cart line (from a reminder's reorder link): while valid, checkout charges min(locked,
 * current) for up to `quantity` units and today's price for the rest.
 */
export type PriceLockTable = {
  cart_id: string;
  product_id: string;
  price_cents: number;
  /** The units the promise covers: the reminder's quantity. */
  quantity: number;
  valid_until: string;
  /** What promised it, e.g. 'reminder:<id>'. */
  source: string;
  created_at: string;
};

/** A staff message to a group, with the preview shown before sending and the result of sending. */
export type BroadcastTable = {
  id: string;
  /** 'appliance-owners' | 'offers' */
  audience: string;
  appliance_id: string | null;
  topic: string;
  subject_nl: string;
  subject_en: string;
  body_nl: string;
  body_en: string;
  /** 'draft' → 'queued' (its send job is waiting) → 'sending' → 'sent' */
  status: string;
  /** JSON of the counts shown before sending (so far, while `preview_cursor` is set). */
  preview_json: string | null;
  /** The instant the preview decides for (a big audience's preview is finished by a job). */
  preview_at: string | null;
  /** While the 'broadcast-preview' job counts: the last customer id counted; null once the preview is complete. */
  preview_cursor: string | null;
  /** JSON of the counts actually enqueued. */
  result_json: string | null;
  staff_id: string;
  staff_name: string;
  created_at: string;
  sent_at: string | null;
  /** From the form that created it: a double submit finds this draft instead of making another. Unique. */
  idempotency_key: string | null;
  /** The instant every recipient is decided for, fixed when sending starts (a resumed send keeps it). */
  decided_at: string | null;
  /** While sending and after: the audience's size, the recipients decided and the messages recorded so far. */
  total_count: number;
  decided_count: number;
  enqueued_count: number;
  /** While sending: the last customer id done, in id order (a retried send goes on after it); null otherwise. */
  progress_cursor: string | null;
};

/**
 * A staff message's dropped recipient (the decision 'drop' with its reason), one narrow row instead of a message
 * and its decision: the subject, topic and moment are the broadcast's. Read with the customer's messages.
 */
export type BroadcastDropTable = {
  customer_id: string;
  broadcast_id: string;
  /** The reason code of the 'drop' decision (no-consent, suppressed, …). */
  reason: string;
};

export type ReplenishmentTables = {
  replenishment_plans: ReplenishmentPlanTable;
  replenishment_reminders: ReplenishmentReminderTable;
  replenishment_auto_orders: ReplenishmentAutoOrderTable;
  price_locks: PriceLockTable;
  broadcasts: BroadcastTable;
  broadcast_drops: BroadcastDropTable;
};
