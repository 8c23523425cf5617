import type { ProductInput } from '../../src/catalog/product-rules.ts';
import { categoryIdsBySlug, saveProduct } from '../../src/catalog/save-product.ts';
import { isoNow } from '../../src/clock.ts';
import type { Ctx } from '../../src/context.ts';
import { newId } from '../../src/db/ids.ts';

export async function addCategory(
  ctx: Ctx,
  slug: string,
  names: { nl?: string; en?: string } = {},
): Promise<string> {
  const id = newId();
  const now = isoNow(ctx.clock);
  await ctx.db
    .insertInto('categories')
    .values({
      id,
      slug,
      name_nl: names.nl ?? `Categorie ${slug}`,
      name_en: names.en ?? `Category ${slug}`,
      description_nl: '',
      description_en: '',
      position: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export function productInput(overrides: Partial<ProductInput> = {}): ProductInput {
  return {
    sku: 'TB-BAG-0001',
    nameNl: 'Stofzuigerzakken S-bag (5 stuks)',
    nameEn: 'Vacuum bags S-bag (5 pack)',
    categorySlug: 'bags',
    priceCents: 1295,
    vatRate: 21,
    stock: 12,
    mailboxFit: true,
    weightGrams: 180,
    lengthMm: 300,
    widthMm: 200,
    heightMm: 25,
    descriptionNl: 'Vijf zakken met microvezel.',
    descriptionEn: 'Five microfibre bags.',
    active: true,
    ...overrides,
  };
}

export async function addProduct(ctx: Ctx, overrides: Partial<ProductInput> = {}): Promise<string> {
  const saved = await saveProduct(ctx, productInput(overrides), await categoryIdsBySlug(ctx));
  return saved.id;
}
