import { formatPrice } from '../../web/i18n/format.ts';
import type { PageCtx } from '../../web/page-context.ts';

/** Price incl. VAT and, when reduced, the Omnibus lowest price of the 30 days before. */
export function PriceTag({ ctx, cents, lowest30 }: { ctx: PageCtx; cents: number; lowest30: number | null }) {
  const { t, locale, currency } = ctx;
  return (
    <p class={lowest30 ? 'price reduced' : 'price'}>
      <span class="amount">{formatPrice(cents, locale, currency)}</span>{' '}
      <span class="vat">{t('catalog.inclVat')}</span>
      {lowest30 ? (
        <span class="omnibus">
          {t('catalog.lowest30', { price: formatPrice(lowest30, locale, currency) })}
        </span>
      ) : null}
    </p>
  );
}

export function StockState({ ctx, stock }: { ctx: PageCtx; stock: number }) {
  const { t } = ctx;
  if (stock <= 0) return <p class="stock out">{t('catalog.outOfStock')}</p>;
  if (stock <= 3) return <p class="stock low">{t('catalog.lowStock', { count: stock })}</p>;
  return <p class="stock in">{t('catalog.inStock')}</p>;
}
