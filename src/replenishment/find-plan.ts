import type { Ctx } from '../context.ts';
import { effectiveInterval } from './predict-interval.ts';

/** A plan as the pages and the one-tap links show it. */
export type PlanView = {
  id: string;
  customerId: string;
  applianceId: string;
  applianceName: string | null;
  productId: string;
  sku: string;
  productName: string;
  quantity: number;
  predictedDays: number | null;
  chosenDays: number | null;
  intervalDays: number | null;
  ordersSeen: number;
  lastOrderedOn: string;
  nextRunOut: string | null;
  cycle: number;
  status: 'active' | 'stopped';
  /** When the customer turned on automatic reordering; null when it is off. */
  autoReorderSince: string | null;
  /** The latest automatic order attempt: its order number, or why it was not placed. */
  lastAutoOrder: { orderNumber: string | null; reason: string | null } | null;
};

function planQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('replenishment_plans as p')
    .innerJoin('products as pr', 'pr.id', 'p.product_id')
    .leftJoin('appliances as a', 'a.id', 'p.appliance_id')
    .selectAll('p')
    .select((eb) => {
      // the latest automatic order attempt that finished (placed, or not with its reason)
      const latestAutoOrder = () =>
        eb
          .selectFrom('replenishment_auto_orders as o')
          .whereRef('o.plan_id', '=', 'p.id')
          .where('o.outcome', '!=', 'placing')
          .orderBy('o.cycle', 'desc')
          .limit(1);
      return [
        'pr.sku',
        'pr.name_nl',
        'pr.name_en',
        'a.model as appliance_model',
        latestAutoOrder().select('o.order_number').as('auto_order_number'),
        latestAutoOrder().select('o.reason').as('auto_order_reason'),
      ];
    });
}

type Row = Awaited<ReturnType<ReturnType<typeof planQuery>['executeTakeFirstOrThrow']>>;

function present(ctx: Ctx, r: Row): PlanView {
  return {
    id: r.id,
    customerId: r.customer_id,
    applianceId: r.appliance_id,
    applianceName: r.appliance_model ?? null,
    productId: r.product_id,
    sku: r.sku,
    productName: ctx.locale === 'nl' ? r.name_nl : r.name_en,
    quantity: r.quantity,
    predictedDays: r.predicted_days,
    chosenDays: r.chosen_days,
    intervalDays: effectiveInterval(r),
    ordersSeen: r.orders_seen,
    lastOrderedOn: r.last_ordered_on,
    nextRunOut: r.next_run_out,
    cycle: r.cycle,
    status: r.status,
    autoReorderSince: r.auto_reorder_since,
    lastAutoOrder:
      r.auto_order_number || r.auto_order_reason
        ? { orderNumber: r.auto_order_number ?? null, reason: r.auto_order_reason ?? null }
        : null,
  };
}

/** One plan by id, or null. */
export async function findPlan(ctx: Ctx, planId: string): Promise<PlanView | null> {
  const row = await planQuery(ctx).where('p.id', '=', planId).executeTakeFirst();
  return row ? present(ctx, row) : null;
}

/** A customer's plans, soonest run-out first, stopped ones last. */
export async function customerPlans(ctx: Ctx, customerId: string): Promise<PlanView[]> {
  const rows = await planQuery(ctx).where('p.customer_id', '=', customerId).orderBy('p.created_at').execute();
  return rows
    .map((r) => present(ctx, r))
    .sort(
      (a, b) =>
        (a.status === b.status ? 0 : a.status === 'active' ? -1 : 1) ||
        (a.nextRunOut ?? '9999').localeCompare(b.nextRunOut ?? '9999'),
    );
}
