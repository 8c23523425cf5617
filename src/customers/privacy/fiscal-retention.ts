import { Temporal } from 'temporal-polyfill';

/** Dutch fiscal retention (AWR art. 52): sales records are kept 7 years after the end of their fiscal year. */
export const FISCAL_RETENTION_YEARS = 7;

/**
 * When the sales record of an order placed at `createdAt` may be anonymised: 7 years after the end of the fiscal
 * year it belongs to, which is the calendar year of the order in the shop's time zone. An order of any day in
 * 2026 is kept through 31 December 2033 and purged from the first moment of 2034 (shop time).
 */
export function purgeDateOf(createdAt: string, timeZone: string): string {
  const year = Temporal.Instant.from(createdAt).toZonedDateTimeISO(timeZone).year;
  return startOfYear(year + FISCAL_RETENTION_YEARS + 1, timeZone);
}

/**
 * The first moment whose orders are still within retention at `now`: orders placed before it are past their
 * purge date (`purgeDateOf(createdAt) <= now` exactly when `createdAt < retentionCutoff(now)`).
 */
export function retentionCutoff(now: string, timeZone: string): string {
  const year = Temporal.Instant.from(now).toZonedDateTimeISO(timeZone).year;
  return startOfYear(year - FISCAL_RETENTION_YEARS, timeZone);
}

function startOfYear(year: number, timeZone: string): string {
  const start = Temporal.PlainDate.from({ year, month: 1, day: 1 }).toZonedDateTime(timeZone).toInstant();
  return new Date(start.epochMilliseconds).toISOString();
}
