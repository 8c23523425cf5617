import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import { recordPayment } from '../payments/record-payment.ts';
import { honouredPrice, lockedPrices, releasePriceLocks } from '../replenishment/price-lock.ts';
import { recordRedemptions, redeemCodes } from '../vouchers/apply-codes.ts';
import type { CodeRefusal } from '../vouchers/rules.ts';
import { rememberCheckoutAddress } from './checkout-address.ts';
import type { CheckoutInput } from './checkout-input.ts';
import { deliveryPromise } from './delivery-promise.ts';
import { recordOrderEvent } from './order-events.ts';
import { nextOrderNumber } from './order-number.ts';
import type { OrderStatus } from './order-states.ts';
import {
  calendarFor,
  enabledMethods,
  methodFits,
  SHIPPING_VAT_RATE,
  shippingPrice,
} from './shipping-methods.ts';
import { methodSettings, type ShippingSettings } from './shipping-settings.ts';

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

/**
 * Turns a cart into an order at today's prices. `ctx.db` must be an open transaction: this reserves
 * stock with guarded updates (`stock = stock - n where stock >= n`, one per product in id order, so
 * concurrent orders never deadlock on each other and never sell a unit twice), then writes the order,
 * its lines, its stock movements, its payment record, its 'placed' event and its outbox jobs ('order-confirmation', 'fulfilment'), and empties
 * the cart. A signed-in customer's order carries their id and saves (or refreshes) the address they used. On `ok: false` the caller must roll the transaction back: some stock may have been
 * reserved before a short line was found (`checkout` does this).
 */
