import assert from 'node:assert/strict';
import { importAppliances } from '../../src/appliances/import-appliances.ts';
import type { Ctx } from '../../src/context.ts';
import { newId } from '../../src/db/ids.ts';
import type { TestApp } from './test-app.ts';

/** Just enough catalog for appliance tests: one category and a product per SKU (stock 0 for `OUT-` SKUs). */
export async function addProducts(ctx: Ctx, skus: string[]): Promise<void> {
  const now = '2026-01-01T00:00:00.000Z';
  const categoryId = newId();
  await ctx.db
    .insertInto('categories')
    .values({
      id: categoryId,
      slug: `test-${categoryId.slice(-6)}`,
      name_nl: 'Onderdelen',
      name_en: 'Parts',
      description_nl: '',
      description_en: '',
      position: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('products')
    .values(
      skus.map((sku, i) => ({
        id: newId(),
        sku,
        slug: sku.toLowerCase(),
        category_id: categoryId,
        name_nl: `Onderdeel ${sku}`,
        name_en: `Part ${sku}`,
        description_nl: '',
        description_en: '',
        price_cents: 995 + i * 100,
        vat_rate: 21,
        stock: sku.startsWith('OUT-') ? 0 : 10,
        mailbox_fit: 1,
        weight_grams: 100,
        length_mm: null,
        width_mm: null,
        height_mm: null,
        active: 1,
        search_text: sku.toLowerCase(),
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

export const FIXTURE_SKUS = ['BAG-1', 'BAG-2', 'FLT-1', 'CLN-1', 'CLN-2', 'CLN-3', 'OUT-1'];

/** A small registry that exercises every lookup rule: separators, prefixes, typos, brands, aliases, serial variants. */
export const FIXTURE_CSV = `brand,model,name,category,aliases,variant,serial_from,serial_to,fits,notes
Philips,FC8520/09,PowerPro Compact,vacuum,8710103000001|882852009000,,,,BAG-1|FLT-1|OUT-1,
Philips,FC8520/01,PowerPro Compact,vacuum,,,,,BAG-1,
Philips,FC8520/02,PowerPro Compact,vacuum,,,,,BAG-1,
Philips,FC9330/09,PowerPro Compact,vacuum,,,,,BAG-2,
Bosch,FC8520/77,Fantasy,vacuum,,,,,BAG-2,
Miele,S8340,Complete C3,vacuum,,,,,BAG-2,
Siemens,TE651209RW,EQ.6 plus s100,coffee,,FD 9103-9208,9103,9208,CLN-2,"Older brewing unit, ""type A"""
Siemens,TE651209RW,EQ.6 plus s100,coffee,,FD 9209-,9209,,CLN-3,
Siemens,TE651209RW,EQ.6 plus s100,coffee,,,,,CLN-1,Descale every six weeks
`;

/** The fixture registry in a shop: the FIXTURE_SKUS products, FIXTURE_CSV imported and the lookup index refreshed. */
export async function addFixtureRegistry(t: TestApp): Promise<void> {
  await addProducts(t.ctx, FIXTURE_SKUS);
  const result = await importAppliances(t.ctx, FIXTURE_CSV);
  assert.ok(result.ok);
  await t.app.lookup.refresh(t.ctx, result.applianceIds);
}
