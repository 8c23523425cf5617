import { type Insertable, PostgresAdapter, sql } from 'kysely';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import type { Database } from '../db/schema.ts';
import { paymentRow } from '../payments/record-payment.ts';
import { pricedUnits } from '../replenishment/price-lock.ts';
import { type AppliedCodes, NO_CODES, recordRedemptions, redeemCodes } from '../vouchers/apply-codes.ts';
import type { CodeRefusal } from '../vouchers/rules.ts';
import { rememberCheckoutAddress } from './checkout-address.ts';
import type { CheckoutInput } from './checkout-input.ts';
import { deliveryPromise } from './delivery-promise.ts';
import { orderEventRow } from './order-events.ts';
import { nextOrderNumbers } from './order-number.ts';
import type { OrderStatus } from './order-states.ts';
import {
  calendarFor,
  enabledMethods,
  methodFits,
  SHIPPING_VAT_RATE,
  shippingPrice,
} from './shipping-methods.ts';
import { type MethodSettings, methodSettings, type ShippingSettings } from './shipping-settings.ts';

export type PlaceOrderInput = {
  cartId: string;
  checkout: CheckoutInput;
  idempotencyKey: string;
  /** When this use of the key began (the key's row); with the key it is unique per order. */
  idempotencyClaimedAt: string;
  /** Hash of the request that asked for this order, kept to recognise a repeat. */
  requestHash: string;
  /** The signed-in customer placing it: the order is theirs, and the address joins their saved addresses. */
  customerId?: string | null;
  /** The language of the order's messages and line names; the caller's `ctx.locale` when absent. */
  locale?: Ctx['locale'];
  /** The shop's shipping settings (the in-memory snapshot, `app.shipping.current`): price, fit and promise. */
  shipping: ShippingSettings;
};

export type PlacedOrder = {
  id: string;
  number: string;
  status: OrderStatus;
  email: string;
  itemsCents: number;
  shippingCents: number;
  /** A voucher's discount on the items (VAT included; the VAT split is of the discounted amounts). */
  discountCents: number;
  /** Items + shipping − discount: what the order costs. */
  totalCents: number;
  /** Paid with a gift card: a payment, not a discount. */
  giftCardCents: number;
  /** What is left to pay: total − gift card. 0 leaves the order paid at once. */
  dueCents: number;
  vatCents: Record<string, number>;
  currency: string;
  shippingMethod: string;
  paymentMethod: string;
  /** YYYY-MM-DD in the shop's zone. */
  deliveryDate: string;
};

export type PlaceOrderResult =
  | { ok: true; order: PlacedOrder }
  | { ok: false; reason: 'out-of-stock'; skus: string[] }
  | { ok: false; reason: 'code-refused'; refusal: CodeRefusal }
  | {
      ok: false;
      reason:
        | 'unknown-cart'
        | 'empty-cart'
        | 'shipping-method-not-available'
        | 'shipping-method-off'
        | 'no-shipping-method';
    };

type Line = {
  product_id: string;
  appliance_id: string | null;
  sku: string;
  name: string;
  unit_price_cents: number;
  vat_rate: number;
  quantity: number;
  mailbox_fit: number;
  weight_grams: number;
  active: boolean;
};

/** An input that passed every check, with its shipping method and what it will be charged. */
type Accepted = {
  index: number;
  input: PlaceOrderInput;
  lines: Line[];
  method: MethodSettings;
  applied: AppliedCodes;
};

/**
 * Turns one cart into an order at today's prices: `placeOrders` with one input. `ctx.db` must be an open
 * transaction; on `ok: false` the caller rolls it back.
 */
export async function placeOrder(ctx: Ctx, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const [result] = await placeOrders(ctx, [input]);
  return result!;
}

/**
 * Turns carts into orders at today's prices, many in one transaction (`ctx.db` must be an open one) with a
 * fixed number of statements however many orders there are: the checkout's group commit. Inputs are judged
 * in the given order, as if placed one after the other: stock goes to the earlier input, and a cart
 * already ordered by an earlier input is empty for a later one.
 *
 * Stock rows are read first (locked on PostgreSQL, in id order, so concurrent transactions never deadlock on
 * them; SQLite has one writer), the units are shared out in memory, and one guarded update per statement
 * (`stock = stock - n where stock >= n`) takes them: a unit is never sold twice. Then every accepted order
 * is written with its lines, stock movements, payment record, 'placed' event and outbox jobs
 * ('order-confirmation', 'fulfilment'), one multi-row insert per table, and its cart is emptied. A
 * signed-in customer's order carries their id and saves (or refreshes) the address they used.
 *
 * A refused input writes nothing, so the others still go through — except codes: `redeemCodes` uses a
 * voucher or debits a gift card as it checks, so an input with codes must be placed alone, and on its
 * 'code-refused' the caller rolls the transaction back.
 */
