import { CsrfField } from '../../web/components/csrf-field.tsx';
import type { PageCtx } from '../../web/page-context.ts';

/** The "add to cart" button: a plain form post, so it works without JavaScript. */
export function AddToCartForm({
  ctx,
  sku,
  name,
  disabled,
  applianceId,
}: {
  ctx: PageCtx;
  sku: string;
  name: string;
  disabled?: boolean;
  /** The appliance this is bought for (lookup results, "my appliances"): the cart and order lines remember it. */
  applianceId?: string | undefined;
}) {
  return (
    <form method="post" action="/cart/lines" class="add-to-cart">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="sku" value={sku} />
      <input type="hidden" name="quantity" value="1" />
      {applianceId ? <input type="hidden" name="appliance_id" value={applianceId} /> : null}
      <button type="submit" disabled={disabled}>
        {ctx.t('cart.add')}
        <span class="sr-only">: {name}</span>
      </button>
    </form>
  );
}
