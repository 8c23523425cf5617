import { CsrfField } from '../../../web/components/csrf-field.tsx';
import type { PageCtx } from '../../../web/page-context.ts';

/**
 * "Keep my appliance for next time" (or "keep my orders" when no line was bought for an appliance), on a guest
 * order's confirmation page. Posts to /account/keep/:number with the order's signed token; the link goes to the
 * order's own address.
 */
export function KeepOffer({
  ctx,
  orderNumber,
  orderToken,
  email,
  hasAppliance,
}: {
  ctx: PageCtx;
  orderNumber: string;
  orderToken: string;
  email: string;
  hasAppliance: boolean;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="keep-offer" class="keep-offer">
      <h2 id="keep-offer">{hasAppliance ? t('keep.applianceTitle') : t('keep.ordersTitle')}</h2>
      <p>{hasAppliance ? t('keep.applianceBody', { email }) : t('keep.ordersBody', { email })}</p>
      <form method="post" action={`/account/keep/${encodeURIComponent(orderNumber)}?t=${orderToken}`}>
        <CsrfField ctx={ctx} />
        <button type="submit">{t('keep.button')}</button>
      </form>
    </section>
  );
}
