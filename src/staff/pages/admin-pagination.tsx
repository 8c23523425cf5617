import type { PageCtx } from '../../web/page-context.ts';

/** Previous/next links under an admin list, with "page n of m" between; nothing when everything fits on one page. */
export function AdminPagination({
  ctx,
  page,
  pages,
  href,
}: {
  ctx: PageCtx;
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  const { t } = ctx;
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={t('catalog.pagination')}>
      {page > 1 ? <a href={href(page - 1)}>{t('catalog.previous')}</a> : null}
      <span>{t('catalog.pageOf', { page, pages })}</span>
      {page < pages ? <a href={href(page + 1)}>{t('catalog.next')}</a> : null}
    </nav>
  );
}
