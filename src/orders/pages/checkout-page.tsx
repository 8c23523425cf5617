import { paymentMethodName } from '../../payments/payment-method-name.ts';
import { SelectField, TextField } from '../../staff/pages/fields.tsx';
import { formatCode } from '../../vouchers/codes.ts';
import type { CodesPreview } from '../../vouchers/preview-for-cart.ts';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { Layout } from '../../web/components/layout.tsx';
import { formatPrice } from '../../web/i18n/format.ts';
import type { PageCtx } from '../../web/page-context.ts';
import type { SavedAddress } from '../checkout-address.ts';
import { COUNTRIES } from '../checkout-input.ts';
import type { CartView } from '../view-cart.ts';

/** A shipping method as offered on the page: price and the delivery promise in words. */
export type OfferedMethod = {
  method: 'mailbox' | 'parcel';
  available: boolean;
  priceCents: number;
  promise: string;
};

/** The form's values, by form field name (flat: `postcode`, not `address.postcode`). */
export type CheckoutForm = Partial<
  Record<
    | 'email'
    | 'name'
    | 'street'
    | 'houseNumber'
    | 'addition'
    | 'postcode'
    | 'city'
    | 'country'
    | 'shippingMethod'
    | 'paymentMethod'
    | 'codes',
    string
  >
>;

type Props = {
  ctx: PageCtx;
  cart: CartView;
  methods: OfferedMethod[];
  values: CheckoutForm;
  /** Per form field, in words. */
  errors: Record<string, string>;
  /** A problem with the whole order (out of stock, busy). */
  alert?: string | undefined;
  idempotencyKey: string;
  /** The payment methods offered: 'bank-transfer', plus Mollie's online methods when configured. */
  paymentMethods: readonly string[];
  /** Signed in: who, their (household's) saved addresses and the one filled in. Absent for guests. */
  signedIn?: { email: string; addresses: SavedAddress[]; chosenId: string | null } | undefined;
  /** Something to tell before the form, e.g. what a reorder could not put in the cart. */
  notice?: string | undefined;
  /** What the typed voucher / gift-card codes do to the total (src/vouchers), when they were accepted. */
  codes?: (CodesPreview & { ok: true }) | undefined;
};

/**
 * The checkout on one page, in three steps: address and e-mail, shipping, payment and confirm.
 * Every cost is shown before the button; nothing is pre-ticked and there is no marketing opt-in.
 */
