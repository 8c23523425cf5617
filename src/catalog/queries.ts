import { isoNow } from '../clock.ts';
import type { Locale } from '../config.ts';
import type { Ctx } from '../context.ts';
import { dataVersionOf } from '../db/data-version.ts';
import { type PriceDisplay, priceDisplay } from './lowest-price.ts';
import { searchText } from './search-text.ts';
import type { ProductTable } from './tables.ts';

export type CategoryView = {
  id: string;
  slug: string;
  name: string;
  description: string;
  productCount: number;
};

export type ProductView = {
  id: string;
  sku: string;
  slug: string;
  name: string;
  description: string;
  category: { slug: string; name: string };
  priceCents: number;
  vatRate: number;
  lowest30DaysCents: number | null;
  stock: number;
  mailboxFit: boolean;
  weightGrams: number;
  dimensionsMm: { length: number; width: number; height: number } | null;
  images: { id: string; alt: string; width: number; height: number }[];
};

type ProductRow = Pick<
  ProductTable,
  | 'id'
  | 'sku'
  | 'slug'
  | 'name_nl'
  | 'name_en'
  | 'description_nl'
  | 'description_en'
  | 'price_cents'
  | 'vat_rate'
  | 'stock'
  | 'mailbox_fit'
  | 'weight_grams'
  | 'length_mm'
  | 'width_mm'
  | 'height_mm'
> & { category_slug: string; category_name_nl: string; category_name_en: string };

/** How long the category list is reused at most: the delay before another process's change shows. */
const CATEGORY_CACHE_MS = 2000;
type CategoryRows = Awaited<ReturnType<typeof readCategories>>;
const categoryCache = new WeakMap<Ctx['db'], { version: number; readAt: number; rows: CategoryRows }>();

/**
 * Every category with its number of active products, for the navigation of every storefront page. The rows
 * are reused while nothing has been written through this database handle (see db/data-version.ts) and for
 * at most two seconds; inside a transaction they are always read afresh.
 */
export async function listCategories(ctx: Ctx): Promise<CategoryView[]> {
  const version = dataVersionOf(ctx.db)?.current;
  const now = ctx.clock.now().epochMilliseconds;
  const cached = categoryCache.get(ctx.db);
  let rows: CategoryRows;
  if (
    cached &&
    cached.version === version &&
    now >= cached.readAt &&
    now - cached.readAt < CATEGORY_CACHE_MS
  ) {
    rows = cached.rows;
  } else {
    rows = await readCategories(ctx);
    if (version !== undefined) categoryCache.set(ctx.db, { version, readAt: now, rows });
  }
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: ctx.locale === 'nl' ? r.name_nl : r.name_en,
    description: ctx.locale === 'nl' ? r.description_nl : r.description_en,
    productCount: Number(r.product_count),
  }));
}

function readCategories(ctx: Ctx) {
  return ctx.db
    .selectFrom('categories')
    .leftJoin('products', (j) =>
      j.onRef('products.category_id', '=', 'categories.id').on('products.active', '=', 1),
    )
    .select((eb) => [
      'categories.id',
      'categories.slug',
      'categories.name_nl',
      'categories.name_en',
      'categories.description_nl',
      'categories.description_en',
      'categories.position',
      eb.fn.count<number>('products.id').as('product_count'),
    ])
    .groupBy([
      'categories.id',
      'categories.slug',
      'categories.name_nl',
      'categories.name_en',
      'categories.description_nl',
      'categories.description_en',
      'categories.position',
    ])
    .orderBy('categories.position')
    .orderBy('categories.slug')
    .execute();
}

function productQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('products')
    .innerJoin('categories', 'categories.id', 'products.category_id')
    .select([
      'products.id',
      'products.sku',
      'products.slug',
      'products.name_nl',
      'products.name_en',
      'products.description_nl',
      'products.description_en',
      'products.price_cents',
      'products.vat_rate',
      'products.stock',
      'products.mailbox_fit',
      'products.weight_grams',
      'products.length_mm',
      'products.width_mm',
      'products.height_mm',
      'categories.slug as category_slug',
      'categories.name_nl as category_name_nl',
      'categories.name_en as category_name_en',
    ])
    .where('products.active', '=', 1);
}

export type ProductFilter = { categorySlug?: string; query?: string; skus?: string[] };
export type Page = { limit: number; offset: number };

