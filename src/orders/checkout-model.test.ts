import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { checkInvariants } from '../../test/helpers/order-invariants.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { addToCart } from './add-to-cart.ts';
import { type CheckoutResult, checkout } from './checkout.ts';
import { setCartQuantity } from './set-cart-quantity.ts';

/** FC_RUNS raises the number of generated histories (100 by default, for CI). */
const RUNS = Number(process.env.FC_RUNS ?? 100);
const PRODUCTS = 3;
const CARTS = 3;

const body = {
  email: 'model@example.nl',
  address: {
    name: 'M',
    street: 'Straat',
    houseNumber: '1',
    postcode: '1234 AB',
    city: 'Stad',
    country: 'NL',
  },
  shippingMethod: 'parcel',
  paymentMethod: 'bank-transfer',
};

type Op =
  | { kind: 'add'; cart: number; product: number; quantity: number }
  | { kind: 'set'; cart: number; product: number; quantity: number }
  | { kind: 'checkout'; carts: number[] }
  | { kind: 'repeat'; attempt: number };

/** The simple model: stock per product, lines per cart, the stored answer per key. */
type Model = {
  stock: number[];
  carts: Map<number, number>[];
  orders: number;
  stored: Map<string, 'ok' | 'out'>;
};

type Outcome = 'ok' | 'out' | 'empty';

function modelCheckout(m: Model, cart: number): Outcome {
  const lines = m.carts[cart]!;
  if (lines.size === 0) return 'empty';
  for (const [p, q] of lines) if (m.stock[p]! < q) return 'out';
  for (const [p, q] of lines) m.stock[p] = m.stock[p]! - q;
  lines.clear();
  m.orders++;
  return 'ok';
}

function clone(m: Model): Model {
  return {
    stock: [...m.stock],
    carts: m.carts.map((c) => new Map(c)),
    orders: m.orders,
    stored: new Map(m.stored),
  };
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]),
  );
}

function outcomeOf(r: CheckoutResult): Outcome {
  if (r.ok) return 'ok';
  if (r.reason === 'out-of-stock') return 'out';
  if (r.reason === 'empty-cart') return 'empty';
  throw new Error(`unexpected checkout result ${JSON.stringify(r)}`);
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    cart: fc.nat(CARTS - 1),
    product: fc.nat(PRODUCTS - 1),
    quantity: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('set' as const),
    cart: fc.nat(CARTS - 1),
    product: fc.nat(PRODUCTS - 1),
    quantity: fc.nat(3),
  }),
  fc.record({
    kind: fc.constant('checkout' as const),
    carts: fc.uniqueArray(fc.nat(CARTS - 1), { minLength: 1, maxLength: CARTS }),
  }),
  fc.record({ kind: fc.constant('repeat' as const), attempt: fc.nat(20) }),
);

