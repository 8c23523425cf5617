import type { FastifyRequest } from 'fastify';
import type { Config, Locale } from '../config.ts';
import type { Translate } from './i18n/messages.ts';
import { pageCsrfToken } from './page-cache.ts';

/** What every page component gets: the language, the translator and a few request facts. Never a raw request. */
export type PageCtx = {
  locale: Locale;
  t: Translate;
  shopName: string;
  currency: string;
  timeZone: string;
  /** Path and query of this page, for the language switch and canonical links. */
  url: string;
  /** The shop's public address (PUBLIC_URL, no trailing slash), for links that must be absolute. */
  publicUrl: string;
  csrfToken: () => string;
  staff: { id: string; name: string; role: 'owner' | 'staff' } | null;
  /** The signed-in customer (the header then says "My account"); such pages are never page-cached. */
  customer: { id: string; name: string | null } | null;
};

export function pageCtx(request: FastifyRequest, config: Config): PageCtx {
  return {
    locale: request.locale,
    t: request.t,
    shopName: config.shopName,
    currency: config.currency,
    timeZone: config.shopTimezone,
    url: request.url,
    publicUrl: config.publicUrl,
    csrfToken: () => pageCsrfToken(request),
    staff: request.staff
      ? { id: request.staff.id, name: request.staff.name, role: request.staff.role }
      : null,
    customer: request.customer ? { id: request.customer.id, name: request.customer.name } : null,
  };
}

/** The same page in the other language: `?lang=` set, everything else kept. */
export function withLang(url: string, lang: Locale): string {
  const u = new URL(url, 'http://x');
  u.searchParams.set('lang', lang);
  return `${u.pathname}${u.search}`;
}
