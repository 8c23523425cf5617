import Holidays from 'date-holidays';
import { Temporal } from 'temporal-polyfill';
import { deliveryPromise } from './delivery-promise.ts';
import { calendarFor, type ShippingMethod } from './shipping-methods.ts';
import { SHIPPING_LIMITS, type ShippingSettings } from './shipping-settings.ts';

/** A field of the shipping settings, named as the admin form names its inputs. */
export type ShippingField =
  | `${ShippingMethod}-${'enabled' | 'price' | 'maxWeight' | 'cutoff' | 'dispatch' | 'delivery' | 'transit'}`
  | 'freeFrom'
  | 'holidayCountry'
  | 'closingDays';

/** What is wrong with one field; `line` and `date` point into the closing days. */
export type ShippingProblem =
  | { problem: 'price' | 'weight' | 'cutoff' | 'weekdays' | 'transit' | 'threshold' | 'country' }
  | { problem: 'all-off' | 'never-dispatches' | 'too-many-days' }
  | { problem: 'closing-date' | 'closing-note'; line: number }
  | { problem: 'closing-twice'; line: number; date: string };

export type ShippingProblems = Partial<Record<ShippingField, ShippingProblem>>;

let holidayCountries: Set<string> | null = null;

/** The countries date-holidays knows (ISO 3166-1 alpha-2), for the holiday-country choice. */
export function knownHolidayCountries(): Set<string> {
  holidayCountries ??= new Set(Object.keys(new Holidays().getCountries()));
  return holidayCountries;
}

/**
 * Everything that keeps these settings from being saved, per field; empty when they may be. Besides each
 * value's range: at least one method stays on, and every method still dispatches and delivers within a year of
 * `now` with these weekdays, holidays and closing days (otherwise no delivery promise can be made).
 */
export function shippingSettingsProblems(
  settings: ShippingSettings,
  at: { timeZone: string; now: Temporal.Instant },
): ShippingProblems {
  const problems: ShippingProblems = {};
  const { methods } = settings;
  for (const m of methods) {
    const field = (name: string) => `${m.method}-${name}` as ShippingField;
    if (!wholeIn(m.priceCents, 0, SHIPPING_LIMITS.maxPriceCents))
      problems[field('price')] = { problem: 'price' };
    if (m.maxWeightGrams !== null && !wholeIn(m.maxWeightGrams, 1, SHIPPING_LIMITS.maxWeightGrams))
      problems[field('maxWeight')] = { problem: 'weight' };
    if (!wholeIn(m.cutoff.hour, 0, 23) || !wholeIn(m.cutoff.minute, 0, 59))
      problems[field('cutoff')] = { problem: 'cutoff' };
    if (!isWeekdaySet(m.dispatchWeekdays)) problems[field('dispatch')] = { problem: 'weekdays' };
    if (!isWeekdaySet(m.deliveryWeekdays)) problems[field('delivery')] = { problem: 'weekdays' };
    if (!wholeIn(m.transitDays, 1, SHIPPING_LIMITS.maxTransitDays))
      problems[field('transit')] = { problem: 'transit' };
  }
  const first = methods[0];
  if (first && methods.every((m) => !m.enabled)) problems[`${first.method}-enabled`] = { problem: 'all-off' };
  if (
    settings.freeFromCents !== null &&
    !wholeIn(settings.freeFromCents, 0, SHIPPING_LIMITS.maxFreeFromCents)
  )
    problems.freeFrom = { problem: 'threshold' };
  if (!knownHolidayCountries().has(settings.holidayCountry)) problems.holidayCountry = { problem: 'country' };
  const closing = closingDayProblem(settings);
  if (closing) problems.closingDays = closing;
  if (Object.keys(problems).length > 0) return problems;

  // only a calendar whose every part is valid can be tried
  for (const m of methods) {
    try {
      deliveryPromise(calendarFor(settings, m, at.timeZone), at.now);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      problems[`${m.method}-dispatch`] = { problem: 'never-dispatches' };
    }
  }
  return problems;
}

function closingDayProblem(settings: ShippingSettings): ShippingProblem | null {
  const days = settings.closingDays;
  if (days.length > SHIPPING_LIMITS.maxClosingDays) return { problem: 'too-many-days' };
  const seen = new Set<string>();
  for (const [i, day] of days.entries()) {
    const line = i + 1;
    if (!isIsoDate(day.date)) return { problem: 'closing-date', line };
    if (seen.has(day.date)) return { problem: 'closing-twice', line, date: day.date };
    seen.add(day.date);
    if (day.note.length > SHIPPING_LIMITS.maxNoteLength) return { problem: 'closing-note', line };
  }
  return null;
}

/** 'YYYY-MM-DD' naming a real day. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  try {
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

function wholeIn(n: number, min: number, max: number): boolean {
  return Number.isInteger(n) && n >= min && n <= max;
}

function isWeekdaySet(days: readonly number[]): boolean {
  return days.length > 0 && days.every((d, i) => wholeIn(d, 1, 7) && (i === 0 || d > days[i - 1]!));
}
