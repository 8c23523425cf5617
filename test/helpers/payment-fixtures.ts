import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { addToCart } from '../../src/orders/add-to-cart.ts';
import type { PaymentTable } from '../../src/payments/tables.ts';
import { addCategory, addProduct } from './catalog-fixtures.ts';
import { checkoutPayload } from './checkout-bodies.ts';
import { type MollieStandIn, startMollieStandIn } from './mollie-stand-in.ts';
import { startTestApp, type TestApp } from './test-app.ts';

export type PaymentShop = {
  t: TestApp;
  mollie: MollieStandIn;
  /** Stock per SKU as created, for checkInvariants. */
  initial: Map<string, number>;
  /** A fresh product with stock and a cart holding `quantity` of it; returns the cart id. */
  cartWith(quantity?: number): Promise<string>;
  /** Checks out a fresh cart through the API with this payment method; answers the response. */
  buy(paymentMethod: string, key?: string): Promise<{ statusCode: number; json: Record<string, unknown> }>;
  orderByNumber(number: string): Promise<{ id: string; status: string; total_cents: number }>;
  paymentsOf(orderId: string): Promise<PaymentTable[]>;
  close(): Promise<void>;
};

/** A shop with Mollie configured against a local stand-in whose webhooks go to the shop through `app.inject`. */
export async function startPaymentShop(): Promise<PaymentShop> {
  let app: TestApp['app'] | null = null;
  const mollie = await startMollieStandIn({
    deliver: async (url, form) =>
      (
        await app!.inject({
          method: 'POST',
          url: new URL(url).pathname,
          payload: form,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).statusCode,
  });
  const t = await startTestApp({
    mollieApiKey: 'test_standin00000000000000000000',
    mollieApiUrl: mollie.apiUrl,
  });
  app = t.app;
  await addCategory(t.ctx, 'bags');
  const initial = new Map<string, number>();
  let n = 0;

  const shop: PaymentShop = {
    t,
    mollie,
    initial,
    async cartWith(quantity = 1) {
      const sku = `PAY-${++n}`;
      await addProduct(t.ctx, {
        sku,
        nameNl: `Zak ${sku}`,
        nameEn: `Bag ${sku}`,
        priceCents: 1295,
        stock: 10,
      });
      initial.set(sku, 10);
      const added = await addToCart(t.ctx, null, sku, quantity);
      assert.ok(added.ok);
      return added.cartId;
    },
    async buy(paymentMethod, key = randomUUID()) {
      const cartId = await shop.cartWith();
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/carts/${cartId}/checkout?lang=en`,
        headers: { 'idempotency-key': key },
        payload: checkoutPayload({ paymentMethod }),
      });
      return { statusCode: res.statusCode, json: res.json() };
    },
    orderByNumber: (number) =>
      t.db
        .selectFrom('orders')
        .select(['id', 'status', 'total_cents'])
        .where('number', '=', number)
        .executeTakeFirstOrThrow(),
    paymentsOf: (orderId) =>
      t.db
        .selectFrom('payments')
        .selectAll()
        .where('order_id', '=', orderId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    async close() {
      await t.close();
      await mollie.close();
    },
  };
  return shop;
}