export async function placeOrders(ctx: Ctx, inputs: PlaceOrderInput[]): Promise<PlaceOrderResult[]> {
  const now = ctx.clock.now();
  const at = isoNow(ctx.clock);
  const locales = inputs.map((i) => i.locale ?? ctx.locale);
  const carts = await readCartLines(ctx, [...new Set(inputs.map((i) => i.cartId))], at);
  const stock = await readStock(ctx, [...new Set([...carts.values()].flat().map((l) => l.product_id))]);
  const results: PlaceOrderResult[] = new Array(inputs.length);
  const accepted: Accepted[] = [];
  const ordered = new Set<string>();
  const emptyCarts: number[] = [];

  for (const [index, input] of inputs.entries()) {
    const rows = ordered.has(input.cartId) ? [] : (carts.get(input.cartId) ?? []);
    if (rows.length === 0) {
      emptyCarts.push(index);
      continue;
    }
    const lines = rows.map((r) => ({ ...r, name: locales[index] === 'nl' ? r.name_nl : r.name_en }));
    const refused = await judge(ctx, input, lines, stock, at);
    if (!refused.ok) {
      results[index] = refused.result;
      continue;
    }
    for (const [productId, quantity] of demandByProduct(lines))
      stock.set(productId, stock.get(productId)! - quantity);
    ordered.add(input.cartId);
    accepted.push({ index, input, lines, method: refused.method, applied: refused.applied });
  }
  if (emptyCarts.length > 0) {
    const known = await existingCarts(
      ctx,
      emptyCarts.map((i) => inputs[i]!.cartId),
    );
    for (const i of emptyCarts)
      results[i] = { ok: false, reason: known.has(inputs[i]!.cartId) ? 'empty-cart' : 'unknown-cart' };
  }
  if (accepted.length === 0) return results;

  await takeStock(ctx, accepted);
  const year = now.toZonedDateTimeISO(ctx.config.shopTimezone).year;
  const numbers = await nextOrderNumbers(ctx, year, accepted.length);
  const promised = new Map<MethodSettings, string>();
  const deliveryDate = (a: Accepted) => {
    let date = promised.get(a.method);
    if (date === undefined) {
      const calendar = calendarFor(a.input.shipping, a.method, ctx.config.shopTimezone);
      date = deliveryPromise(calendar, now).deliveryDate.toString();
      promised.set(a.method, date);
    }
    return date;
  };
  const orders = accepted.map((a, n) => {
    const order = pricedOrder(a, numbers[n]!, deliveryDate(a), ctx, now);
    results[a.index] = { ok: true, order };
    return order;
  });

  await insertAll(
    ctx,
    'orders',
    accepted.map((a, n) => orderRow(a.input, orders[n]!, locales[a.index]!, at)),
  );
  await insertAll(
    ctx,
    'order_lines',
    accepted.flatMap((a, n) =>
      a.lines.map((l) => ({
        id: newId(now.epochMilliseconds),
        order_id: orders[n]!.id,
        product_id: l.product_id,
        sku: l.sku,
        name: l.name,
        unit_price_cents: l.unit_price_cents,
        vat_rate: l.vat_rate,
        quantity: l.quantity,
        appliance_id: l.appliance_id,
      })),
    ),
  );
  for (const [n, a] of accepted.entries()) {
    if (a.applied.uses.length === 0) continue;
    const redeemed = await recordRedemptions(ctx, orders[n]!.id, a.applied, at);
    if (!redeemed.ok) results[a.index] = { ok: false, reason: 'code-refused', refusal: redeemed.refusal };
  }
  for (const a of accepted)
    if (a.input.customerId) await rememberCheckoutAddress(ctx, a.input.customerId, a.input.checkout.address);
  await countApplianceOrders(ctx, accepted);
  // the payment is for what is left after the gift card; nothing left: it is paid already
  const payments = [];
  for (const order of orders) {
    const row = await paymentRow(ctx, { ...order, totalCents: order.dueCents });
    payments.push(order.dueCents === 0 ? { ...row, status: 'paid' as const } : row);
  }
  await insertAll(ctx, 'payments', payments);
  await insertAll(
    ctx,
    'stock_movements',
    accepted.flatMap((a, n) =>
      demandByProduct(a.lines).map(([productId, quantity]) => ({
        id: newId(now.epochMilliseconds),
        product_id: productId,
        order_id: orders[n]!.id,
        delta: -quantity,
        reason: 'sale' as const,
        at,
      })),
    ),
  );
  await insertAll(
    ctx,
    'jobs',
    accepted.flatMap((a, n) => {
      const order = orders[n]!;
      const payload = JSON.stringify({ orderId: order.id, number: order.number, locale: locales[a.index] });
      return ['order-confirmation', 'fulfilment'].map((kind) => ({
        id: newId(now.epochMilliseconds),
        kind,
        payload_json: payload,
        status: 'pending' as const,
        run_at: at,
        attempts: 0,
        last_error: null,
        idempotency_key: `${kind}:${order.id}`,
        created_at: at,
        updated_at: at,
      }));
    }),
  );
  await insertAll(
    ctx,
    'order_events',
    orders.map((o) => orderEventRow(ctx, { orderId: o.id, kind: 'placed', to: o.status, actor: 'customer' })),
  );
  const emptied = accepted.map((a) => a.input.cartId);
  await ctx.db.deleteFrom('cart_lines').where('cart_id', 'in', emptied).execute();
  // a promised price is used up by the order it was for: a later order from the same cart pays today's price
  await ctx.db.deleteFrom('price_locks').where('cart_id', 'in', emptied).execute();
  return results;
}

