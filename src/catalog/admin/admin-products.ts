import type { Ctx } from '../../context.ts';
import type { ProductInput, VatRate } from '../product-rules.ts';
import { searchText } from '../search-text.ts';

export type AdminProductRow = {
  id: string;
  sku: string;
  name: string;
  categoryName: string;
  priceCents: number;
  stock: number;
  active: boolean;
};

export type ProductForEdit = {
  id: string;
  slug: string;
  input: ProductInput;
  priceHistory: { priceCents: number; validFrom: string }[];
  images: { id: string; altNl: string; altEn: string; width: number; height: number }[];
};

/** Every product, hidden ones too, found by SKU or name words (either language), by SKU. */
export async function listAdminProducts(
  ctx: Ctx,
  query: string,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: AdminProductRow[] }> {
  let q = ctx.db.selectFrom('products').innerJoin('categories', 'categories.id', 'products.category_id');
  for (const word of searchText(query).split(' ').filter(Boolean).slice(0, 8)) {
    q = q.where('products.search_text', 'like', `%${word}%`);
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'products.id',
      'products.sku',
      'products.name_nl',
      'products.name_en',
      'categories.name_nl as category_nl',
      'categories.name_en as category_en',
      'products.price_cents',
      'products.stock',
      'products.active',
    ])
    .orderBy('products.sku')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const nl = ctx.locale === 'nl';
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      sku: r.sku,
      name: nl ? r.name_nl : r.name_en,
      categoryName: nl ? r.category_nl : r.category_en,
      priceCents: r.price_cents,
      stock: r.stock,
      active: r.active === 1,
    })),
  };
}

/** One product as the edit form needs it, with its price history (newest first) and images in order. */
export async function productForEdit(ctx: Ctx, id: string): Promise<ProductForEdit | null> {
  const r = await ctx.db
    .selectFrom('products')
    .innerJoin('categories', 'categories.id', 'products.category_id')
    .selectAll('products')
    .select('categories.slug as category_slug')
    .where('products.id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  const [history, images] = await Promise.all([
    ctx.db
      .selectFrom('price_history')
      .select(['price_cents', 'valid_from'])
      .where('product_id', '=', id)
      .orderBy('valid_from', 'desc')
      .limit(100)
      .execute(),
    ctx.db
      .selectFrom('product_images')
      .select(['id', 'alt_nl', 'alt_en', 'width', 'height'])
      .where('product_id', '=', id)
      .orderBy('position')
      .orderBy('created_at')
      .execute(),
  ]);
  return {
    id: r.id,
    slug: r.slug,
    input: {
      sku: r.sku,
      nameNl: r.name_nl,
      nameEn: r.name_en,
      categorySlug: r.category_slug,
      priceCents: r.price_cents,
      vatRate: r.vat_rate as VatRate,
      stock: r.stock,
      mailboxFit: r.mailbox_fit === 1,
      weightGrams: r.weight_grams,
      lengthMm: r.length_mm,
      widthMm: r.width_mm,
      heightMm: r.height_mm,
      descriptionNl: r.description_nl,
      descriptionEn: r.description_en,
      active: r.active === 1,
    },
    priceHistory: history.map((h) => ({ priceCents: h.price_cents, validFrom: h.valid_from })),
    images: images.map((i) => ({
      id: i.id,
      altNl: i.alt_nl,
      altEn: i.alt_en,
      width: i.width,
      height: i.height,
    })),
  };
}

/** Category choices for the product form, in the admin's language. */
export async function categoryOptions(ctx: Ctx): Promise<{ slug: string; name: string }[]> {
  const rows = await ctx.db
    .selectFrom('categories')
    .select(['slug', 'name_nl', 'name_en'])
    .orderBy('position')
    .orderBy('slug')
    .execute();
  return rows.map((r) => ({ slug: r.slug, name: ctx.locale === 'nl' ? r.name_nl : r.name_en }));
}
