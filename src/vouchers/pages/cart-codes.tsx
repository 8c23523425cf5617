import { TextField } from '../../staff/pages/fields.tsx';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { formatPrice } from '../../web/i18n/format.ts';
import type { PageCtx } from '../../web/page-context.ts';
import { formatCode } from '../codes.ts';
import type { CodesPreview } from '../preview-for-cart.ts';

/** What the cart page knows about the codes typed on it (POST /cart/codes); absent on a plain GET. */
export type CartCodesState = {
  typed: string;
  /** Why the codes do not apply, in the visitor's language. */
  error?: string | undefined;
  preview?: (CodesPreview & { ok: true }) | undefined;
  /** The shipping method the preview counts with: the one the checkout would choose first. */
  shipping: { method: 'mailbox' | 'parcel'; priceCents: number } | undefined;
  /** A fresh key for the checkout form the code goes to. */
  idempotencyKey: string;
};

/**
 * The cart's code field and, once applied, what the code does: the discount, shipping, the new total and VAT, the
 * gift card and what is left to pay. A plain form post (no JavaScript); it writes nothing. The checkout button
 * then posts the code on to the checkout page, so the code never appears in a URL.
 */
export function CartCodes({
  ctx,
  itemsCents,
  state,
}: {
  ctx: PageCtx;
  itemsCents: number;
  state: CartCodesState | undefined;
}) {
  const { t, locale, currency } = ctx;
  const price = (cents: number) => formatPrice(cents, locale, currency);
  const preview = state?.preview;
  const shippingCents = state?.shipping?.priceCents ?? 0;
  const total = itemsCents + shippingCents - (preview?.discountCents ?? 0);
  return (
    <section aria-labelledby="codes-title">
      <h2 id="codes-title">{t('voucher.cartTitle')}</h2>
      <form method="post" action="/cart/codes" class="form" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          id="codes"
          label={t('voucher.field')}
          value={state?.typed ?? ''}
          error={state?.error}
          hint={t('voucher.fieldHint')}
          maxLength={90}
        />
        <button type="submit" class="secondary">
          {t('voucher.apply')}
        </button>
      </form>
      {preview && state ? (
        <>
          <p class="notice" role="status">
            {t('voucher.cartApplied')}
          </p>
          <dl class="totals">
            <dt>{t('checkout.items')}</dt>
            <dd>{price(itemsCents)}</dd>
            {preview.voucherCode ? (
              <>
                <dt>{t('voucher.discount', { code: formatCode(preview.voucherCode) })}</dt>
                <dd>− {price(preview.discountCents)}</dd>
              </>
            ) : null}
            {state.shipping ? (
              <>
                <dt>
                  {t('voucher.cartShipping', { method: t(`checkout.method.${state.shipping.method}`) })}
                </dt>
                <dd>{shippingCents === 0 ? t('checkout.free') : price(shippingCents)}</dd>
              </>
            ) : null}
            <dt>{t('checkout.total')}</dt>
            <dd>
              <strong>{price(total)}</strong>
            </dd>
            {Object.entries(preview.vatCents).map(([rate, cents]) => (
              <>
                <dt>{t('cart.vatIncluded', { rate })}</dt>
                <dd>{price(cents)}</dd>
              </>
            ))}
            {preview.giftCardCode ? (
              <>
                <dt>{t('voucher.giftCard', { code: formatCode(preview.giftCardCode) })}</dt>
                <dd>− {price(preview.giftCardCents)}</dd>
                <dt>{t('voucher.due')}</dt>
                <dd>
                  <strong>{price(total - preview.giftCardCents)}</strong>
                </dd>
              </>
            ) : null}
          </dl>
          <p class="hint">{t('voucher.cartShippingHint')}</p>
        </>
      ) : null}
    </section>
  );
}

/** The cart's checkout button with an applied code: posts it to the checkout page ("apply"), which shows it again. */
export function CheckoutWithCode({ ctx, state }: { ctx: PageCtx; state: CartCodesState }) {
  return (
    <form method="post" action="/checkout">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="idempotency_key" value={state.idempotencyKey} />
      <input type="hidden" name="codes" value={state.typed} />
      <input type="hidden" name="from" value="cart" />
      <button type="submit" name="apply" value="1">
        {ctx.t('voucher.checkoutWithCode')}
      </button>
    </form>
  );
}