/** Whether an input can be ordered, against the stock still left for this batch; uses its codes if it can. */
async function judge(
  ctx: Ctx,
  input: PlaceOrderInput,
  lines: Line[],
  stock: Map<string, number>,
  at: string,
): Promise<
  { ok: true; method: MethodSettings; applied: AppliedCodes } | { ok: false; result: PlaceOrderResult }
> {
  // a product taken off sale since it was put in the cart can no longer be sold: out of stock
  const inactive = [...new Set(lines.filter((l) => !l.active).map((l) => l.sku))];
  if (inactive.length > 0)
    return { ok: false, result: { ok: false, reason: 'out-of-stock', skus: inactive } };
  const { checkout } = input;
  const itemsCents = itemsOf(lines);
  const shippable = {
    itemsCents,
    weightGrams: lines.reduce((n, l) => n + l.weight_grams * l.quantity, 0),
    allMailboxFit: lines.every((l) => l.mailbox_fit === 1),
  };
  const method = methodSettings(input.shipping, checkout.shippingMethod);
  if (!method?.enabled) return { ok: false, result: { ok: false, reason: 'shipping-method-off' } };
  if (!methodFits(method, shippable)) {
    const other = enabledMethods(input.shipping).some((m) => methodFits(m, shippable));
    return {
      ok: false,
      result: { ok: false, reason: other ? 'shipping-method-not-available' : 'no-shipping-method' },
    };
  }
  // a line split by a price promise is still one SKU
  const short = [
    ...new Set(
      demandByProduct(lines)
        .filter(([productId, quantity]) => (stock.get(productId) ?? 0) < quantity)
        .flatMap(([productId]) => lines.filter((l) => l.product_id === productId).map((l) => l.sku)),
    ),
  ];
  if (short.length > 0) return { ok: false, result: { ok: false, reason: 'out-of-stock', skus: short } };
  if (!checkout.codes?.length) return { ok: true, method, applied: NO_CODES };
  const codes = await redeemCodes(ctx, {
    codes: checkout.codes,
    email: checkout.email,
    itemsCents,
    shippingCents: shippingPrice(input.shipping, method, itemsCents),
    grossByRate: grossByRate(lines),
    at,
  });
  if (!codes.ok) return { ok: false, result: { ok: false, reason: 'code-refused', refusal: codes.refusal } };
  return { ok: true, method, applied: codes.applied };
}

