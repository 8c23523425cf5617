import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.ts';
import { productPromise } from '../../orders/product-promise.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { listCategories, listProducts, productBySku, productBySlug } from '../queries.ts';
import { CategoryPage } from './category.tsx';
import { HomePage } from './home.tsx';
import { ProductPage } from './product.tsx';
import { SearchPage } from './search.tsx';

const PER_PAGE = 24;

function pageNumber(query: unknown): number {
  const raw = (query as { page?: string }).page;
  const n = Number(raw ?? '1');
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

/** The storefront: home, category, product and search pages. */
export function registerCatalogPages(app: FastifyInstance): void {
  app.get('/', { config: { pageCache: true } }, async (request, reply) => {
    const categories = await listCategories(request.ctx);
    return sendPage(reply, <HomePage ctx={pageCtx(request, app.config)} categories={categories} />);
  });

  app.get('/c/:slug', { config: { pageCache: true } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const categories = await listCategories(request.ctx);
    const category = categories.find((c) => c.slug === slug);
    if (!category) throw new AppError('not-found');
    const page = pageNumber(request.query);
    const { total, items } = await listProducts(
      request.ctx,
      { categorySlug: slug },
      { limit: PER_PAGE, offset: (page - 1) * PER_PAGE },
    );
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    return sendPage(
      reply,
      <CategoryPage
        ctx={pageCtx(request, app.config)}
        category={category}
        categories={categories}
        products={items}
        total={total}
        page={Math.min(page, pages)}
        pages={pages}
      />,
    );
  });

  app.get('/p/:slug', { config: { pageCache: true } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const [product, categories] = await Promise.all([
      productBySlug(request.ctx, slug),
      listCategories(request.ctx),
    ]);
    if (!product) throw new AppError('not-found');
    return sendPage(
      reply,
      <ProductPage
        ctx={pageCtx(request, app.config)}
        product={product}
        categories={categories}
        promise={
          product.stock > 0
            ? productPromise(request.ctx, request.server.shipping.current, request.t, product)
            : null
        }
      />,
    );
  });

  /** Product links where only the SKU is known (lookup results): the canonical page is /p/:slug. */
  app.get('/p/by-sku/:sku', async (request, reply) => {
    const { sku } = request.params as { sku: string };
    const product = await productBySku(request.ctx, sku);
    if (!product) throw new AppError('not-found');
    return reply.redirect(`/p/${product.slug}`, 301);
  });

  app.get('/search', async (request, reply) => {
    const raw = String((request.query as { q?: unknown }).q ?? '');
    const query = raw.trim().slice(0, 100);
    const page = pageNumber(request.query);
    const categories = await listCategories(request.ctx);
    const { total, items } = query
      ? await listProducts(request.ctx, { query }, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE })
      : { total: 0, items: [] };
    return sendPage(
      reply,
      <SearchPage
        ctx={pageCtx(request, app.config)}
        query={query}
        truncated={raw.trim().length > 100}
        categories={categories}
        products={items}
        total={total}
        page={page}
        pages={Math.max(1, Math.ceil(total / PER_PAGE))}
      />,
    );
  });
}
