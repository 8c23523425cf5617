import type { ShippingMethod } from './shipping-methods.ts';

/**
 * One shipping method as the owner set it up at /admin/shipping. Times and weekdays are the shop's wall clock
 * (`config.shopTimezone`); see `ShippingCalendar` for how they make a delivery promise.
 */
export type MethodSettings = {
  method: ShippingMethod;
  /** Offered to customers. At least one method is always on. */
  enabled: boolean;
  /** What the customer pays below the free-shipping threshold, cents incl. VAT, 0–MAX_PRICE_CENTS. */
  priceCents: number;
  /** The heaviest parcel the method takes, grams; null: no limit (the parcel). */
  maxWeightGrams: number | null;
  /** Orders placed before this local time on a dispatch day leave that day. */
  cutoff: { hour: number; minute: number };
  /** ISO weekdays (1 = Monday … 7 = Sunday), ascending, on which the shop dispatches. */
  dispatchWeekdays: number[];
  /** ISO weekdays, ascending, on which the carrier delivers (mailbox parcels in NL: Tuesday–Saturday). */
  deliveryWeekdays: number[];
  /** Carrier delivery days between dispatch and delivery, 1–MAX_TRANSIT_DAYS; 1 = the next delivery day. */
  transitDays: number;
};

/** A day the shop dispatches nothing (the carriers still deliver), with the owner's note ("stocktaking"). */
export type ClosingDay = { date: string; note: string };

/**
 * The shop's shipping settings, as one immutable snapshot: read once by `ShippingSettingsService`, replaced
 * whole after an edit, and handed by callers to `shippingOptions`, `productPromise` and `placeOrder`.
 */
export type ShippingSettings = {
  /** Every method, in SHIPPING_METHODS order, switched on or not. */
  methods: readonly MethodSettings[];
  /** Goods total (cents incl. VAT) from which shipping is free, whatever the method; null: never free. */
  freeFromCents: number | null;
  /** ISO 3166-1 alpha-2 country whose public holidays (date-holidays, type 'public') stop dispatch and delivery. */
  holidayCountry: string;
  /** The shop's own closing days, ascending by date. */
  closingDays: readonly ClosingDay[];
};

/** Limits the admin form and the save use case hold the settings to. */
export const SHIPPING_LIMITS = {
  maxPriceCents: 100_000,
  maxFreeFromCents: 10_000_000,
  maxWeightGrams: 30_000,
  maxTransitDays: 10,
  maxClosingDays: 366,
  maxNoteLength: 100,
} as const;

/** The method's settings, whether it is switched on or not; undefined only for a method the shop does not know. */
export function methodSettings(settings: ShippingSettings, method: string): MethodSettings | undefined {
  return settings.methods.find((m) => m.method === method);
}

/** A cut-off as the form and the table write it: '09:05'. */
export function formatCutoff(cutoff: { hour: number; minute: number }): string {
  return `${String(cutoff.hour).padStart(2, '0')}:${String(cutoff.minute).padStart(2, '0')}`;
}

/** '09:05' or '9:05' → { hour: 9, minute: 5 }; null for anything else (24:00, 9:5, 9.05). */
export function parseCutoff(text: string): { hour: number; minute: number } | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}