function pricedOrder(
  a: Accepted,
  number: string,
  deliveryDate: string,
  ctx: Ctx,
  now: ReturnType<Ctx['clock']['now']>,
): PlacedOrder {
  const { checkout } = a.input;
  const itemsCents = itemsOf(a.lines);
  const shippingCents = shippingPrice(a.input.shipping, a.method, itemsCents);
  const { discountCents, giftCardCents, discountByRate } = a.applied;
  const totalCents = itemsCents + shippingCents - discountCents;
  return {
    id: newId(now.epochMilliseconds),
    number,
    // a gift card that pays it all leaves nothing to wait for
    status: totalCents - giftCardCents === 0 ? 'paid' : 'awaiting_payment',
    email: checkout.email,
    itemsCents,
    shippingCents,
    discountCents,
    totalCents,
    giftCardCents,
    dueCents: totalCents - giftCardCents,
    vatCents: vatOf(a.lines, shippingCents, discountByRate),
    currency: ctx.config.currency,
    shippingMethod: checkout.shippingMethod,
    paymentMethod: checkout.paymentMethod,
    deliveryDate,
  };
}

function orderRow(input: PlaceOrderInput, order: PlacedOrder, locale: Ctx['locale'], at: string) {
  const { address } = input.checkout;
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    email: order.email,
    name: address.name,
    street: address.street,
    house_number: address.houseNumber,
    addition: address.addition,
    postcode: address.postcode,
    city: address.city,
    country: address.country,
    shipping_method: order.shippingMethod,
    payment_method: order.paymentMethod,
    items_cents: order.itemsCents,
    shipping_cents: order.shippingCents,
    total_cents: order.totalCents,
    vat_json: JSON.stringify(order.vatCents),
    currency: order.currency,
    locale,
    cart_id: input.cartId,
    idempotency_key: input.idempotencyKey,
    idempotency_claimed_at: input.idempotencyClaimedAt,
    request_hash: input.requestHash,
    customer_id: input.customerId ?? null,
    delivery_date: order.deliveryDate,
    created_at: at,
    updated_at: at,
  };
}

type CartRow = Omit<Line, 'name'> & { name_nl: string; name_en: string };

/** Every cart's lines (the carts locked first), priced with any still-valid price lock (a reminder's reorder link). */
async function readCartLines(ctx: Ctx, cartIds: string[], at: string): Promise<Map<string, CartRow[]>> {
  // PostgreSQL: a concurrent checkout of the same cart (another key) waits here, then finds it emptied
  if (ctx.db.getExecutor().adapter instanceof PostgresAdapter)
    await ctx.db
      .selectFrom('carts')
      .select('id')
      .where('id', 'in', cartIds)
      .orderBy('id')
      .forUpdate()
      .execute();
  const rows = await ctx.db
    .selectFrom('cart_lines')
    .innerJoin('products', 'products.id', 'cart_lines.product_id')
    .select([
      'cart_lines.cart_id',
      'products.id as product_id',
      'products.sku',
      'products.name_nl',
      'products.name_en',
      'products.price_cents',
      'products.vat_rate',
      'products.mailbox_fit',
      'products.weight_grams',
      'products.active',
      'cart_lines.quantity',
      'cart_lines.appliance_id',
    ])
    .where('cart_lines.cart_id', 'in', cartIds)
    .orderBy('cart_lines.added_at')
    .orderBy('products.sku')
    .execute();
  const locks = await ctx.db
    .selectFrom('price_locks')
    .select(['cart_id', 'product_id', 'price_cents', 'quantity'])
    .where('cart_id', 'in', cartIds)
    .where('valid_until', '>', at)
    .execute();
  const locked = new Map(
    locks.map((l) => [`${l.cart_id} ${l.product_id}`, { priceCents: l.price_cents, quantity: l.quantity }]),
  );
  const carts = new Map<string, CartRow[]>();
  for (const r of rows) {
    // a price promised on the line (a reminder's reorder link) is honoured while valid, if lower than today's,
    // for the reminder's quantity: a line with more units becomes two order lines, the promised units and the rest
    const parts = pricedUnits(r.price_cents, r.quantity, locked.get(`${r.cart_id} ${r.product_id}`));
    const lines = carts.get(r.cart_id) ?? [];
    if (lines.length === 0) carts.set(r.cart_id, lines);
    for (const part of parts)
      lines.push({
        product_id: r.product_id,
        appliance_id: r.appliance_id,
        sku: r.sku,
        name_nl: r.name_nl,
        name_en: r.name_en,
        unit_price_cents: part.unitPriceCents,
        vat_rate: r.vat_rate,
        quantity: part.quantity,
        active: r.active === 1,
        mailbox_fit: r.mailbox_fit,
        weight_grams: r.weight_grams,
      });
  }
  return carts;
}

/**
 * Units in stock per product. On PostgreSQL the rows stay locked (in id order) until the transaction ends, so
 * the figures hold while the batch shares them out; SQLite's single writer holds them anyway.
 */
