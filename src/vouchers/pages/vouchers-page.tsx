import { AdminLayout } from '../../staff/pages/admin-layout.tsx';
import { CheckField, Notice, SelectField, TextField } from '../../staff/pages/fields.tsx';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { formatPrice } from '../../web/i18n/format.ts';
import type { MessageKey } from '../../web/i18n/messages.ts';
import type { PageCtx } from '../../web/page-context.ts';
import { formatCode } from '../codes.ts';
import type { VoucherTable } from '../tables.ts';

export type FormState = { values: Record<string, string>; errors: Record<string, MessageKey> };

/** /admin/vouchers: every code with what is left of it, and the forms to create a voucher or a gift card. */
export function VouchersPage(props: {
  ctx: PageCtx;
  codes: VoucherTable[];
  notice?: string | undefined;
  voucherForm?: FormState | undefined;
  giftCardForm?: FormState | undefined;
}) {
  const { ctx, codes } = props;
  const { t, locale, currency } = ctx;
  const price = (cents: number) => formatPrice(cents, locale, currency);
  const day = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: ctx.timeZone,
  });
  // valid_until is the start of the day after the last valid day
  const lastDay = (iso: string) => day.format(new Date(Date.parse(iso) - 1));
  const v = props.voucherForm;
  const g = props.giftCardForm;
  const err = (form: FormState | undefined, field: string) =>
    form?.errors[field] ? t(form.errors[field]!) : undefined;
  return (
    <AdminLayout ctx={ctx} title={t('voucherAdmin.title')}>
      <h1>{t('voucherAdmin.title')}</h1>
      <p>{t('voucherAdmin.intro')}</p>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      {codes.length === 0 ? (
        <p>{t('voucherAdmin.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('voucherAdmin.code')}</th>
                <th scope="col">{t('voucherAdmin.kind')}</th>
                <th scope="col">{t('voucherAdmin.value')}</th>
                <th scope="col">{t('voucherAdmin.left')}</th>
                <th scope="col">{t('voucherAdmin.valid')}</th>
                <th scope="col">{t('voucherAdmin.note')}</th>
                <th scope="col">{t('voucherAdmin.status')}</th>
              </tr>
            </thead>
            <tbody>
              {codes.map((c) => (
                <tr key={c.id}>
                  <td>
                    <code>{formatCode(c.code)}</code>
                  </td>
                  <td>{t(`voucherAdmin.kind.${c.kind}`)}</td>
                  <td>
                    {c.kind === 'gift-card'
                      ? price(c.initial_balance_cents ?? 0)
                      : [
                          c.percent !== null
                            ? t('voucherAdmin.percentOff', { percent: c.percent })
                            : t('voucherAdmin.amountOff', { amount: price(c.amount_cents ?? 0) }),
                          c.min_order_cents > 0
                            ? t('voucherAdmin.minimum', { amount: price(c.min_order_cents) })
                            : '',
                          c.once_per_email === 1 ? t('voucherAdmin.oncePerEmail') : '',
                        ]
                          .filter(Boolean)
                          .join(', ')}
                  </td>
                  <td>
                    {c.kind === 'gift-card'
                      ? price(c.balance_cents ?? 0)
                      : c.max_uses === null
                        ? `${t('voucherAdmin.unlimited')} (${t('voucherAdmin.usedTimes', { uses: c.uses })})`
                        : t('voucherAdmin.usesLeft', {
                            left: Math.max(0, c.max_uses - c.uses),
                            max: c.max_uses,
                          })}
                  </td>
                  <td>
                    {[
                      c.valid_from
                        ? t('voucherAdmin.from', { date: day.format(new Date(c.valid_from)) })
                        : '',
                      c.valid_until ? t('voucherAdmin.until', { date: lastDay(c.valid_until) }) : '',
                    ]
                      .filter(Boolean)
                      .join(' ') || t('voucherAdmin.always')}
                  </td>
                  <td>{c.note}</td>
                  <td>
                    {c.disabled === 1 ? (
                      t('voucherAdmin.disabled')
                    ) : (
                      <form method="post" action={`/admin/vouchers/${c.id}/disable`}>
                        <CsrfField ctx={ctx} />
                        {t('voucherAdmin.active')}{' '}
                        <button type="submit" class="secondary">
                          {t('voucherAdmin.disable')}
                          <span class="sr-only"> {formatCode(c.code)}</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="new-voucher">{t('voucherAdmin.newVoucher')}</h2>
      <form method="post" action="/admin/vouchers/voucher" novalidate>
        <CsrfField ctx={ctx} />
        <SelectField
          id="discountType"
          label={t('voucherAdmin.discountType')}
          value={v?.values.discountType ?? 'amount'}
          options={[
            { value: 'amount', label: t('voucherAdmin.discountType.amount') },
            { value: 'percent', label: t('voucherAdmin.discountType.percent') },
          ]}
        />
        <TextField
          id="discountValue"
          label={t('voucherAdmin.discountValue')}
          value={v?.values.discountValue ?? ''}
          error={err(v, 'discountValue')}
          inputMode="decimal"
          required
        />
        <TextField
          id="minOrder"
          label={t('voucherAdmin.minOrder')}
          value={v?.values.minOrder ?? ''}
          error={err(v, 'minOrder')}
          inputMode="decimal"
        />
        <TextField
          id="validFrom"
          label={t('voucherAdmin.validFrom')}
          value={v?.values.validFrom ?? ''}
          error={err(v, 'validFrom')}
        />
        <TextField
          id="validUntil"
          label={t('voucherAdmin.validUntil')}
          value={v?.values.validUntil ?? ''}
          error={err(v, 'validUntil')}
        />
        <TextField
          id="maxUses"
          label={t('voucherAdmin.maxUses')}
          value={v?.values.maxUses ?? '1'}
          error={err(v, 'maxUses')}
          inputMode="numeric"
        />
        <CheckField
          id="oncePerEmail"
          label={t('voucherAdmin.oncePerEmailLabel')}
          checked={v?.values.oncePerEmail === '1'}
        />
        <TextField id="note" label={t('voucherAdmin.note')} value={v?.values.note ?? ''} maxLength={200} />
        <button type="submit">{t('voucherAdmin.create')}</button>
      </form>

      <h2 id="new-gift-card">{t('voucherAdmin.newGiftCard')}</h2>
      <form method="post" action="/admin/vouchers/gift-card" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          id="amount"
          label={t('voucherAdmin.amount')}
          value={g?.values.amount ?? ''}
          error={err(g, 'amount')}
          inputMode="decimal"
          required
        />
        <TextField
          id="giftCardValidUntil"
          name="validUntil"
          label={t('voucherAdmin.validUntil')}
          value={g?.values.validUntil ?? ''}
          error={err(g, 'validUntil')}
        />
        <TextField
          id="giftCardNote"
          name="note"
          label={t('voucherAdmin.note')}
          value={g?.values.note ?? ''}
          maxLength={200}
        />
        <button type="submit">{t('voucherAdmin.create')}</button>
      </form>
    </AdminLayout>
  );
}
