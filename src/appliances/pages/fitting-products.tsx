import { AddToCartForm } from '../../orders/pages/add-to-cart-form.tsx';
import { formatPrice } from '../../web/i18n/format.ts';
import type { PageCtx } from '../../web/page-context.ts';
import type { MatchProduct } from '../lookup-matches.ts';

/**
 * The consumables that fit one appliance, each with its note, price, stock and a cart button that remembers the
 * appliance (for "my appliances" and reorders). Shown by the lookup and on the customer's own appliances.
 */
export function FittingProducts({
  ctx,
  applianceId,
  products,
}: {
  ctx: PageCtx;
  applianceId: string;
  products: MatchProduct[];
}) {
  const { t, locale, currency } = ctx;
  return (
    <ul class="fits">
      {products.map((p) => (
        <li key={p.sku} class="fit">
          <span class="fit-name">
            <a href={`/p/by-sku/${encodeURIComponent(p.sku)}`}>{p.name}</a>
            {p.note ? <span class="muted"> — {p.note}</span> : null}
          </span>
          <span class="fit-price">{formatPrice(p.priceCents, locale, currency)}</span>
          <span class={p.inStock ? 'stock in' : 'stock out'}>
            {p.inStock ? t('catalog.inStock') : t('catalog.outOfStock')}
          </span>
          <AddToCartForm
            ctx={ctx}
            sku={p.sku}
            name={p.name}
            disabled={!p.inStock}
            applianceId={applianceId}
          />
        </li>
      ))}
    </ul>
  );
}
