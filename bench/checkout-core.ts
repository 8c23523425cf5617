/**
 * `node --import tsx bench/checkout-core.ts` — the checkout use case alone, in one process, no HTTP: how many
 * orders per second `checkout()` takes on a SQLite file (WAL, synchronous=NORMAL) or on PostgreSQL (PG_URL).
 * For finding where a checkout's time goes (add --cpu-prof); bench:checkout is the figure that counts.
 * Options: --orders=N (3000), --concurrency=C (64), --db=sqlite|postgres.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { systemClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import type { Ctx } from '../src/context.ts';
import { openDb } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { addToCart } from '../src/orders/add-to-cart.ts';
import { checkout } from '../src/orders/checkout.ts';
import { createCart } from '../src/orders/create-cart.ts';
import { loadShippingSettings } from '../src/orders/load-shipping-settings.ts';
import { checkoutBody, pool, seedCheckoutShop } from './checkout-fixtures.ts';

const { values: opts } = parseArgs({
  options: {
    orders: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '64' },
    db: { type: 'string', default: 'sqlite' },
  },
});
const orders = Number(opts.orders);
const concurrency = Number(opts.concurrency);
const dir = mkdtempSync(join(tmpdir(), 'toonbank-core-'));
const pgUrl = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_${randomBytes(4).toString('hex')}`;
const url = opts.db === 'postgres' ? pgUrl : `sqlite:${join(dir, 'bench.db')}`;
if (opts.db === 'postgres') {
  const admin = openDb(pgUrl, { poolSize: 1 });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  await admin.destroy();
}
const pgOptions = opts.db === 'postgres' ? { schema } : {};
const db = openDb(url, { ...pgOptions, poolSize: 20 });
await migrateToLatest(db, pgOptions);
const config = loadConfig(
  { LOG_LEVEL: 'silent', DATA_DIR: dir, SEED_DEMO: 'false' },
  { sessionSecret: randomBytes(32).toString('hex'), databaseUrl: url },
);
const ctx: Ctx = { db, clock: systemClock, config, locale: 'nl' };
const shipping = await loadShippingSettings(ctx);
await seedCheckoutShop(db);
async function round(n: number): Promise<number> {
  const carts: string[] = [];
  await pool(n, concurrency, async (i) => {
    const id = await createCart(ctx);
    await addToCart(ctx, id, `BENCH-${i % 50}`, 1);
    carts[i] = id;
  });
  const t0 = performance.now();
  let failed = 0;
  await pool(n, concurrency, async (i) => {
    const r = await checkout(ctx, {
      cartId: carts[i]!,
      idempotencyKey: randomUUID(),
      body: checkoutBody,
      shipping,
    });
    if (!r.ok) failed++;
  });
  if (failed) console.log(`${failed} failed`);
  return n / ((performance.now() - t0) / 1000);
}
await round(300);
const rate = await round(orders);
console.log(
  `${opts.db}: ${rate.toFixed(0)} orders/s (${((1000 / rate) * 1000).toFixed(0)} µs per order), concurrency ${concurrency}`,
);
await db.destroy();
if (opts.db === 'postgres') {
  const admin = openDb(pgUrl, { poolSize: 1 });
  await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
  await admin.destroy();
}
rmSync(dir, { recursive: true, force: true });
