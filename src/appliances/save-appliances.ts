import type { Insertable } from 'kysely';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import { normaliseModel } from './normalise-model.ts';
import type { ApplianceCategory, BrandTable } from './tables.ts';

/** One appliance as an import or the seed describes it, with product ids already resolved. */
export type ApplianceDraft = {
  brand: string;
  model: string;
  name: string;
  category: ApplianceCategory;
  notes: string;
  aliases: string[];
  productIds: string[];
  variants: {
    label: string;
    serialFrom: string | null;
    serialTo: string | null;
    notes: string;
    productIds: string[];
  }[];
};

export type SaveResult = { created: number; updated: number; applianceIds: string[] };

/** Rows per multi-row insert: ~10 columns × 500 stays far below both databases' parameter limits. */
const BATCH = 500;

/**
 * Writes appliances set-based (a few statements per 500 appliances, never one per row), inside the caller's
 * transaction when there is one. Brands are created when new; an appliance is matched by brand and normalised
 * model and updated in place (its id and order count survive); its aliases, variants and compatibility are
 * replaced by the draft's, variants keeping their id when their label stays.
 */
export async function saveAppliances(
  ctx: Ctx,
  drafts: ApplianceDraft[],
  onProgress?: (done: number, total: number) => void,
): Promise<SaveResult> {
  const run = async (trx: Ctx['db']) => write({ ...ctx, db: trx }, drafts, onProgress);
  return ctx.db.isTransaction ? run(ctx.db) : ctx.db.transaction().execute(run);
}

