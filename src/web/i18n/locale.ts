import { LOCALES, type Locale } from '../../config.ts';

export const LOCALE_COOKIE = 'lang';

function asLocale(value: unknown): Locale | undefined {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
    ? (value as Locale)
    : undefined;
}

/** The visitor's language: `?lang=` first, then the `lang` cookie, then Accept-Language, then the shop default. */
export function resolveLocale(
  input: { query?: unknown; cookie?: string | undefined; acceptLanguage?: string | undefined },
  fallback: Locale,
): { locale: Locale; fromQuery: boolean } {
  const fromQuery = asLocale((input.query as Record<string, unknown> | undefined)?.lang);
  if (fromQuery) return { locale: fromQuery, fromQuery: true };
  const fromCookie = asLocale(input.cookie);
  if (fromCookie) return { locale: fromCookie, fromQuery: false };
  return { locale: fromAcceptLanguage(input.acceptLanguage) ?? fallback, fromQuery: false };
}

function fromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) {
    const locale = asLocale(lang);
    if (locale) return locale;
  }
  return undefined;
}
