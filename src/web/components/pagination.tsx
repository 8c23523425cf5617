import type { PageCtx } from '../page-context.ts';

/**
 * Previous/next links under a list of pages (shop categories and search, admin lists), with "page n of m" between;
 * nothing when everything fits on one page. Plain links, so paging works without JavaScript.
 */
export function Pagination({
  ctx,
  page,
  pages,
  href,
}: {
  ctx: PageCtx;
  page: number;
  pages: number;
  href: (p: number) => string;
}) {
  const { t } = ctx;
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={t('catalog.pagination')}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          {t('catalog.previous')}
        </a>
      ) : null}
      <span aria-current="page">{t('catalog.pageOf', { page, pages })}</span>
      {page < pages ? (
        <a href={href(page + 1)} rel="next">
          {t('catalog.next')}
        </a>
      ) : null}
    </nav>
  );
}
