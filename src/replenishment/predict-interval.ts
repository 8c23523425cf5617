import { Temporal } from 'temporal-polyfill';

/** A reminder goes this many days before the predicted run-out: time to order and receive it. */
export const REMIND_DAYS_BEFORE = 5;

/** Shortest and longest interval a plan may have, in days (what the customer may choose, too). */
export const MIN_INTERVAL_DAYS = 7;
export const MAX_INTERVAL_DAYS = 730;

/**
 * How often a customer uses up a consumable, from their own orders of it: the median gap in days between
 * successive order dates (YYYY-MM-DD, any order). Two orders on the same day count as one. The median, not
 * the mean, so one forgotten order (a gap twice as long) does not move the prediction much. Null with
 * fewer than two order dates: we do not guess from one purchase. Clamped to the range a plan may have.
 */
export function predictInterval(orderDates: readonly string[]): number | null {
  const days = [...new Set(orderDates)].sort().map((d) => Temporal.PlainDate.from(d));
  if (days.length < 2) return null;
  const gaps: number[] = [];
  for (let i = 1; i < days.length; i++) gaps.push(days[i - 1]!.until(days[i]!, { largestUnit: 'days' }).days);
  gaps.sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  const median = gaps.length % 2 === 1 ? gaps[mid]! : Math.round((gaps[mid - 1]! + gaps[mid]!) / 2);
  return Math.min(MAX_INTERVAL_DAYS, Math.max(MIN_INTERVAL_DAYS, median));
}

/** The interval in force: the customer's choice, else the prediction, else none. */
export function effectiveInterval(plan: { chosen_days: number | null; predicted_days: number | null }) {
  return plan.chosen_days ?? plan.predicted_days;
}

/** `date` (YYYY-MM-DD) plus `days`. */
export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}
