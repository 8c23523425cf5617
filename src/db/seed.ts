import { seedDemoAppliances } from '../appliances/seed-demo-appliances.ts';
import { type DemoProduct, demoCategories, demoProducts } from '../catalog/demo-products.ts';
import { searchText, slugify } from '../catalog/search-text.ts';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from './ids.ts';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Fills an empty shop with the demo catalogue (deterministic: the same products, prices and price history every
 * time), then an empty appliance registry with the demo appliances when the demo products are there. Does
 * nothing to what already has data, so it is safe to call at every start.
 */
export async function seedDemo(ctx: Ctx): Promise<{ seeded: boolean; products: number; appliances: number }> {
  const products = demoProducts();
  const catalog = await seedCatalog(ctx, products);
  const first = products[0]
    ? await ctx.db.selectFrom('products').select('id').where('sku', '=', products[0].sku).execute()
    : [];
  const appliances = first.length > 0 ? await seedDemoAppliances(ctx, products) : 0;
  return { seeded: catalog.seeded || appliances > 0, products: catalog.products, appliances };
}

async function seedCatalog(
  ctx: Ctx,
  products: DemoProduct[],
): Promise<{ seeded: boolean; products: number }> {
  const existing = await ctx.db.selectFrom('categories').select('id').limit(1).execute();
  if (existing.length > 0) return { seeded: false, products: 0 };
  const now = isoNow(ctx.clock);
  const nowMs = ctx.clock.now().epochMilliseconds;
  await ctx.db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    for (const c of demoCategories()) {
      const id = newId();
      ids.set(c.slug, id);
      await trx
        .insertInto('categories')
        .values({
          id,
          slug: c.slug,
          name_nl: c.nameNl,
          name_en: c.nameEn,
          description_nl: c.descriptionNl,
          description_en: c.descriptionEn,
          position: c.position,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    for (const p of products) {
      const id = newId();
      await trx
        .insertInto('products')
        .values({
          id,
          sku: p.sku,
          slug: `${slugify(p.nameNl)}-${slugify(p.sku)}`,
          category_id: ids.get(p.categorySlug)!,
          name_nl: p.nameNl,
          name_en: p.nameEn,
          description_nl: p.descriptionNl,
          description_en: p.descriptionEn,
          price_cents: p.priceCents,
          vat_rate: p.vatRate,
          stock: p.stock,
          mailbox_fit: p.mailboxFit ? 1 : 0,
          weight_grams: p.weightGrams,
          length_mm: p.lengthMm,
          width_mm: p.widthMm,
          height_mm: p.heightMm,
          active: 1,
          search_text: searchText(p.sku, p.nameNl, p.nameEn, p.descriptionNl, p.descriptionEn),
          created_at: now,
          updated_at: now,
        })
        .execute();
      // History, oldest first; the current price starts a day after the last earlier price (or 90 days ago).
      const history = p.priceHistory.map((h) => ({
        priceCents: h.priceCents,
        from: nowMs - h.daysAgo * DAY_MS,
      }));
      const currentFrom =
        history.length > 0 ? Math.min(nowMs, history.at(-1)!.from + DAY_MS) : nowMs - 90 * DAY_MS;
      for (const h of [...history, { priceCents: p.priceCents, from: currentFrom }]) {
        await trx
          .insertInto('price_history')
          .values({
            id: newId(),
            product_id: id,
            price_cents: h.priceCents,
            valid_from: new Date(h.from).toISOString(),
          })
          .execute();
      }
    }
  });
  return { seeded: true, products: products.length };
}
