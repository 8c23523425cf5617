import type { Locale } from '../../config.ts';

/** "maandag 7 december" / "Monday 7 December": a calendar date (YYYY-MM-DD), so no time zone shifts it. */
export function formatDay(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}
