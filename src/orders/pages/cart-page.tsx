import { CartCodes, type CartCodesState, CheckoutWithCode } from '../../vouchers/pages/cart-codes.tsx';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { Layout } from '../../web/components/layout.tsx';
import { formatPrice } from '../../web/i18n/format.ts';
import type { PageCtx } from '../../web/page-context.ts';
import type { CartView } from '../view-cart.ts';
import type { OfferedMethod } from './checkout-page.tsx';

export function CartPage({
  ctx,
  cart,
  methods = [],
  freeFromCents = null,
  notice,
  error,
  codes,
}: {
  ctx: PageCtx;
  cart: CartView | null;
  /** Shipping methods with price and delivery promise; every cost is shown before checkout. */
  methods?: OfferedMethod[];
  /** The free-shipping threshold (goods total, cents); null: the shop has none. */
  freeFromCents?: number | null;
  notice?: string;
  error?: string;
  /** The voucher / gift-card code typed on the cart, with what it does (src/vouchers). */
  codes?: CartCodesState | undefined;
}) {
  const { t, locale, currency } = ctx;
  const price = (cents: number) => formatPrice(cents, locale, currency);
  return (
    <Layout ctx={ctx} title={t('cart.title')} noindex>
      <h1>{t('cart.title')}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p class="notice error" role="alert">
          {error}
        </p>
      ) : null}
      {!cart || cart.lines.length === 0 ? (
        <>
          <p>{t('cart.empty')}</p>
          <p>
            <a href="/">{t('cart.emptyHint')}</a>
          </p>
        </>
      ) : (
        <>
          <div class="table-wrap">
            <table class="cart">
              <caption class="sr-only">{t('cart.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cart.product')}</th>
                  <th scope="col">{t('cart.price')}</th>
                  <th scope="col">{t('cart.quantity')}</th>
                  <th scope="col">{t('cart.lineTotal')}</th>
                </tr>
              </thead>
              <tbody>
                {cart.lines.map((l) => (
                  <tr key={l.sku}>
                    <td>
                      <a href={`/p/${l.slug}`}>{l.name}</a>
                      {l.shortOfStock ? (
                        <p class="stock low">{t('cart.shortOfStock', { stock: l.stock })}</p>
                      ) : null}
                    </td>
                    <td>
                      {l.prices.length > 1
                        ? l.prices.map((p, i) => (
                            <p key={p.unitPriceCents}>
                              {t(i === 0 ? 'cart.pricePromised' : 'cart.priceToday', {
                                quantity: p.quantity,
                                price: price(p.unitPriceCents),
                              })}
                            </p>
                          ))
                        : price(l.unitPriceCents)}
                    </td>
                    <td>
                      <form method="post" action={`/cart/lines/${encodeURIComponent(l.sku)}`} class="qty">
                        <CsrfField ctx={ctx} />
                        <label class="sr-only" for={`qty-${l.sku}`}>
                          {t('cart.quantityFor', { name: l.name })}
                        </label>
                        <input
                          id={`qty-${l.sku}`}
                          type="number"
                          name="quantity"
                          min={0}
                          max={99}
                          value={l.quantity}
                          inputMode="numeric"
                        />
                        <button type="submit" class="secondary">
                          {t('cart.update')}
                        </button>
                      </form>
                      <form method="post" action={`/cart/lines/${encodeURIComponent(l.sku)}`}>
                        <CsrfField ctx={ctx} />
                        <input type="hidden" name="quantity" value="0" />
                        <button
                          type="submit"
                          class="secondary"
                          aria-label={t('cart.removeName', { name: l.name })}
                        >
                          {t('cart.remove')}
                        </button>
                      </form>
                    </td>
                    <td>{price(l.lineTotalCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <dl class="totals">
            <dt>{t('cart.total')}</dt>
            <dd>
              <strong>{price(cart.totalCents)}</strong>
            </dd>
            {Object.entries(cart.vatCents).map(([rate, cents]) => (
              <>
                <dt>{t('cart.vatIncluded', { rate })}</dt>
                <dd>{price(cents)}</dd>
              </>
            ))}
          </dl>
          {methods.some((m) => m.method === 'mailbox' && m.available) ? (
            <p class="badge">{t('cart.mailboxNote')}</p>
          ) : null}
          <section aria-labelledby="shipping-title">
            <h2 id="shipping-title">{t('cart.shippingTitle')}</h2>
            <ul>
              {methods.map((m) => (
                <li key={m.method}>
                  <strong>{t(`checkout.method.${m.method}`)}</strong>:{' '}
                  {m.available
                    ? `${m.priceCents === 0 ? t('checkout.free') : price(m.priceCents)}. ${m.promise}`
                    : t('cart.notAvailable')}
                </li>
              ))}
            </ul>
            {methods.some((m) => m.available) ? null : <p>{t('cart.noMethod')}</p>}
            {freeFromCents === null ? null : (
              <p>
                {cart.totalCents >= freeFromCents
                  ? t('cart.freeReached')
                  : `${t('cart.freeFrom', { amount: price(freeFromCents) })} ${t('cart.freeMissing', {
                      amount: price(freeFromCents - cart.totalCents),
                    })}`}
              </p>
            )}
          </section>
          <CartCodes ctx={ctx} itemsCents={cart.totalCents} state={codes} />
          {codes?.preview ? (
            <CheckoutWithCode ctx={ctx} state={codes} />
          ) : (
            <p>
              <a href="/checkout" class="button">
                {t('cart.checkout')}
              </a>
            </p>
          )}
          <p>
            <a href="/">{t('cart.continue')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}
