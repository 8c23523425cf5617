import { formatDate, formatPrice } from '../../web/i18n/format.ts';
import type { PageCtx } from '../../web/page-context.ts';
import { formatCode } from '../codes.ts';
import type { CodeUsed } from '../codes-used.ts';

/**
 * The codes an order used, for staff on the order page: each code (linked to nothing: the list of codes is
 * /admin/vouchers), whether it was a discount or a gift-card payment, the amount, and whether a cancel or
 * withdrawal gave it back. Nothing when the order used no code.
 */
export function OrderCodes({ ctx, codes, currency }: { ctx: PageCtx; codes: CodeUsed[]; currency: string }) {
  const { t, locale } = ctx;
  if (codes.length === 0) return null;
  return (
    <section aria-labelledby="order-codes">
      <h2 id="order-codes">{t('voucher.orderCodes')}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('voucher.orderCodes.code')}</th>
              <th scope="col">{t('voucher.orderCodes.kind')}</th>
              <th scope="col">{t('voucher.orderCodes.amount')}</th>
              <th scope="col">{t('voucher.orderCodes.status')}</th>
            </tr>
          </thead>
          <tbody>
            {codes.map((c) => (
              <tr key={c.code}>
                <td>
                  <code>{formatCode(c.code)}</code>
                </td>
                <td>{t(`voucherAdmin.kind.${c.kind}`)}</td>
                <td>
                  {formatPrice(c.amountCents, locale, currency)} (
                  {c.kind === 'voucher' ? t('voucher.orderCodes.took') : t('voucher.orderCodes.paid')})
                </td>
                <td>
                  {c.returnedAt
                    ? t('voucher.orderCodes.returned', {
                        date: formatDate(c.returnedAt, locale, ctx.timeZone, true),
                      })
                    : t('voucher.orderCodes.standing')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
