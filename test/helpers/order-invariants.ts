import assert from 'node:assert/strict';
import type { Ctx } from '../../src/context.ts';

/**
 * The order invariants of RELIABILITY.md, checked against the database:
 * I1 stock ≥ 0 for every product; I2 initial stock = current stock − Σ movements (sales are negative,
 * returns and restocks positive) for the products in `initialStock` (by SKU), and units sold per
 * product = units on order lines; I3 every order has its lines, its sale movements matching them, both
 * outbox jobs, its payment record and consistent totals, and every stored 201 answer points at an existing order.
 * Throws an AssertionError naming the first broken invariant.
 */
export async function checkInvariants(
  ctx: Pick<Ctx, 'db'>,
  initialStock: Map<string, number>,
): Promise<void> {
  const { db } = ctx;
  const products = await db.selectFrom('products').select(['id', 'sku', 'stock']).execute();
  for (const p of products) assert.ok(p.stock >= 0, `I1: ${p.sku} has stock ${p.stock}`);

  const movements = await db
    .selectFrom('stock_movements')
    .select(['product_id', 'order_id', 'delta', 'reason'])
    .execute();
  const lines = await db
    .selectFrom('order_lines')
    .select(['order_id', 'product_id', 'quantity', 'unit_price_cents'])
    .execute();
  for (const p of products) {
    const initial = initialStock.get(p.sku);
    if (initial === undefined) continue;
    const mine = movements.filter((m) => m.product_id === p.id);
    const net = mine.reduce((n, m) => n + m.delta, 0);
    assert.equal(
      p.stock - net,
      initial,
      `I2: ${p.sku} initial ${initial} ≠ current ${p.stock} − movements ${net}`,
    );
    const sold = mine.filter((m) => m.reason === 'sale').reduce((n, m) => n - m.delta, 0);
    const onLines = lines.filter((l) => l.product_id === p.id).reduce((n, l) => n + l.quantity, 0);
    assert.equal(sold, onLines, `I2: ${p.sku} sold ${sold} but order lines hold ${onLines}`);
  }

  const orders = await db
    .selectFrom('orders')
    .select(['id', 'number', 'items_cents', 'shipping_cents', 'total_cents'])
    .execute();
  const redemptions = await db
    .selectFrom('voucher_redemptions')
    .select(['order_id', 'kind', 'amount_cents'])
    .execute();
  const jobs = await db.selectFrom('jobs').select(['kind', 'idempotency_key']).execute();
  const jobKeys = new Set(jobs.map((j) => j.idempotency_key));
  const payments = await db.selectFrom('payments').select(['order_id']).execute();
  const paymentOrders = new Set(payments.map((p) => p.order_id));
  for (const o of orders) {
    const own = lines.filter((l) => l.order_id === o.id);
    assert.ok(own.length > 0, `I3: order ${o.number} has no lines`);
    assert.equal(
      own.reduce((n, l) => n + l.unit_price_cents * l.quantity, 0),
      o.items_cents,
      `I3: ${o.number} items total`,
    );
    // a voucher's discount lowers the total; a gift card is a payment and leaves it as it is
    const discount = redemptions
      .filter((r) => r.order_id === o.id && r.kind === 'voucher')
      .reduce((n, r) => n + r.amount_cents, 0);
    assert.equal(o.items_cents + o.shipping_cents - discount, o.total_cents, `I3: ${o.number} total`);
    const perProduct = new Map<string, number>();
    for (const l of own) perProduct.set(l.product_id, (perProduct.get(l.product_id) ?? 0) + l.quantity);
    const returned = new Map<string, number>();
    for (const m of movements.filter((x) => x.order_id === o.id)) {
      if (m.reason === 'sale') perProduct.set(m.product_id, (perProduct.get(m.product_id) ?? 0) + m.delta);
      else returned.set(m.product_id, (returned.get(m.product_id) ?? 0) + m.delta);
    }
    for (const [product, left] of perProduct)
      assert.ok(left === 0, `I3: ${o.number} sale movements ≠ lines for ${product}`);
    // a cancel or return puts back at most what the order took, once
    for (const [product, back] of returned) {
      const took = own.filter((l) => l.product_id === product).reduce((n, l) => n + l.quantity, 0);
      assert.ok(back >= 0 && back <= took, `I3: ${o.number} returned ${back} of ${took} for ${product}`);
    }
    assert.ok(paymentOrders.has(o.id), `I3: ${o.number} has no payment record`);
    for (const kind of ['order-confirmation', 'fulfilment']) {
      assert.ok(jobKeys.has(`${kind}:${o.id}`), `I3: ${o.number} has no ${kind} job`);
    }
  }
  const orderIds = new Set(orders.map((o) => o.id));
  for (const m of movements)
    if (m.order_id) assert.ok(orderIds.has(m.order_id), 'I3: movement of a missing order');
  const numbers = new Set(orders.map((o) => o.number));
  const stored = await db
    .selectFrom('idempotency_keys')
    .select(['key', 'status_code', 'response_json'])
    .execute();
  for (const k of stored) {
    assert.notEqual(k.status_code, 0, `I3: key ${k.key} committed without an answer`);
    if (k.status_code === 201) {
      const number = (JSON.parse(k.response_json) as { orderNumber: string }).orderNumber;
      assert.ok(numbers.has(number), `I3: key ${k.key} answers ${number}, which does not exist`);
    }
  }
}
