import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { checkInvariants } from '../../test/helpers/order-invariants.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { addToCart } from './add-to-cart.ts';
import { checkout } from './checkout.ts';
import { createCart } from './create-cart.ts';

function body(email = 'ann@example.nl') {
  return {
    email,
    address: {
      name: 'Ann de Vries',
      street: 'Dorpsstraat',
      houseNumber: '12',
      postcode: '1234 AB',
      city: 'Utrecht',
      country: 'NL',
    },
    shippingMethod: 'parcel',
    paymentMethod: 'bank-transfer',
  };
}

/** Counts the inserts into `orders` that pass through the handle. */
function orderInserts(): { plugin: KyselyPlugin; count: () => number } {
  let n = 0;
  return {
    count: () => n,
    plugin: {
      transformQuery(args) {
        const node = args.node as { kind: string; into?: { table: { identifier: { name: string } } } };
        if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === 'orders') n++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    },
  };
}

describe('checkouts placed together (group commit)', () => {
  let t: TestApp;
  const initial = new Map<string, number>();

  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
  });
  after(() => t.close());

  async function product(sku: string, stock: number): Promise<string> {
    await addProduct(t.ctx, { sku, nameNl: `Zak ${sku}`, nameEn: `Bag ${sku}`, priceCents: 1295, stock });
    initial.set(sku, stock);
    return sku;
  }

  async function cartWith(sku: string): Promise<string> {
    const added = await addToCart(t.ctx, null, sku, 1);
    assert.ok(added.ok);
    return added.cartId;
  }

  it('gives every checkout arriving at once its own answer, as if placed one after the other', async () => {
    const scarce = await product('BATCH-SCARCE', 2);
    const plenty = await product('BATCH-PLENTY', 100);
    const scarceCarts = await Promise.all(Array.from({ length: 5 }, () => cartWith(scarce)));
    const shared = await cartWith(plenty);
    const empty = await createCart(t.ctx);
    const sharedKey = randomUUID();
    const counter = orderInserts();
    const ctx = { ...t.ctx, db: t.db.withPlugin(counter.plugin) };
    const go = (cartId: string, key = randomUUID()) =>
      checkout(ctx, { cartId, idempotencyKey: key, body: body(), shipping: t.app.shipping.current });

    // all submitted before any is placed: they share one transaction
    const [a, b, c, d, e, first, repeat, otherKey, unknown, none] = await Promise.all([
      ...scarceCarts.map((id) => go(id)),
      go(shared, sharedKey),
      go(shared, sharedKey),
      go(shared),
      go('c_unknownunknownunknown00'),
      go(empty),
    ]);

    // stock goes to the earlier checkouts
    assert.ok(a!.ok && b!.ok, 'the first two get the two units');
    for (const r of [c, d, e]) {
      assert.ok(!r!.ok && r!.reason === 'out-of-stock', JSON.stringify(r));
      assert.deepEqual(r.skus, [scarce]);
    }
    // a repeat of a key in the same batch gets the first one's order, replayed
    assert.ok(first?.ok && repeat?.ok);
    assert.equal(repeat.receipt.orderNumber, first.receipt.orderNumber);
    assert.equal(repeat.replayed, true);
    // a second key for a cart that an earlier checkout of the batch ordered finds it empty
    assert.deepEqual(otherKey, { ok: false, reason: 'empty-cart' });
    assert.deepEqual(unknown, { ok: false, reason: 'unknown-cart' });
    assert.deepEqual(none, { ok: false, reason: 'empty-cart' });

    const numbers = [a, b, first].map((r) => (r!.ok ? r!.receipt.orderNumber : ''));
    assert.equal(new Set(numbers).size, 3, 'three orders, three numbers');
    assert.equal(counter.count(), 1, 'the three orders were written by one insert');
    await checkInvariants(t.ctx, initial);

    // the stored answers replay later, one by one
    const again = await checkout(t.ctx, {
      cartId: scarceCarts[2]!,
      idempotencyKey: randomUUID(),
      body: body(),
      shipping: t.app.shipping.current,
    });
    assert.ok(!again.ok && again.reason === 'out-of-stock');
  });

  it('orders a cart once when two keys check it out in overlapping transactions', async () => {
    const sku = await product('BATCH-TWICE', 10);
    for (let round = 0; round < 5; round++) {
      const cartId = await cartWith(sku);
      const first = checkout(t.ctx, {
        cartId,
        idempotencyKey: randomUUID(),
        body: body(),
        shipping: t.app.shipping.current,
      });
      // the second arrives once the first batch is on its way (on PostgreSQL: in a second transaction)
      await new Promise((r) => setImmediate(r));
      const second = checkout(t.ctx, {
        cartId,
        idempotencyKey: randomUUID(),
        body: body(),
        shipping: t.app.shipping.current,
      });
      const results = await Promise.all([first, second]);
      assert.equal(results.filter((r) => r.ok).length, 1, JSON.stringify(results));
      assert.ok(
        results.some((r) => !r.ok && r.reason === 'empty-cart'),
        JSON.stringify(results),
      );
    }
    await checkInvariants(t.ctx, initial);
  });

  it('keeps the out-of-stock answer of a batch for its key', async () => {
    const sku = await product('BATCH-ONE', 1);
    const carts = await Promise.all([cartWith(sku), cartWith(sku)]);
    const keys = [randomUUID(), randomUUID()];
    const results = await Promise.all(
      carts.map((cartId, i) =>
        checkout(t.ctx, { cartId, idempotencyKey: keys[i]!, body: body(), shipping: t.app.shipping.current }),
      ),
    );
    assert.ok(results[0]!.ok);
    assert.ok(!results[1]!.ok && results[1]!.reason === 'out-of-stock');
    const replay = await checkout(t.ctx, {
      cartId: carts[1]!,
      idempotencyKey: keys[1]!,
      body: body(),
      shipping: t.app.shipping.current,
    });
    assert.ok(!replay.ok && replay.reason === 'out-of-stock' && replay.replayed);
  });

  it('places the others when one checkout of the batch fails, and fails only that one', async () => {
    const sku = await product('BATCH-FAIL', 10);
    const carts = await Promise.all(Array.from({ length: 4 }, () => cartWith(sku)));
    // the database refuses any insert carrying this address, as a broken row would
    const refusing: KyselyPlugin = {
      transformQuery(args) {
        if (JSON.stringify(args.node).includes('boom@example.nl')) throw new Error('refused row');
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const ctx = { ...t.ctx, db: t.db.withPlugin(refusing) };
    const results = await Promise.allSettled(
      carts.map((cartId, i) =>
        checkout(ctx, {
          cartId,
          idempotencyKey: randomUUID(),
          body: body(i === 1 ? 'boom@example.nl' : `buyer${i}@example.nl`),
          shipping: t.app.shipping.current,
        }),
      ),
    );
    assert.equal(results[1]!.status, 'rejected');
    for (const i of [0, 2, 3]) {
      const r = results[i]!;
      assert.ok(r.status === 'fulfilled' && r.value.ok, `checkout ${i}: ${JSON.stringify(r)}`);
    }
    const stock = await t.db
      .selectFrom('products')
      .select('stock')
      .where('sku', '=', sku)
      .executeTakeFirstOrThrow();
    assert.equal(stock.stock, 7, 'only the three placed orders took stock');
    const lines = await t.db
      .selectFrom('cart_lines')
      .select('cart_id')
      .where('cart_id', 'in', carts)
      .execute();
    assert.deepEqual(
      lines.map((l) => l.cart_id),
      [carts[1]],
      'the failed checkout keeps its cart',
    );
    await checkInvariants(t.ctx, initial);
  });
});
