import type { Db } from '../src/db/database.ts';
import { newId } from '../src/db/ids.ts';

/** Products the benchmarks' customers buy: BENCH-0 … BENCH-49, each with plenty of stock. */
export const PRODUCTS = 50;

/**
 * A category, PRODUCTS plenty-in-stock products and one with 5 units (LAST-UNITS), for the checkout benchmarks.
 */
export async function seedCheckoutShop(db: Db): Promise<void> {
  const now = new Date().toISOString();
  const category = newId();
  await db
    .insertInto('categories')
    .values({
      id: category,
      slug: 'bench',
      name_nl: 'Bench',
      name_en: 'Bench',
      description_nl: '',
      description_en: '',
      position: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const product = (sku: string, stock: number) => ({
    id: newId(),
    sku,
    slug: sku.toLowerCase(),
    category_id: category,
    name_nl: sku,
    name_en: sku,
    description_nl: '',
    description_en: '',
    price_cents: 1295,
    vat_rate: 21,
    stock,
    mailbox_fit: 1,
    weight_grams: 100,
    length_mm: null,
    width_mm: null,
    height_mm: null,
    active: 1,
    search_text: sku.toLowerCase(),
    created_at: now,
    updated_at: now,
  });
  await db
    .insertInto('products')
    .values([
      ...Array.from({ length: PRODUCTS }, (_, i) => product(`BENCH-${i}`, 1_000_000)),
      product('LAST-UNITS', 5),
    ])
    .execute();
}

/** A valid checkout body for a mailbox parcel paid by bank transfer. */
export const checkoutBody = {
  email: 'bench@example.nl',
  address: {
    name: 'Bench',
    street: 'Dorpsstraat',
    houseNumber: '1',
    postcode: '1234 AB',
    city: 'Utrecht',
    country: 'NL',
  },
  shippingMethod: 'mailbox',
  paymentMethod: 'bank-transfer',
};

/** Runs `work(i)` for i in [0, count) with at most `concurrency` at a time. */
export async function pool<T>(
  count: number,
  concurrency: number,
  work: (i: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await work(i);
      }
    }),
  );
  return results;
}