export function CheckoutPage({
  ctx,
  cart,
  methods,
  values,
  errors,
  alert,
  idempotencyKey,
  paymentMethods,
  signedIn,
  notice,
  codes,
}: Props) {
  const { t, locale, currency } = ctx;
  const price = (cents: number) => formatPrice(cents, locale, currency);
  const chosen = values.shippingMethod ?? methods.find((m) => m.available)?.method;
  const shippingCents = methods.find((m) => m.method === chosen)?.priceCents ?? 0;
  const hasErrors = Object.keys(errors).length > 0;
  const text = (id: keyof CheckoutForm, label: string, extra: Record<string, unknown> = {}) => (
    <TextField id={id} label={label} value={values[id] ?? ''} error={errors[id]} {...extra} />
  );
  return (
    <Layout ctx={ctx} title={t('checkout.title')} noindex>
      <h1>{t('checkout.title')}</h1>
      <p>{signedIn ? t('checkout.signedIn', { email: signedIn.email }) : t('checkout.intro')}</p>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {signedIn && signedIn.addresses.length > 0 ? (
        <SavedAddresses ctx={ctx} addresses={signedIn.addresses} chosenId={signedIn.chosenId} />
      ) : null}
      {alert || hasErrors ? (
        <p class="notice error" role="alert">
          {alert ?? t('checkout.fix')}
        </p>
      ) : null}
      <form method="post" action="/checkout" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="idempotency_key" value={idempotencyKey} />
        <fieldset>
          <legend>{t('checkout.step.address')}</legend>
          {text('email', t('checkout.email'), {
            type: 'email',
            autoComplete: 'email',
            required: true,
            hint: t('checkout.emailHint'),
          })}
          {text('name', t('checkout.name'), { autoComplete: 'name', required: true, maxLength: 100 })}
          {text('postcode', t('checkout.postcode'), { autoComplete: 'postal-code', required: true })}
          {text('houseNumber', t('checkout.houseNumber'), {
            required: true,
            inputMode: 'text',
            maxLength: 10,
          })}
          {text('addition', t('checkout.addition'), { maxLength: 10 })}
          {text('street', t('checkout.street'), {
            autoComplete: 'address-line1',
            required: true,
            maxLength: 100,
          })}
          {text('city', t('checkout.city'), {
            autoComplete: 'address-level2',
            required: true,
            maxLength: 80,
          })}
          <SelectField
            id="country"
            label={t('checkout.country')}
            value={values.country ?? 'NL'}
            error={errors.country}
            options={Object.keys(COUNTRIES).map((c) => ({
              value: c,
              label: t(`checkout.country.${c as keyof typeof COUNTRIES}`),
            }))}
          />
        </fieldset>
        <fieldset aria-describedby={errors.shippingMethod ? 'shippingMethod-error' : undefined}>
          <legend>{t('checkout.step.shipping')}</legend>
          {methods.map((m) => (
            <div class="field" key={m.method}>
              <div class="check">
                <input
                  type="radio"
                  id={`method-${m.method}`}
                  name="shippingMethod"
                  value={m.method}
                  checked={m.method === chosen}
                  disabled={!m.available}
                />
                <label for={`method-${m.method}`}>
                  {t(`checkout.method.${m.method}`)}:{' '}
                  {m.priceCents === 0 ? t('checkout.free') : price(m.priceCents)}
                </label>
              </div>
              <p class="hint">{m.available ? m.promise : t('checkout.mailboxUnavailable')}</p>
            </div>
          ))}
          {errors.shippingMethod ? (
            <p class="error" id="shippingMethod-error">
              {errors.shippingMethod}
            </p>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>{t('checkout.step.payment')}</legend>
          {paymentMethods.map((m) => (
            <div class="field" key={m}>
              <div class="check">
                <input
                  type="radio"
                  id={`payment-${m}`}
                  name="paymentMethod"
                  value={m}
                  checked={m === (values.paymentMethod ?? 'bank-transfer')}
                />
                <label for={`payment-${m}`}>{paymentMethodName(t, m)}</label>
              </div>
              <p class="hint">
                {m === 'bank-transfer' ? t('checkout.bankTransferHint') : t('payment.onlineHint')}
              </p>
            </div>
          ))}
          <TextField
            id="codes"
            label={t('voucher.field')}
            value={values.codes ?? ''}
            error={errors.codes}
            hint={t('voucher.fieldHint')}
            maxLength={90}
          />
          <button type="submit" name="apply" value="1" class="secondary">
            {t('voucher.apply')}
          </button>
          <h2>{t('checkout.summary')}</h2>
          <ul>
            {cart.lines.map((l) => (
              <li key={l.sku}>
                {l.quantity} × {l.name}: {price(l.lineTotalCents)}
              </li>
            ))}
          </ul>
          <dl class="totals">
            <dt>{t('checkout.items')}</dt>
            <dd>{price(cart.totalCents)}</dd>
            <dt>{t('checkout.shipping')}</dt>
            <dd>{shippingCents === 0 ? t('checkout.free') : price(shippingCents)}</dd>
            {codes?.voucherCode ? (
              <>
                <dt>{t('voucher.discount', { code: formatCode(codes.voucherCode) })}</dt>
                <dd>− {price(codes.discountCents)}</dd>
              </>
            ) : null}
            <dt>{t('checkout.total')}</dt>
            <dd>
              <strong>{price(cart.totalCents + shippingCents - (codes?.discountCents ?? 0))}</strong>
            </dd>
            {codes?.giftCardCode ? (
              <>
                <dt>{t('voucher.giftCard', { code: formatCode(codes.giftCardCode) })}</dt>
                <dd>− {price(codes.giftCardCents)}</dd>
                <dt>{t('voucher.due')}</dt>
                <dd>
                  <strong>
                    {price(cart.totalCents + shippingCents - codes.discountCents - codes.giftCardCents)}
                  </strong>
                </dd>
              </>
            ) : null}
          </dl>
          <button type="submit">{t('checkout.submit')}</button>
        </fieldset>
      </form>
      <p>
        <a href="/cart">{t('checkout.backToCart')}</a>
      </p>
    </Layout>
  );
}

/** The signed-in customer's saved addresses (the household's included): a link fills the form with one. */
function SavedAddresses({
  ctx,
  addresses,
  chosenId,
}: {
  ctx: PageCtx;
  addresses: SavedAddress[];
  chosenId: string | null;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="saved-addresses" class="saved-addresses">
      <h2 id="saved-addresses">{t('checkout.saved.title')}</h2>
      <ul>
        {addresses.map((a) => {
          const line = `${a.name}, ${a.street} ${a.houseNumber}${a.addition ? ` ${a.addition}` : ''}, ${a.postcode} ${a.city}, ${a.country}`;
          return (
            <li key={a.id}>
              {a.id === chosenId ? (
                <span aria-current="true">
                  {line} {t('checkout.saved.current')}
                </span>
              ) : (
                <a href={`/checkout?address=${encodeURIComponent(a.id)}`}>
                  {line}
                  <span class="sr-only">: {t('checkout.saved.use')}</span>
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
