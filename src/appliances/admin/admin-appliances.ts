import type { Ctx } from '../../context.ts';
import { brandWords } from '../index-source.ts';
import { normaliseModel } from '../normalise-model.ts';
import { queryParser } from '../query-parser.ts';
import type { ApplianceCategory } from '../tables.ts';

/** One line of the admin's appliance list. */
export type AdminApplianceRow = {
  id: string;
  brand: string;
  model: string;
  name: string;
  category: ApplianceCategory;
  variants: number;
  products: number;
};

/**
 * A page of appliances with their variant and product counts: all of them (by brand and model), one brand's, or
 * exactly the ids given, in the given order (the lookup's best-first order).
 */
export async function listAdminAppliances(
  ctx: Ctx,
  filter: { brandId?: string; ids?: string[] },
  page: { limit: number; offset: number },
): Promise<{ total: number; items: AdminApplianceRow[] }> {
  if (filter.ids && filter.ids.length === 0) return { total: 0, items: [] };
  let base = ctx.db.selectFrom('appliances').innerJoin('brands', 'brands.id', 'appliances.brand_id');
  if (filter.brandId) base = base.where('appliances.brand_id', '=', filter.brandId);
  if (filter.ids) base = base.where('appliances.id', 'in', filter.ids);
  const count = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  const rows = await base
    .select((eb) => [
      'appliances.id',
      'brands.name as brand',
      'appliances.model',
      'appliances.name',
      'appliances.category',
      eb
        .selectFrom('appliance_variants')
        .select((v) => v.fn.countAll().as('n'))
        .whereRef('appliance_variants.appliance_id', '=', 'appliances.id')
        .as('variants'),
      eb
        .selectFrom('compatibility')
        .select((c) => c.fn.count('compatibility.product_id').distinct().as('n'))
        .whereRef('compatibility.appliance_id', '=', 'appliances.id')
        .as('products'),
    ])
    .orderBy('brands.name')
    .orderBy('appliances.model_norm')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const items = rows.map((r) => ({
    id: r.id,
    brand: r.brand,
    model: r.model,
    name: r.name,
    category: r.category,
    variants: Number(r.variants ?? 0),
    products: Number(r.products ?? 0),
  }));
  if (filter.ids) {
    const order = new Map(filter.ids.map((id, i) => [id, i]));
    items.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }
  return { total: Number(count?.n ?? 0), items };
}

/** The brand whose name (ignoring case, spaces and separators) is exactly this text, if any. */
export async function brandNamed(ctx: Ctx, text: string): Promise<{ id: string; name: string } | null> {
  const norm = normaliseModel(text);
  if (norm === '') return null;
  const brands = await ctx.db.selectFrom('brands').select(['id', 'name']).execute();
  return brands.find((b) => normaliseModel(b.name) === norm) ?? null;
}

export async function brandOptions(ctx: Ctx): Promise<{ id: string; name: string }[]> {
  return ctx.db.selectFrom('brands').select(['id', 'name']).orderBy('name').execute();
}

export type ApplianceVariantView = {
  id: string;
  label: string;
  serialFrom: string;
  serialTo: string;
  notes: string;
};
export type ApplianceFitView = {
  id: string;
  sku: string;
  productId: string;
  productName: string;
  active: boolean;
  variantId: string | null;
  note: string;
};

/** A stored appliance with everything its edit page shows. */
export type ApplianceForEdit = {
  id: string;
  brandId: string;
  brand: string;
  model: string;
  name: string;
  category: ApplianceCategory;
  notes: string;
  aliases: string[];
  variants: ApplianceVariantView[];
  fits: ApplianceFitView[];
};

export async function applianceForEdit(ctx: Ctx, id: string): Promise<ApplianceForEdit | null> {
  const a = await ctx.db
    .selectFrom('appliances')
    .innerJoin('brands', 'brands.id', 'appliances.brand_id')
    .select([
      'appliances.id',
      'appliances.brand_id',
      'brands.name as brand',
      'appliances.model',
      'appliances.name',
      'appliances.category',
      'appliances.notes',
    ])
    .where('appliances.id', '=', id)
    .executeTakeFirst();
  if (!a) return null;
  const [aliases, variants, fits] = await Promise.all([
    ctx.db
      .selectFrom('appliance_aliases')
      .select('alias')
      .where('appliance_id', '=', id)
      .orderBy('alias')
      .execute(),
    ctx.db
      .selectFrom('appliance_variants')
      .select(['id', 'label', 'serial_from', 'serial_to', 'notes'])
      .where('appliance_id', '=', id)
      .orderBy('label')
      .execute(),
    ctx.db
      .selectFrom('compatibility')
      .innerJoin('products', 'products.id', 'compatibility.product_id')
      .select([
        'compatibility.id',
        'compatibility.variant_id',
        'compatibility.note',
        'products.id as product_id',
        'products.sku',
        'products.name_nl',
        'products.name_en',
        'products.active',
      ])
      .where('compatibility.appliance_id', '=', id)
      .orderBy('products.sku')
      .execute(),
  ]);
  return {
    id: a.id,
    brandId: a.brand_id,
    brand: a.brand,
    model: a.model,
    name: a.name,
    category: a.category,
    notes: a.notes,
    aliases: aliases.map((r) => r.alias),
    variants: variants.map((v) => ({
      id: v.id,
      label: v.label,
      serialFrom: v.serial_from ?? '',
      serialTo: v.serial_to ?? '',
      notes: v.notes,
    })),
    fits: fits.map((f) => ({
      id: f.id,
      sku: f.sku,
      productId: f.product_id,
      productName: ctx.locale === 'nl' ? f.name_nl : f.name_en,
      active: Number(f.active) === 1,
      variantId: f.variant_id,
      note: f.note,
    })),
  };
}

/**
 * A customer's query split the way the lookup reads it: the brand it names (by name or one of the brand's
 * words) and the model. Brand and plate-label words (`type`, `PNC`) are left out, so the model found here is
 * one the lookup matches exactly; it keeps the customer's spelling when that differs only in separators:
 * `philips FC 8520` → Philips, `FC 8520`; `AEG PNC 900 123` → AEG, `900123`.
 */
export async function splitBrand(
  ctx: Ctx,
  query: string,
): Promise<{ brandId: string | null; model: string }> {
  const parse = queryParser(await brandWords(ctx));
  const parsed = parse(query);
  const brand = parsed.brand
    ? await ctx.db.selectFrom('brands').select('id').where('name', '=', parsed.brand).executeTakeFirst()
    : undefined;
  const readable = query
    .trim()
    .split(/\s+/)
    .filter((word) => parse(word).model !== '')
    .join(' ');
  return {
    brandId: brand?.id ?? null,
    model: normaliseModel(readable) === parsed.model ? readable : parsed.model,
  };
}
