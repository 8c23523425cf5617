import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { SHIPPING_METHODS } from './shipping-methods.ts';
import { formatCutoff, type ShippingSettings } from './shipping-settings.ts';
import { type ShippingProblems, shippingSettingsProblems } from './shipping-settings-problems.ts';

export type SaveShippingResult = { ok: true } | { ok: false; problems: ShippingProblems };

/**
 * Replaces the shop's shipping settings with `settings`, all of them in one transaction, or nothing when any
 * field has a problem (see `shippingSettingsProblems`). `staffId` is recorded as who saved last. The caller
 * refreshes the in-memory settings afterwards (`ShippingSettingsService.refresh`), which also tells the other
 * processes.
 */
export async function saveShippingSettings(
  ctx: Ctx,
  settings: ShippingSettings,
  staffId: string,
): Promise<SaveShippingResult> {
  if (settings.methods.map((m) => m.method).join() !== SHIPPING_METHODS.join())
    throw new Error('saveShippingSettings needs every shipping method, in SHIPPING_METHODS order');
  const now = ctx.clock.now();
  const problems = shippingSettingsProblems(settings, { timeZone: ctx.config.shopTimezone, now });
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    for (const m of settings.methods) {
      await trx
        .updateTable('shipping_methods')
        .set({
          enabled: m.enabled ? 1 : 0,
          price_cents: m.priceCents,
          max_weight_grams: m.maxWeightGrams,
          cutoff: formatCutoff(m.cutoff),
          dispatch_weekdays: m.dispatchWeekdays.join(''),
          delivery_weekdays: m.deliveryWeekdays.join(''),
          transit_days: m.transitDays,
          updated_at: at,
        })
        .where('method', '=', m.method)
        .execute();
    }
    await trx
      .updateTable('shipping_settings')
      .set({
        free_from_cents: settings.freeFromCents,
        holiday_country: settings.holidayCountry,
        updated_at: at,
        updated_by: staffId,
      })
      .where('id', '=', 1)
      .execute();
    await trx.deleteFrom('shop_closing_days').execute();
    if (settings.closingDays.length > 0)
      await trx
        .insertInto('shop_closing_days')
        .values(settings.closingDays.map((d) => ({ date: d.date, note: d.note })))
        .execute();
  });
  return { ok: true };
}
