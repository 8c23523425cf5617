import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { CONTROL_CHARACTERS } from '../control-characters.ts';

export type FitValues = { sku: string; note: string; variantId: string };
export type FitField = keyof FitValues;
export type FitProblem =
  | 'required'
  | 'too-long'
  | 'control-characters'
  | 'unknown-sku'
  | 'unknown-variant'
  | 'fit-exists';
export type FitError = { field: FitField; code: FitProblem; value?: string };

export type AddFitResult =
  | { ok: true; id: string }
  | { ok: false; errors: FitError[] }
  | { ok: false; reason: 'not-found' };

/**
 * Says a product (by SKU) fits an appliance, or only one of its variants, with an optional qualifier note
 * ("only with the turbo brush"). The same product twice for the same appliance or variant is refused.
 */
export async function addCompatibility(ctx: Ctx, applianceId: string, raw: FitValues): Promise<AddFitResult> {
  const sku = raw.sku.trim();
  const note = raw.note.trim();
  const variantId = raw.variantId.trim() === '' ? null : raw.variantId.trim();
  const errors: FitError[] = [];
  if (sku === '') errors.push({ field: 'sku', code: 'required' });
  if ([...note].length > 200) errors.push({ field: 'note', code: 'too-long', value: '200' });
  if (CONTROL_CHARACTERS.test(note)) errors.push({ field: 'note', code: 'control-characters' });
  if (errors.length > 0) return { ok: false, errors };
  return ctx.db.transaction().execute(async (trx): Promise<AddFitResult> => {
    const appliance = await trx
      .selectFrom('appliances')
      .select('id')
      .where('id', '=', applianceId)
      .executeTakeFirst();
    if (!appliance) return { ok: false, reason: 'not-found' };
    const product = await trx.selectFrom('products').select('id').where('sku', '=', sku).executeTakeFirst();
    if (!product) return { ok: false, errors: [{ field: 'sku', code: 'unknown-sku', value: sku }] };
    if (variantId !== null) {
      const variant = await trx
        .selectFrom('appliance_variants')
        .select('id')
        .where('id', '=', variantId)
        .where('appliance_id', '=', applianceId)
        .executeTakeFirst();
      if (!variant) return { ok: false, errors: [{ field: 'variantId', code: 'unknown-variant' }] };
    }
    let same = trx
      .selectFrom('compatibility')
      .select('id')
      .where('appliance_id', '=', applianceId)
      .where('product_id', '=', product.id);
    same =
      variantId === null ? same.where('variant_id', 'is', null) : same.where('variant_id', '=', variantId);
    if (await same.executeTakeFirst())
      return { ok: false, errors: [{ field: 'sku', code: 'fit-exists', value: sku }] };
    const id = newId(ctx.clock.now().epochMilliseconds);
    await trx
      .insertInto('compatibility')
      .values({ id, appliance_id: applianceId, variant_id: variantId, product_id: product.id, note })
      .execute();
    return { ok: true, id };
  });
}

/** Takes a product off an appliance (or variant); false when this appliance has no such line. */
export async function removeCompatibility(ctx: Ctx, applianceId: string, fitId: string): Promise<boolean> {
  const r = await ctx.db
    .deleteFrom('compatibility')
    .where('id', '=', fitId)
    .where('appliance_id', '=', applianceId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
