import { stringify } from 'csv-stringify/sync';
import type { Ctx } from '../context.ts';
import { APPLIANCE_CSV_COLUMNS, type ApplianceRow, applianceRecord } from './appliance-csv.ts';
import { compareSerials } from './serial-range.ts';

const BATCH = 500;

/**
 * Every appliance as CSV in the import format, so export → import changes nothing. Ordered by brand and model;
 * an appliance with variants gets one line per variant (by serial start), preceded by a line without variant
 * only when something applies to the whole appliance. Aliases go on the appliance's first line.
 */
export async function exportAppliances(ctx: Ctx): Promise<string> {
  const appliances = await ctx.db
    .selectFrom('appliances')
    .innerJoin('brands', 'brands.id', 'appliances.brand_id')
    .select([
      'appliances.id',
      'brands.name as brand',
      'appliances.model',
      'appliances.name',
      'appliances.category',
      'appliances.notes',
    ])
    .orderBy('brands.name')
    .orderBy('appliances.model_norm')
    .orderBy('appliances.model')
    .execute();
  const records: string[][] = [];
  for (let i = 0; i < appliances.length; i += BATCH) {
    const batch = appliances.slice(i, i + BATCH);
    const parts = await partsOf(
      ctx,
      batch.map((a) => a.id),
    );
    for (const a of batch) {
      const base: ApplianceRow = {
        brand: a.brand,
        model: a.model,
        name: a.name,
        category: a.category,
        aliases: parts.aliases.get(a.id) ?? [],
        variant: '',
        serialFrom: '',
        serialTo: '',
        fits: parts.fits.get(`${a.id} `) ?? [],
        notes: a.notes,
      };
      const variants = (parts.variants.get(a.id) ?? []).sort(
        (x, y) => compareSerials(x.serial_from ?? '', y.serial_from ?? '') || (x.label < y.label ? -1 : 1),
      );
      const lines: ApplianceRow[] = [];
      if (variants.length === 0 || base.fits.length > 0 || base.notes !== '') lines.push(base);
      for (const v of variants) {
        lines.push({
          ...base,
          aliases: [],
          variant: v.label,
          serialFrom: v.serial_from ?? '',
          serialTo: v.serial_to ?? '',
          fits: parts.fits.get(`${a.id} ${v.id}`) ?? [],
          notes: v.notes,
        });
      }
      lines[0]!.aliases = base.aliases;
      for (const line of lines) records.push(applianceRecord(line));
    }
  }
  return stringify(records, {
    header: true,
    columns: [...APPLIANCE_CSV_COLUMNS],
    quoted_match: /[",\n\r]/,
    record_delimiter: 'unix',
  });
}

async function partsOf(ctx: Ctx, ids: string[]) {
  const [aliasRows, variantRows, fitRows] = await Promise.all([
    ctx.db
      .selectFrom('appliance_aliases')
      .select(['appliance_id', 'alias'])
      .where('appliance_id', 'in', ids)
      .orderBy('alias_norm')
      .execute(),
    ctx.db
      .selectFrom('appliance_variants')
      .select(['id', 'appliance_id', 'label', 'serial_from', 'serial_to', 'notes'])
      .where('appliance_id', 'in', ids)
      .execute(),
    ctx.db
      .selectFrom('compatibility')
      .innerJoin('products', 'products.id', 'compatibility.product_id')
      .select(['compatibility.appliance_id', 'compatibility.variant_id', 'products.sku'])
      .where('compatibility.appliance_id', 'in', ids)
      .orderBy('products.sku')
      .execute(),
  ]);
  const aliases = new Map<string, string[]>();
  for (const r of aliasRows) aliases.set(r.appliance_id, [...(aliases.get(r.appliance_id) ?? []), r.alias]);
  const variants = new Map<string, typeof variantRows>();
  for (const r of variantRows) variants.set(r.appliance_id, [...(variants.get(r.appliance_id) ?? []), r]);
  const fits = new Map<string, string[]>();
  for (const r of fitRows) {
    const key = `${r.appliance_id} ${r.variant_id ?? ''}`;
    fits.set(key, [...(fits.get(key) ?? []), r.sku]);
  }
  return { aliases, variants, fits };
}
