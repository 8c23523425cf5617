import type { DemoProduct } from '../catalog/demo-products.ts';
import type { Ctx } from '../context.ts';
import { demoApplianceRows, demoBrands } from './demo-appliances.ts';
import { importApplianceRows } from './import-appliances.ts';
import { saveBrandGuides } from './save-brand-guides.ts';

/**
 * Fills an empty appliance registry with the demo brands and ~20,000 appliances linked to the demo products,
 * through the import's own checks and set-based writes. Does nothing when appliances exist; returns how many it made.
 */
export async function seedDemoAppliances(ctx: Ctx, products: DemoProduct[]): Promise<number> {
  const existing = await ctx.db.selectFrom('appliances').select('id').limit(1).execute();
  if (existing.length > 0) return 0;
  return ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    await saveBrandGuides(tctx, demoBrands());
    const rows = demoApplianceRows(products).map((row, i) => ({ line: i + 2, row }));
    const result = await importApplianceRows(tctx, rows);
    return result.created;
  });
}
