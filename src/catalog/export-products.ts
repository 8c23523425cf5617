import { stringify } from 'csv-stringify/sync';
import type { Ctx } from '../context.ts';
import { PRODUCT_CSV_COLUMNS } from './product-csv.ts';

/** Every product as CSV in the import format (so export → import is a no-op), ordered by SKU. */
export async function exportProducts(ctx: Ctx): Promise<string> {
  const rows = await ctx.db
    .selectFrom('products')
    .innerJoin('categories', 'categories.id', 'products.category_id')
    .select([
      'products.sku',
      'products.name_nl',
      'products.name_en',
      'categories.slug as category',
      'products.price_cents',
      'products.vat_rate',
      'products.stock',
      'products.mailbox_fit',
      'products.weight_grams',
      'products.description_nl',
      'products.description_en',
    ])
    .orderBy('products.sku')
    .execute();
  return stringify(
    rows.map((r) => [
      r.sku,
      r.name_nl,
      r.name_en,
      r.category,
      r.price_cents,
      r.vat_rate,
      r.stock,
      r.mailbox_fit ? 'true' : 'false',
      r.weight_grams,
      r.description_nl,
      r.description_en,
    ]),
    { header: true, columns: [...PRODUCT_CSV_COLUMNS], quoted_match: /[",\n\r]/, record_delimiter: 'unix' },
  );
}
