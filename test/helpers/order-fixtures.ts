import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { addToCart } from '../../src/orders/add-to-cart.ts';
import { checkout, type OrderReceipt } from '../../src/orders/checkout.ts';
import { changeOrderStatus, type OrderActor } from '../../src/orders/order-events.ts';
import type { OrderStatus } from '../../src/orders/order-states.ts';
import { checkoutPayload } from './checkout-bodies.ts';
import type { TestApp } from './test-app.ts';

/**
 * A guest order of `quantity` × `sku` placed through `checkout` (the domain call, not HTTP) with Ann's body from
 * checkout-bodies.ts; `body` replaces or adds fields (another e-mail address). Answers the order's id and number.
 */
export async function placeGuestOrder(
  t: TestApp,
  sku: string,
  quantity = 1,
  body: Record<string, unknown> = {},
): Promise<{ id: string; number: string }> {
  const cart = await addToCart(t.ctx, null, sku, quantity);
  assert.ok(cart.ok);
  const result = await checkout(t.ctx, {
    cartId: cart.cartId,
    idempotencyKey: randomUUID(),
    shipping: t.app.shipping.current,
    body: checkoutPayload(body),
  });
  assert.ok(result.ok, JSON.stringify(result));
  const number = result.receipt.orderNumber;
  const { id } = await t.db
    .selectFrom('orders')
    .select('id')
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
  return { id, number };
}

/** Moves an order along `path`, one status change at a time from the status it has, each asserted to succeed. */
export async function moveOrder(
  t: TestApp,
  orderId: string,
  path: readonly OrderStatus[],
  actor: OrderActor = 'staff',
): Promise<void> {
  for (const to of path) {
    await t.db.transaction().execute(async (trx) => {
      const { status } = await trx
        .selectFrom('orders')
        .select('status')
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow();
      const changed = await changeOrderStatus({ ...t.ctx, db: trx }, { orderId, from: status, to, actor });
      assert.ok(changed.ok, `${status} → ${to}`);
    });
  }
}

/**
 * An order placed through the HTTP API as a customer would: a new cart, `quantity` × `sku` added, checked out in
 * `lang` with Ann's body from checkout-bodies.ts (`body` replaces or adds fields). Asserts each step and answers
 * the receipt.
 */
export async function orderThroughApi(
  t: TestApp,
  options: { sku: string; quantity?: number; lang?: 'nl' | 'en'; body?: Record<string, unknown> },
): Promise<OrderReceipt> {
  const cart = await t.app.inject({ method: 'POST', url: '/api/v1/carts', payload: {} });
  const cartId = (cart.json() as { id: string }).id;
  const added = await t.app.inject({
    method: 'POST',
    url: `/api/v1/carts/${cartId}/lines`,
    payload: { sku: options.sku, quantity: options.quantity ?? 2 },
  });
  assert.ok(added.statusCode < 300, added.body);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/carts/${cartId}/checkout?lang=${options.lang ?? 'en'}`,
    headers: { 'idempotency-key': randomUUID() },
    payload: checkoutPayload(options.body),
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as OrderReceipt;
}
