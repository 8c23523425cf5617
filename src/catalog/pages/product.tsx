import { AddToCartForm } from '../../orders/pages/add-to-cart-form.tsx';
import { Layout } from '../../web/components/layout.tsx';
import { formatNumber } from '../../web/i18n/format.ts';
import type { PageCtx } from '../../web/page-context.ts';
import type { CategoryView, ProductView } from '../queries.ts';
import { PriceTag, StockState } from './price-tag.tsx';

export function ProductPage({
  ctx,
  product,
  categories,
  promise,
}: {
  ctx: PageCtx;
  product: ProductView;
  categories: CategoryView[];
  /** The delivery promise in words, when the product is in stock. */
  promise: string | null;
}) {
  const { t, locale } = ctx;
  const image = product.images[0];
  const d = product.dimensionsMm;
  return (
    <Layout
      ctx={ctx}
      title={product.name}
      description={product.description.slice(0, 160)}
      categories={categories}
    >
      <nav aria-label={t('catalog.breadcrumb')} class="crumbs">
        <a href="/">{t('layout.home')}</a> ›{' '}
        <a href={`/c/${product.category.slug}`}>{product.category.name}</a> ›{' '}
        <span aria-current="page">{product.name}</span>
      </nav>
      <article class="product">
        {image ? (
          <img
            class="product-image"
            src={`/images/${image.id}/large.webp`}
            alt={image.alt || product.name}
            width={image.width}
            height={image.height}
            decoding="async"
          />
        ) : null}
        <div class="product-info">
          <h1>{product.name}</h1>
          <PriceTag ctx={ctx} cents={product.priceCents} lowest30={product.lowest30DaysCents} />
          <StockState ctx={ctx} stock={product.stock} />
          {product.mailboxFit ? <p class="badge">{t('catalog.mailbox')}</p> : null}
          {promise ? <p class="promise">{promise}</p> : null}
          <AddToCartForm ctx={ctx} sku={product.sku} name={product.name} disabled={product.stock <= 0} />
          <p>{product.description}</p>
          <h2>{t('catalog.details')}</h2>
          <dl class="specs">
            <dt>{t('catalog.sku')}</dt>
            <dd>{product.sku}</dd>
            <dt>{t('catalog.category')}</dt>
            <dd>{product.category.name}</dd>
            <dt>{t('catalog.weight')}</dt>
            <dd>{formatNumber(product.weightGrams, locale)} g</dd>
            {d ? (
              <>
                <dt>{t('catalog.dimensions')}</dt>
                <dd>
                  {formatNumber(d.length / 10, locale)} × {formatNumber(d.width / 10, locale)} ×{' '}
                  {formatNumber(d.height / 10, locale)} cm
                </dd>
              </>
            ) : null}
            <dt>{t('catalog.vat')}</dt>
            <dd>{product.vatRate}%</dd>
          </dl>
        </div>
      </article>
    </Layout>
  );
}
