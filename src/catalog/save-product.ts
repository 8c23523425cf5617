import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import type { ProductInput } from './product-rules.ts';
import { searchText, slugify } from './search-text.ts';

export type SaveResult = { id: string; created: boolean; priceChanged: boolean };

/**
 * Creates or updates a product by SKU (the CSV import's idempotency key). A new price is recorded in the price
 * history, so the Omnibus "lowest price of 30 days" is always computed from what customers actually saw.
 * Call inside a transaction when several products must change together.
 * `categoryIds` maps category slug → id (the caller looks them up once for a whole import).
 */
export async function saveProduct(
  ctx: Ctx,
  input: ProductInput,
  categoryIds: ReadonlyMap<string, string>,
): Promise<SaveResult> {
  const categoryId = categoryIds.get(input.categorySlug);
  if (!categoryId) throw new Error(`unknown category ${input.categorySlug}`);
  const now = isoNow(ctx.clock);
  const columns = {
    category_id: categoryId,
    name_nl: input.nameNl,
    name_en: input.nameEn,
    description_nl: input.descriptionNl,
    description_en: input.descriptionEn,
    price_cents: input.priceCents,
    vat_rate: input.vatRate,
    stock: input.stock,
    mailbox_fit: input.mailboxFit ? 1 : 0,
    weight_grams: input.weightGrams,
    length_mm: input.lengthMm,
    width_mm: input.widthMm,
    height_mm: input.heightMm,
    active: input.active ? 1 : 0,
    search_text: searchText(input.sku, input.nameNl, input.nameEn, input.descriptionNl, input.descriptionEn),
    updated_at: now,
  };
  const existing = await ctx.db
    .selectFrom('products')
    .select(['id', 'price_cents'])
    .where('sku', '=', input.sku)
    .executeTakeFirst();
  if (existing) {
    await ctx.db.updateTable('products').set(columns).where('id', '=', existing.id).execute();
    const priceChanged = existing.price_cents !== input.priceCents;
    if (priceChanged) await recordPrice(ctx, existing.id, input.priceCents, now);
    return { id: existing.id, created: false, priceChanged };
  }
  const id = newId();
  await ctx.db
    .insertInto('products')
    .values({
      id,
      sku: input.sku,
      slug: `${slugify(input.nameNl)}-${slugify(input.sku)}`,
      created_at: now,
      ...columns,
    })
    .execute();
  await recordPrice(ctx, id, input.priceCents, now);
  return { id, created: true, priceChanged: true };
}

async function recordPrice(
  ctx: Ctx,
  productId: string,
  priceCents: number,
  validFrom: string,
): Promise<void> {
  await ctx.db
    .insertInto('price_history')
    .values({ id: newId(), product_id: productId, price_cents: priceCents, valid_from: validFrom })
    .execute();
}

/** Category slug → id, for saveProduct and imports. */
export async function categoryIdsBySlug(ctx: Ctx): Promise<Map<string, string>> {
  const rows = await ctx.db.selectFrom('categories').select(['id', 'slug']).execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}