async function readStock(ctx: Ctx, productIds: string[]): Promise<Map<string, number>> {
  if (productIds.length === 0) return new Map();
  let query = ctx.db
    .selectFrom('products')
    .select(['id', 'stock'])
    .where('id', 'in', productIds)
    .orderBy('id');
  if (ctx.db.getExecutor().adapter instanceof PostgresAdapter) query = query.forUpdate();
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.id, r.stock]));
}

/** Takes the accepted orders' units in one guarded update; throws if any product had fewer than counted. */
async function takeStock(ctx: Ctx, accepted: Accepted[]): Promise<void> {
  const taken = new Map<string, number>();
  for (const a of accepted)
    for (const [productId, quantity] of demandByProduct(a.lines))
      taken.set(productId, (taken.get(productId) ?? 0) + quantity);
  const ids = [...taken.keys()];
  const units = sql<number>`case ${sql.ref('id')} ${sql.join(
    ids.map((id) => sql`when ${id} then cast(${taken.get(id)!} as integer)`),
    sql` `,
  )} end`;
  const result = await ctx.db
    .updateTable('products')
    .set((eb) => ({ stock: eb('stock', '-', units) }))
    .where('id', 'in', ids)
    .where('stock', '>=', units)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== ids.length)
    throw new Error('stock changed while it was locked for an order');
}

async function existingCarts(ctx: Ctx, cartIds: string[]): Promise<Set<string>> {
  const rows = await ctx.db.selectFrom('carts').select('id').where('id', 'in', cartIds).execute();
  return new Set(rows.map((r) => r.id));
}

/** Rows per insert: far below SQLite's and PostgreSQL's limits on bound values for any of these tables. */
const ROWS_PER_INSERT = 500;

async function insertAll<T extends keyof Database>(
  ctx: Ctx,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
    await ctx.db
      .insertInto(table)
      .values(rows.slice(i, i + ROWS_PER_INSERT))
      .execute();
}

function itemsOf(lines: Line[]): number {
  return lines.reduce((n, l) => n + l.unit_price_cents * l.quantity, 0);
}

/**
 * Units wanted per product, lines drawing on the same product summed, in product-id order (the
 * order in which rows are locked).
 */
export function demandByProduct(lines: { product_id: string; quantity: number }[]): [string, number][] {
  const demand = new Map<string, number>();
  for (const l of lines) demand.set(l.product_id, (demand.get(l.product_id) ?? 0) + l.quantity);
  return [...demand].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * VAT contained in the gross amounts, per rate; shipping is taxed at the shipping rate. A voucher's discount
 * lowers each rate's items by its share (`discountByRate`); without a discount every line is rounded by itself.
 */
function vatOf(
  lines: Line[],
  shippingCents: number,
  discountByRate: Map<number, number>,
): Record<string, number> {
  const vat: Record<string, number> = {};
  const add = (rate: number, gross: number) => {
    if (rate === 0 || gross === 0) return;
    vat[rate] = (vat[rate] ?? 0) + Math.round((gross * rate) / (100 + rate));
  };
  if (discountByRate.size === 0) for (const l of lines) add(l.vat_rate, l.unit_price_cents * l.quantity);
  else for (const [rate, gross] of grossByRate(lines)) add(rate, gross - (discountByRate.get(rate) ?? 0));
  add(SHIPPING_VAT_RATE, shippingCents);
  return vat;
}

/** The items' gross amount per VAT rate. */
function grossByRate(lines: Line[]): Map<number, number> {
  const gross = new Map<number, number>();
  for (const l of lines)
    gross.set(l.vat_rate, (gross.get(l.vat_rate) ?? 0) + l.unit_price_cents * l.quantity);
  return gross;
}

/**
 * The lookup ranks equally good matches by how often the appliance was ordered: each order counts once for
 * every appliance its lines were bought for. The lookup index picks the new counts up within a minute.
 */
async function countApplianceOrders(ctx: Ctx, accepted: Accepted[]): Promise<void> {
  const counts = new Map<string, number>();
  for (const a of accepted)
    for (const id of new Set(a.lines.map((l) => l.appliance_id)))
      if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
  const byCount = new Map<number, string[]>();
  for (const [id, n] of counts) byCount.set(n, [...(byCount.get(n) ?? []), id]);
  for (const [n, ids] of byCount)
    await ctx.db
      .updateTable('appliances')
      .set((eb) => ({ order_count: eb('order_count', '+', n) }))
      .where('id', 'in', ids)
      .execute();
}
