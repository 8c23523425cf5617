import type { Ctx } from '../context.ts';
import { SHIPPING_METHODS } from './shipping-methods.ts';
import { type MethodSettings, parseCutoff, type ShippingSettings } from './shipping-settings.ts';

/**
 * The shipping settings as stored (three small reads). Callers on a hot path read the in-memory snapshot of
 * `ShippingSettingsService` instead; the admin page reads here, to show what is saved. Throws when the rows
 * migration 0015 seeded are missing: the shop cannot promise anything without them.
 */
export async function loadShippingSettings(ctx: Pick<Ctx, 'db'>): Promise<ShippingSettings> {
  const [methodRows, shop, closing] = await Promise.all([
    ctx.db.selectFrom('shipping_methods').selectAll().execute(),
    ctx.db.selectFrom('shipping_settings').selectAll().where('id', '=', 1).executeTakeFirst(),
    ctx.db.selectFrom('shop_closing_days').select(['date', 'note']).orderBy('date').execute(),
  ]);
  if (!shop) throw new Error('shipping_settings has no row: run the migrations');
  const methods = SHIPPING_METHODS.map((method): MethodSettings => {
    const row = methodRows.find((r) => r.method === method);
    if (!row) throw new Error(`shipping_methods has no row for ${method}: run the migrations`);
    const cutoff = parseCutoff(row.cutoff);
    if (!cutoff) throw new Error(`shipping_methods.cutoff of ${method} is not HH:MM: "${row.cutoff}"`);
    return {
      method,
      enabled: Number(row.enabled) === 1,
      priceCents: Number(row.price_cents),
      maxWeightGrams: row.max_weight_grams === null ? null : Number(row.max_weight_grams),
      cutoff,
      dispatchWeekdays: weekdays(row.dispatch_weekdays),
      deliveryWeekdays: weekdays(row.delivery_weekdays),
      transitDays: Number(row.transit_days),
    };
  });
  return {
    methods,
    freeFromCents: shop.free_from_cents === null ? null : Number(shop.free_from_cents),
    holidayCountry: shop.holiday_country,
    closingDays: closing.map((d) => ({ date: d.date, note: d.note })),
  };
}

/** '12345' → [1, 2, 3, 4, 5]. */
function weekdays(digits: string): number[] {
  return [...digits].map(Number).filter((d) => d >= 1 && d <= 7);
}
