import type { PageCtx } from '../../web/page-context.ts';
import type { ProductView } from '../queries.ts';
import { PriceTag, StockState } from './price-tag.tsx';

export function ProductCard({ ctx, product }: { ctx: PageCtx; product: ProductView }) {
  const image = product.images[0];
  return (
    <li class="card">
      {image ? (
        <img
          src={`/images/${image.id}/thumb.webp`}
          alt=""
          width={160}
          height={160}
          loading="lazy"
          decoding="async"
        />
      ) : (
        <span class="placeholder" aria-hidden="true">
          {product.name.slice(0, 1)}
        </span>
      )}
      <h2>
        <a href={`/p/${product.slug}`}>{product.name}</a>
      </h2>
      <PriceTag ctx={ctx} cents={product.priceCents} lowest30={product.lowest30DaysCents} />
      <StockState ctx={ctx} stock={product.stock} />
      {product.mailboxFit ? <p class="badge">{ctx.t('catalog.mailbox')}</p> : null}
    </li>
  );
}

export function ProductGrid({ ctx, products }: { ctx: PageCtx; products: ProductView[] }) {
  return (
    <ul class="grid">
      {products.map((p) => (
        <ProductCard key={p.id} ctx={ctx} product={p} />
      ))}
    </ul>
  );
}