/** Active products, by category and/or text; every word of the query must occur (in either language). */
export async function listProducts(
  ctx: Ctx,
  filter: ProductFilter,
  page: Page,
): Promise<{ total: number; items: ProductView[] }> {
  let q = productQuery(ctx);
  if (filter.categorySlug) q = q.where('categories.slug', '=', filter.categorySlug);
  if (filter.skus) q = q.where('products.sku', 'in', filter.skus.length > 0 ? filter.skus : ['']);
  for (const word of searchText(filter.query ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 8)) {
    q = q.where('products.search_text', 'like', `%${word.replace(/[%_]/g, '')}%`);
  }
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy(ctx.locale === 'nl' ? 'products.name_nl' : 'products.name_en')
    .orderBy('products.sku')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(total.n), items: await toViews(ctx, rows) };
}

export async function productBySlug(ctx: Ctx, slug: string): Promise<ProductView | null> {
  const row = await productQuery(ctx).where('products.slug', '=', slug).executeTakeFirst();
  return row ? ((await toViews(ctx, [row]))[0] ?? null) : null;
}

export async function productBySku(ctx: Ctx, sku: string): Promise<ProductView | null> {
  const row = await productQuery(ctx).where('products.sku', '=', sku).executeTakeFirst();
  return row ? ((await toViews(ctx, [row]))[0] ?? null) : null;
}

async function toViews(ctx: Ctx, rows: ProductRow[]): Promise<ProductView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [prices, images] = await Promise.all([
    pricesFor(ctx, ids),
    ctx.db
      .selectFrom('product_images')
      .select(['id', 'product_id', 'alt_nl', 'alt_en', 'width', 'height'])
      .where('product_id', 'in', ids)
      .orderBy('position')
      .execute(),
  ]);
  const nl = ctx.locale === 'nl';
  return rows.map((r) => {
    const price = prices.get(r.id);
    return {
      id: r.id,
      sku: r.sku,
      slug: r.slug,
      name: nl ? r.name_nl : r.name_en,
      description: nl ? r.description_nl : r.description_en,
      category: { slug: r.category_slug, name: nl ? r.category_name_nl : r.category_name_en },
      priceCents: r.price_cents,
      vatRate: r.vat_rate,
      lowest30DaysCents: price && price.currentCents === r.price_cents ? price.lowest30DaysCents : null,
      stock: r.stock,
      mailboxFit: r.mailbox_fit === 1,
      weightGrams: r.weight_grams,
      dimensionsMm:
        r.length_mm !== null && r.width_mm !== null && r.height_mm !== null
          ? { length: r.length_mm, width: r.width_mm, height: r.height_mm }
          : null,
      images: images
        .filter((i) => i.product_id === r.id)
        .map((i) => ({ id: i.id, alt: nl ? i.alt_nl : i.alt_en, width: i.width, height: i.height })),
    };
  });
}

/** Price display per product, from the history of the last 61 days (enough for a reduction plus its 30-day window). */
async function pricesFor(ctx: Ctx, ids: string[]): Promise<Map<string, PriceDisplay | null>> {
  const now = isoNow(ctx.clock);
  const since = new Date(ctx.clock.now().epochMilliseconds - 61 * 24 * 3600 * 1000).toISOString();
  const rows = await ctx.db
    .selectFrom('price_history')
    .select(['product_id', 'price_cents', 'valid_from'])
    .where('product_id', 'in', ids)
    .where((eb) =>
      eb.or([
        eb('valid_from', '>=', since),
        // the price already in force at `since`
        eb(
          'valid_from',
          '=',
          eb
            .selectFrom('price_history as h2')
            .select((e2) => e2.fn.max('h2.valid_from').as('m'))
            .whereRef('h2.product_id', '=', 'price_history.product_id')
            .where('h2.valid_from', '<', since),
        ),
      ]),
    )
    .execute();
  const byProduct = new Map<string, { priceCents: number; from: string }[]>();
  for (const r of rows) {
    const list = byProduct.get(r.product_id) ?? [];
    list.push({ priceCents: r.price_cents, from: r.valid_from });
    byProduct.set(r.product_id, list);
  }
  return new Map(ids.map((id) => [id, priceDisplay(byProduct.get(id) ?? [], now)]));
}

export function localeName(row: { name_nl: string; name_en: string }, locale: Locale): string {
  return locale === 'nl' ? row.name_nl : row.name_en;
}
