import { Layout } from '../../web/components/layout.tsx';
import { Pagination } from '../../web/components/pagination.tsx';
import type { PageCtx } from '../../web/page-context.ts';
import type { CategoryView, ProductView } from '../queries.ts';
import { ProductGrid } from './product-card.tsx';

export function SearchPage(props: {
  ctx: PageCtx;
  query: string;
  truncated: boolean;
  categories: CategoryView[];
  products: ProductView[];
  total: number;
  page: number;
  pages: number;
}) {
  const { ctx, query, products, total } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('search.title')} categories={props.categories} searchQuery={query} noindex>
      <h1>{t('search.title')}</h1>
      {props.truncated ? <p role="status">{t('search.tooLong')}</p> : null}
      {query === '' ? (
        <p>{t('search.empty')}</p>
      ) : total === 0 ? (
        <p role="status">{t('search.none', { query })}</p>
      ) : (
        <>
          <p role="status">{t('search.resultsFor', { count: total, query })}</p>
          <ProductGrid ctx={ctx} products={products} />
          <Pagination
            ctx={ctx}
            page={props.page}
            pages={props.pages}
            href={(p) => `/search?q=${encodeURIComponent(query)}&page=${p}`}
          />
        </>
      )}
    </Layout>
  );
}
