import type { Locale } from '../../config.ts';

const intlLocale: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };
const priceFormats = new Map<string, Intl.NumberFormat>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `1295` → "€ 12,95" (nl) / "€12.95" (en). Integer cents in, never floats near money. */
export function formatPrice(cents: number, locale: Locale, currency = 'EUR'): string {
  const key = `${locale}:${currency}`;
  let format = priceFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale[locale], { style: 'currency', currency });
    priceFormats.set(key, format);
  }
  return format.format(cents / 100);
}

/** `1234.5` → "1.234,5" (nl) / "1,234.5" (en). The formatter is made once per language: making one is slow. */
export function formatNumber(n: number, locale: Locale): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale[locale]);
    numberFormats.set(locale, format);
  }
  return format.format(n);
}

/** A date (and optionally time) in the shop's time zone, e.g. "dinsdag 2 december 2026". */
export function formatDate(iso: string, locale: Locale, timeZone: string, withTime = false): string {
  const key = `${locale}:${timeZone}:${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], {
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone,
    });
    dateFormats.set(key, format);
  }
  return format.format(new Date(iso));
}

/** How much of a calendar date to write: see `formatDay`. */
export type DayForm = 'full' | 'day' | 'short' | 'weekday';

const dayOptions: Record<DayForm, Intl.DateTimeFormatOptions> = {
  full: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  day: { weekday: 'long', day: 'numeric', month: 'long' },
  short: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
  weekday: { weekday: 'long' },
};
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar date (`YYYY-MM-DD`, such as a delivery or run-out date) in words: `full` "dinsdag 1 december 2026" /
 * "Tuesday, 1 December 2026" (mails), `day` "dinsdag 1 december" (pages, this year), `short` "di 1 dec 2026"
 * (admin), `weekday` "dinsdag". A date has no time of day, so no time zone shifts it.
 */
export function formatDay(date: string, locale: Locale, form: DayForm = 'day'): string {
  const key = `${locale}:${form}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], { ...dayOptions[form], timeZone: 'UTC' });
    dayFormats.set(key, format);
  }
  return format.format(Date.parse(`${date}T12:00:00Z`));
}

export function htmlLang(locale: Locale): string {
  return locale;
}