describe('cart, stock and orders against a simple model', () => {
  let t: TestApp;
  const initial = new Map<string, number>();
  let run = 0;
  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
  });
  after(() => t.close());

  it(`agrees with the model under random histories and concurrent checkouts (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: PRODUCTS, maxLength: PRODUCTS }),
        fc.array(opArb, { minLength: 1, maxLength: 25 }),
        async (stock, ops) => {
          run++;
          const skus = stock.map((_, i) => `M${run}-${i}`);
          for (const [i, sku] of skus.entries()) {
            await addProduct(t.ctx, { sku, nameNl: sku, nameEn: sku, stock: stock[i]!, priceCents: 100 + i });
            initial.set(sku, stock[i]!);
          }
          const cartIds: string[] = [];
          for (let c = 0; c < CARTS; c++) {
            const added = await addToCart(t.ctx, null, skus[0]!, 1);
            assert.ok(added.ok);
            await setCartQuantity(t.ctx, added.cartId, skus[0]!, 0);
            cartIds.push(added.cartId);
          }
          const model: Model = {
            stock: [...stock],
            carts: cartIds.map(() => new Map()),
            orders: 0,
            stored: new Map(),
          };
          const attempts: { key: string; cart: number }[] = [];
          let modelState = model;

          for (const op of ops) {
            if (op.kind === 'add') {
              await addToCart(t.ctx, cartIds[op.cart]!, skus[op.product]!, op.quantity);
              const lines = modelState.carts[op.cart]!;
              lines.set(op.product, Math.min(99, (lines.get(op.product) ?? 0) + op.quantity));
            } else if (op.kind === 'set') {
              await setCartQuantity(t.ctx, cartIds[op.cart]!, skus[op.product]!, op.quantity);
              const lines = modelState.carts[op.cart]!;
              if (lines.has(op.product)) {
                if (op.quantity === 0) lines.delete(op.product);
                else lines.set(op.product, op.quantity);
              }
            } else if (op.kind === 'checkout') {
              const keys = op.carts.map((cart) => {
                const key = `${run}-${attempts.length}`;
                attempts.push({ key, cart });
                return key;
              });
              const results = await Promise.all(
                op.carts.map((cart, i) =>
                  checkout(t.ctx, {
                    cartId: cartIds[cart]!,
                    idempotencyKey: keys[i]!,
                    body,
                    shipping: t.app.shipping.current,
                  }),
                ),
              );
              const actual = results.map(outcomeOf);
              // concurrent checkouts must agree with one of their serial orders
              const serial = permutations(op.carts.map((_, i) => i)).map((order) => {
                const m = clone(modelState);
                const outcomes: Outcome[] = [];
                for (const i of order) outcomes[i] = modelCheckout(m, op.carts[i]!);
                return { m, outcomes };
              });
              const match = serial.find((s) => s.outcomes.every((o, i) => o === actual[i]));
              assert.ok(match, `no serial order explains ${JSON.stringify(actual)}`);
              modelState = match.m;
              actual.forEach((o, i) => {
                if (o !== 'empty') modelState.stored.set(keys[i]!, o);
              });
            } else {
              const attempt = attempts[op.attempt % Math.max(1, attempts.length)];
              if (!attempt) continue;
              const result = await checkout(t.ctx, {
                cartId: cartIds[attempt.cart]!,
                idempotencyKey: attempt.key,
                body,
                shipping: t.app.shipping.current,
              });
              const stored = modelState.stored.get(attempt.key);
              if (stored) {
                assert.equal(outcomeOf(result), stored, 'a repeat returns the stored answer');
                assert.ok(!result.ok || result.replayed);
              } else {
                const expected = modelCheckout(modelState, attempt.cart);
                assert.equal(outcomeOf(result), expected);
                if (expected !== 'empty') modelState.stored.set(attempt.key, expected);
              }
            }

            const products = await t.db
              .selectFrom('products')
              .select(['sku', 'stock'])
              .where('sku', 'in', skus)
              .execute();
            for (const p of products)
              assert.equal(p.stock, modelState.stock[skus.indexOf(p.sku)], `stock of ${p.sku}`);
            for (const [c, id] of cartIds.entries()) {
              const lines = await t.db
                .selectFrom('cart_lines')
                .innerJoin('products', 'products.id', 'cart_lines.product_id')
                .select(['products.sku', 'cart_lines.quantity'])
                .where('cart_id', '=', id)
                .execute();
              const expected = [...modelState.carts[c]!].map(([p, q]) => [skus[p]!, q]).sort();
              assert.deepEqual(lines.map((l) => [l.sku, l.quantity]).sort(), expected, `cart ${c}`);
            }
            const orders = await t.db
              .selectFrom('orders')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('cart_id', 'in', cartIds)
              .executeTakeFirstOrThrow();
            assert.equal(Number(orders.n), modelState.orders, 'orders');
          }
        },
      ),
      { numRuns: RUNS },
    );
    await checkInvariants(t.ctx, initial);
  });
});
