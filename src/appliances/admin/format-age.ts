import type { Locale } from '../../config.ts';

const formats = new Map<Locale, Intl.RelativeTimeFormat>();

/** How long ago something happened, in words: "3 uur geleden" / "3 hours ago"; `nowMs` comes from the clock. */
export function formatAge(iso: string, nowMs: number, locale: Locale): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { numeric: 'auto' });
    formats.set(locale, format);
  }
  const minutes = Math.max(0, Math.round((nowMs - Date.parse(iso)) / 60_000));
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return format.format(-hours, 'hour');
  return format.format(-Math.round(hours / 24), 'day');
}
