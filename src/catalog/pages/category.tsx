import { Layout } from '../../web/components/layout.tsx';
import { Pagination } from '../../web/components/pagination.tsx';
import type { PageCtx } from '../../web/page-context.ts';
import type { CategoryView, ProductView } from '../queries.ts';
import { ProductGrid } from './product-card.tsx';

export function CategoryPage(props: {
  ctx: PageCtx;
  category: CategoryView;
  categories: CategoryView[];
  products: ProductView[];
  total: number;
  page: number;
  pages: number;
}) {
  const { ctx, category, products, page, pages } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={category.name} description={category.description} categories={props.categories}>
      <nav aria-label={t('catalog.breadcrumb')} class="crumbs">
        <a href="/">{t('layout.home')}</a> › <span aria-current="page">{category.name}</span>
      </nav>
      <h1>{category.name}</h1>
      <p>{category.description}</p>
      <p class="muted">{t('catalog.productCount', { count: props.total })}</p>
      {products.length === 0 ? (
        <p>{t('catalog.noProducts')}</p>
      ) : (
        <ProductGrid ctx={ctx} products={products} />
      )}
      <Pagination ctx={ctx} page={page} pages={pages} href={(p) => `/c/${category.slug}?page=${p}`} />
    </Layout>
  );
}