export async function placeOrder(ctx: Ctx, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const { checkout } = input;
  const now = ctx.clock.now();
  const at = isoNow(ctx.clock);
  const lines = await readCartLines(ctx, input.cartId);
  if (lines.length === 0) {
    const cart = await ctx.db
      .selectFrom('carts')
      .select('id')
      .where('id', '=', input.cartId)
      .executeTakeFirst();
    return { ok: false, reason: cart ? 'empty-cart' : 'unknown-cart' };
  }
  // a product taken off sale since it was put in the cart can no longer be sold: out of stock
  const inactive = lines.filter((l) => !l.active).map((l) => l.sku);
  if (inactive.length > 0) return { ok: false, reason: 'out-of-stock', skus: inactive };
  const itemsCents = lines.reduce((n, l) => n + l.unit_price_cents * l.quantity, 0);
  const shippable = {
    itemsCents,
    weightGrams: lines.reduce((n, l) => n + l.weight_grams * l.quantity, 0),
    allMailboxFit: lines.every((l) => l.mailbox_fit === 1),
  };
  const method = methodSettings(input.shipping, checkout.shippingMethod);
  if (!method?.enabled) return { ok: false, reason: 'shipping-method-off' };
  if (!methodFits(method, shippable)) {
    const other = enabledMethods(input.shipping).some((m) => methodFits(m, shippable));
    return { ok: false, reason: other ? 'shipping-method-not-available' : 'no-shipping-method' };
  }

  const short = await reserveStock(ctx, lines);
  if (short.length > 0) return { ok: false, reason: 'out-of-stock', skus: short };

  const shippingCents = shippingPrice(input.shipping, method, itemsCents);
  const codes = await redeemCodes(ctx, {
    codes: checkout.codes ?? [],
    email: checkout.email,
    itemsCents,
    shippingCents,
    grossByRate: grossByRate(lines),
    at,
  });
  if (!codes.ok) return { ok: false, reason: 'code-refused', refusal: codes.refusal };
  const { discountCents, giftCardCents, discountByRate } = codes.applied;
  const totalCents = itemsCents + shippingCents - discountCents;
  const calendar = calendarFor(input.shipping, method, ctx.config.shopTimezone);
  const deliveryDate = deliveryPromise(calendar, now).deliveryDate.toString();
  const order: PlacedOrder = {
    id: newId(now.epochMilliseconds),
    number: await nextOrderNumber(ctx, now.toZonedDateTimeISO(calendar.timeZone).year),
    // a gift card that pays it all leaves nothing to wait for
    status: totalCents - giftCardCents === 0 ? 'paid' : 'awaiting_payment',
    email: checkout.email,
    itemsCents,
    shippingCents,
    discountCents,
    totalCents,
    giftCardCents,
    dueCents: totalCents - giftCardCents,
    vatCents: vatOf(lines, shippingCents, discountByRate),
    currency: ctx.config.currency,
    shippingMethod: checkout.shippingMethod,
    paymentMethod: checkout.paymentMethod,
    deliveryDate,
  };
  const { address } = checkout;
  await ctx.db
    .insertInto('orders')
    .values({
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
      items_cents: itemsCents,
      shipping_cents: shippingCents,
      total_cents: order.totalCents,
      vat_json: JSON.stringify(order.vatCents),
      currency: order.currency,
      locale: ctx.locale,
      cart_id: input.cartId,
      idempotency_key: input.idempotencyKey,
      idempotency_claimed_at: input.idempotencyClaimedAt,
      request_hash: input.requestHash,
      customer_id: input.customerId ?? null,
      delivery_date: deliveryDate,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await ctx.db
    .insertInto('order_lines')
    .values(
      lines.map((l) => ({
        id: newId(now.epochMilliseconds),
        order_id: order.id,
        product_id: l.product_id,
        sku: l.sku,
        name: l.name,
        unit_price_cents: l.unit_price_cents,
        vat_rate: l.vat_rate,
        quantity: l.quantity,
        appliance_id: l.appliance_id,
      })),
    )
    .execute();
  const redeemed = await recordRedemptions(ctx, order.id, codes.applied, at);
  if (!redeemed.ok) return { ok: false, reason: 'code-refused', refusal: redeemed.refusal };
  if (input.customerId) await rememberCheckoutAddress(ctx, input.customerId, address);
  await countApplianceOrder(ctx, lines);
  // the payment is for what is left after the gift card; nothing left: it is paid already
  await recordPayment(ctx, { ...order, totalCents: order.dueCents });
  if (order.dueCents === 0)
    await ctx.db.updateTable('payments').set({ status: 'paid' }).where('order_id', '=', order.id).execute();
  await ctx.db
    .insertInto('stock_movements')
    .values(
      demandByProduct(lines).map(([productId, quantity]) => ({
        id: newId(now.epochMilliseconds),
        product_id: productId,
        order_id: order.id,
        delta: -quantity,
        reason: 'sale' as const,
        at,
      })),
    )
    .execute();
  const payload = JSON.stringify({ orderId: order.id, number: order.number, locale: ctx.locale });
  await ctx.db
    .insertInto('jobs')
    .values(
      ['order-confirmation', 'fulfilment'].map((kind) => ({
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
      })),
    )
    .execute();
  await recordOrderEvent(ctx, { orderId: order.id, kind: 'placed', to: order.status, actor: 'customer' });
  await ctx.db.deleteFrom('cart_lines').where('cart_id', '=', input.cartId).execute();
  await releasePriceLocks(ctx, input.cartId);
  return { ok: true, order };
}

async function readCartLines(ctx: Ctx, cartId: string): Promise<Line[]> {
  const rows = await ctx.db
    .selectFrom('cart_lines')
    .innerJoin('products', 'products.id', 'cart_lines.product_id')
    .select([
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
    .where('cart_lines.cart_id', '=', cartId)
    .orderBy('cart_lines.added_at')
    .orderBy('products.sku')
    .execute();
  // a price promised on the line (a reminder's reorder link) is honoured while valid, if lower than today's
  const locks = await lockedPrices(ctx, cartId);
  return rows.map((r) => ({
    product_id: r.product_id,
    appliance_id: r.appliance_id,
    sku: r.sku,
    name: ctx.locale === 'nl' ? r.name_nl : r.name_en,
    unit_price_cents: honouredPrice(r.price_cents, locks.get(r.product_id)),
    vat_rate: r.vat_rate,
    quantity: r.quantity,
    active: r.active === 1,
    mailbox_fit: r.mailbox_fit,
    weight_grams: r.weight_grams,
  }));
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

/** Reserves every product's units; returns the SKUs that were short (then the caller rolls back). */
async function reserveStock(ctx: Ctx, lines: Line[]): Promise<string[]> {
  const short: string[] = [];
  for (const [productId, quantity] of demandByProduct(lines)) {
    const result = await ctx.db
      .updateTable('products')
      .set((eb) => ({ stock: eb('stock', '-', quantity) }))
      .where('id', '=', productId)
      .where('stock', '>=', quantity)
      .executeTakeFirst();
    if (result.numUpdatedRows !== 1n)
      short.push(...lines.filter((l) => l.product_id === productId).map((l) => l.sku));
  }
  return short;
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
async function countApplianceOrder(ctx: Ctx, lines: { appliance_id: string | null }[]): Promise<void> {
  const ids = [...new Set(lines.map((l) => l.appliance_id).filter((id): id is string => id !== null))];
  if (ids.length === 0) return;
  await ctx.db
    .updateTable('appliances')
    .set((eb) => ({ order_count: eb('order_count', '+', 1) }))
    .where('id', 'in', ids)
    .execute();
}
