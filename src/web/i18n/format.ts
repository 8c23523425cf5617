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

export function htmlLang(locale: Locale): string {
  return locale;
}
