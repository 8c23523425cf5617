import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { normaliseModel } from '../normalise-model.ts';
import type { ApplianceInput } from './appliance-form.ts';

export type SaveApplianceResult =
  | { ok: true; id: string; created: boolean }
  | { ok: false; reason: 'model-taken'; existingId: string }
  | { ok: false; reason: 'unknown-brand' | 'not-found' };

/**
 * Creates an appliance (id null) or changes one: brand, model, name, category, notes, and its aliases replaced
 * by the given list. A typed brand name is matched to an existing brand ignoring case and separators, or
 * created. Brand + normalised model must stay unique: a clash is an outcome naming the other appliance.
 * One transaction (the caller's, when ctx holds one); the caller refreshes the lookup index with the returned id afterwards.
 */
export async function saveAppliance(
  ctx: Ctx,
  input: ApplianceInput,
  id: string | null,
): Promise<SaveApplianceResult> {
  const run = async (trx: Ctx['db']): Promise<SaveApplianceResult> => {
    const now = isoNow(ctx.clock);
    if (id !== null) {
      const exists = await trx.selectFrom('appliances').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) return { ok: false, reason: 'not-found' };
    }
    let brandId = input.brandId;
    if (normaliseModel(input.newBrand) !== '') {
      const norm = normaliseModel(input.newBrand);
      const brands = await trx.selectFrom('brands').select(['id', 'name']).execute();
      brandId = brands.find((b) => normaliseModel(b.name) === norm)?.id ?? null;
      if (brandId === null) {
        brandId = newId(ctx.clock.now().epochMilliseconds);
        await trx
          .insertInto('brands')
          .values({
            id: brandId,
            name: input.newBrand,
            words: '[]',
            model_field_nl: '',
            model_field_en: '',
            plate_vacuum_nl: '',
            plate_vacuum_en: '',
            plate_coffee_nl: '',
            plate_coffee_en: '',
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
    } else if (brandId !== null) {
      const brand = await trx.selectFrom('brands').select('id').where('id', '=', brandId).executeTakeFirst();
      if (!brand) return { ok: false, reason: 'unknown-brand' };
    }
    if (brandId === null) return { ok: false, reason: 'unknown-brand' };

    const modelNorm = normaliseModel(input.model);
    let clash = trx
      .selectFrom('appliances')
      .select('id')
      .where('brand_id', '=', brandId)
      .where('model_norm', '=', modelNorm);
    if (id !== null) clash = clash.where('id', '!=', id);
    const taken = await clash.executeTakeFirst();
    if (taken) return { ok: false, reason: 'model-taken', existingId: taken.id };

    const fields = {
      brand_id: brandId,
      model: input.model,
      model_norm: modelNorm,
      name: input.name,
      category: input.category,
      notes: input.notes,
      updated_at: now,
    };
    const applianceId = id ?? newId(ctx.clock.now().epochMilliseconds);
    if (id === null) {
      await trx
        .insertInto('appliances')
        .values({ ...fields, id: applianceId, order_count: 0, created_at: now })
        .execute();
    } else {
      await trx.updateTable('appliances').set(fields).where('id', '=', id).execute();
      await trx.deleteFrom('appliance_aliases').where('appliance_id', '=', id).execute();
    }
    if (input.aliases.length > 0) {
      await trx
        .insertInto('appliance_aliases')
        .values(
          input.aliases.map((alias) => ({
            appliance_id: applianceId,
            alias,
            alias_norm: normaliseModel(alias),
          })),
        )
        .execute();
    }
    return { ok: true, id: applianceId, created: id === null };
  };
  return ctx.db.isTransaction ? run(ctx.db) : ctx.db.transaction().execute(run);
}