async function write(ctx: Ctx, drafts: ApplianceDraft[], onProgress?: (done: number, total: number) => void) {
  const now = isoNow(ctx.clock);
  const brandIds = await ensureBrands(ctx, drafts, now);
  const result: SaveResult = { created: 0, updated: 0, applianceIds: [] };
  onProgress?.(0, drafts.length);
  for (let i = 0; i < drafts.length; i += BATCH) {
    const batch = drafts
      .slice(i, i + BATCH)
      .map((d) => ({ d, brandId: brandIds.get(normaliseModel(d.brand))!, norm: normaliseModel(d.model) }));
    const existing = await existingAppliances(
      ctx,
      batch.map((b) => b.norm),
    );
    const ids = batch.map((b) => existing.get(`${b.brandId} ${b.norm}`));
    for (const id of ids) {
      if (id) result.updated++;
      else result.created++;
    }
    const rows = batch.map((b, k) => ({
      id: ids[k] ?? newId(),
      brand_id: b.brandId,
      model: b.d.model,
      model_norm: b.norm,
      name: b.d.name,
      category: b.d.category,
      notes: b.d.notes,
      order_count: 0,
      created_at: now,
      updated_at: now,
    }));
    await ctx.db
      .insertInto('appliances')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['brand_id', 'model_norm']).doUpdateSet((eb) => ({
          model: eb.ref('excluded.model'),
          name: eb.ref('excluded.name'),
          category: eb.ref('excluded.category'),
          notes: eb.ref('excluded.notes'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
    const applianceIds = rows.map((r) => r.id);
    await replaceParts(
      ctx,
      batch.map((b, k) => ({ id: applianceIds[k]!, draft: b.d })),
    );
    result.applianceIds.push(...applianceIds);
    onProgress?.(Math.min(i + BATCH, drafts.length), drafts.length);
  }
  return result;
}

/** Brand ids by normalised name; brands the drafts name that do not exist yet are created without a plate guide. */
async function ensureBrands(ctx: Ctx, drafts: ApplianceDraft[], now: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const b of await ctx.db.selectFrom('brands').select(['id', 'name']).execute())
    ids.set(normaliseModel(b.name), b.id);
  const fresh = new Map<string, Insertable<BrandTable>>();
  for (const d of drafts) {
    const key = normaliseModel(d.brand);
    if (ids.has(key)) continue;
    const row = { ...emptyGuide(d.brand, now), id: newId() };
    fresh.set(key, row);
    ids.set(key, row.id);
  }
  const rows = [...fresh.values()];
  for (let i = 0; i < rows.length; i += BATCH)
    await ctx.db
      .insertInto('brands')
      .values(rows.slice(i, i + BATCH))
      .execute();
  return ids;
}

function emptyGuide(name: string, now: string): Omit<Insertable<BrandTable>, 'id'> {
  return {
    name,
    words: '[]',
    model_field_nl: '',
    model_field_en: '',
    plate_vacuum_nl: '',
    plate_vacuum_en: '',
    plate_coffee_nl: '',
    plate_coffee_en: '',
    created_at: now,
    updated_at: now,
  };
}

async function existingAppliances(ctx: Ctx, norms: string[]): Promise<Map<string, string>> {
  const rows = await ctx.db
    .selectFrom('appliances')
    .select(['id', 'brand_id', 'model_norm'])
    .where('model_norm', 'in', [...new Set(norms)])
    .execute();
  return new Map(rows.map((r) => [`${r.brand_id} ${r.model_norm}`, r.id]));
}

/** Replaces aliases, variants and compatibility of up to BATCH appliances with a handful of statements. */
async function replaceParts(ctx: Ctx, items: { id: string; draft: ApplianceDraft }[]): Promise<void> {
  const ids = items.map((x) => x.id);
  const oldVariants = await ctx.db
    .selectFrom('appliance_variants')
    .select(['id', 'appliance_id', 'label'])
    .where('appliance_id', 'in', ids)
    .execute();
  const variantId = new Map(oldVariants.map((v) => [`${v.appliance_id} ${v.label}`, v.id]));
  await ctx.db.deleteFrom('compatibility').where('appliance_id', 'in', ids).execute();
  await ctx.db.deleteFrom('appliance_variants').where('appliance_id', 'in', ids).execute();
  await ctx.db.deleteFrom('appliance_aliases').where('appliance_id', 'in', ids).execute();

  const aliases: { appliance_id: string; alias: string; alias_norm: string }[] = [];
  const variants: {
    id: string;
    appliance_id: string;
    label: string;
    serial_from: string | null;
    serial_to: string | null;
    notes: string;
  }[] = [];
  const fits: {
    id: string;
    appliance_id: string;
    variant_id: string | null;
    product_id: string;
    note: string;
  }[] = [];
  for (const { id, draft } of items) {
    const seen = new Set<string>();
    for (const alias of draft.aliases) {
      const norm = normaliseModel(alias);
      if (norm === '' || seen.has(norm)) continue;
      seen.add(norm);
      aliases.push({ appliance_id: id, alias, alias_norm: norm });
    }
    for (const productId of new Set(draft.productIds)) {
      fits.push({ id: newId(), appliance_id: id, variant_id: null, product_id: productId, note: '' });
    }
    for (const v of draft.variants) {
      const vid = variantId.get(`${id} ${v.label}`) ?? newId();
      variants.push({
        id: vid,
        appliance_id: id,
        label: v.label,
        serial_from: v.serialFrom,
        serial_to: v.serialTo,
        notes: v.notes,
      });
      for (const productId of new Set(v.productIds)) {
        fits.push({ id: newId(), appliance_id: id, variant_id: vid, product_id: productId, note: '' });
      }
    }
  }
  for (let i = 0; i < aliases.length; i += BATCH)
    await ctx.db
      .insertInto('appliance_aliases')
      .values(aliases.slice(i, i + BATCH))
      .execute();
  for (let i = 0; i < variants.length; i += BATCH) {
    await ctx.db
      .insertInto('appliance_variants')
      .values(variants.slice(i, i + BATCH))
      .execute();
  }
  for (let i = 0; i < fits.length; i += BATCH)
    await ctx.db
      .insertInto('compatibility')
      .values(fits.slice(i, i + BATCH))
      .execute();
}
