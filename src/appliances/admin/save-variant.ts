import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { CONTROL_CHARACTERS, MULTI_LINE_CONTROL } from '../control-characters.ts';
import { normaliseModel } from '../normalise-model.ts';
import { rangeProblem } from '../serial-range.ts';

export type VariantValues = { label: string; serialFrom: string; serialTo: string; notes: string };
export type VariantField = keyof VariantValues;
export type VariantProblem =
  | 'required'
  | 'too-long'
  | 'control-characters'
  | 'range-reversed'
  | 'range-mixed'
  | 'label-taken';
export type VariantError = { field: VariantField; code: VariantProblem; value?: string };

export type SaveVariantResult =
  | { ok: true; id: string }
  | { ok: false; errors: VariantError[] }
  | { ok: false; reason: 'not-found' };

const MAX: Record<VariantField, number> = { label: 80, serialFrom: 64, serialTo: 64, notes: 1000 };
/**
 * Adds a production series to an appliance (variantId null) or changes one: a label unique within the
 * appliance, and an inclusive serial range whose ends may be empty (open) but must be usable (serial-range.ts:
 * start not after end, both numbers or both text). Checks and writes in one transaction.
 */
export async function saveVariant(
  ctx: Ctx,
  applianceId: string,
  variantId: string | null,
  raw: VariantValues,
): Promise<SaveVariantResult> {
  const v = {
    label: raw.label.trim(),
    serialFrom: raw.serialFrom.trim(),
    serialTo: raw.serialTo.trim(),
    notes: raw.notes.trim(),
  };
  const errors = checkVariant(v);
  if (errors.length > 0) return { ok: false, errors };
  return ctx.db.transaction().execute(async (trx): Promise<SaveVariantResult> => {
    const appliance = await trx
      .selectFrom('appliances')
      .select('id')
      .where('id', '=', applianceId)
      .executeTakeFirst();
    if (!appliance) return { ok: false, reason: 'not-found' };
    const siblings = await trx
      .selectFrom('appliance_variants')
      .select(['id', 'label'])
      .where('appliance_id', '=', applianceId)
      .execute();
    if (variantId !== null && !siblings.some((s) => s.id === variantId))
      return { ok: false, reason: 'not-found' };
    if (siblings.some((s) => s.id !== variantId && s.label.toLowerCase() === v.label.toLowerCase()))
      return { ok: false, errors: [{ field: 'label', code: 'label-taken', value: v.label }] };
    const row = {
      label: v.label,
      serial_from: normaliseModel(v.serialFrom) === '' ? null : v.serialFrom,
      serial_to: normaliseModel(v.serialTo) === '' ? null : v.serialTo,
      notes: v.notes,
    };
    if (variantId === null) {
      const id = newId(ctx.clock.now().epochMilliseconds);
      await trx
        .insertInto('appliance_variants')
        .values({ ...row, id, appliance_id: applianceId })
        .execute();
      return { ok: true, id };
    }
    await trx.updateTable('appliance_variants').set(row).where('id', '=', variantId).execute();
    return { ok: true, id: variantId };
  });
}

/** Removes a variant and the products that fitted only it; false when the appliance has no such variant. */
export async function deleteVariant(ctx: Ctx, applianceId: string, variantId: string): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('compatibility')
      .where('appliance_id', '=', applianceId)
      .where('variant_id', '=', variantId)
      .execute();
    const r = await trx
      .deleteFrom('appliance_variants')
      .where('id', '=', variantId)
      .where('appliance_id', '=', applianceId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  });
}

function checkVariant(v: VariantValues): VariantError[] {
  const errors: VariantError[] = [];
  if (v.label === '') errors.push({ field: 'label', code: 'required' });
  for (const field of Object.keys(MAX) as VariantField[]) {
    if ([...v[field]].length > MAX[field])
      errors.push({ field, code: 'too-long', value: String(MAX[field]) });
    // notes may run over several lines (tab and line breaks); nothing else takes control characters
    if ((field === 'notes' ? MULTI_LINE_CONTROL : CONTROL_CHARACTERS).test(v[field]))
      errors.push({ field, code: 'control-characters' });
  }
  const problem = rangeProblem(v);
  if (problem) {
    errors.push({
      field: 'serialFrom',
      code: problem === 'reversed' ? 'range-reversed' : 'range-mixed',
      value: `${v.serialFrom}–${v.serialTo}`,
    });
  }
  return errors;
}
