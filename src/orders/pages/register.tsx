import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { previewForCart } from '../../vouchers/preview-for-cart.ts';
import { refusalText } from '../../vouchers/refusal-text.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { addToCart } from '../add-to-cart.ts';
import { cartIdFrom, setCartCookie } from '../cart-cookie.ts';
import { setCartQuantity } from '../set-cart-quantity.ts';
import { viewCart } from '../view-cart.ts';
import { CartPage } from './cart-page.tsx';
import { offeredMethods } from './offered-methods.ts';

type Form = { sku?: unknown; quantity?: unknown; appliance_id?: unknown };

function quantityOf(value: unknown, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  return Number.isInteger(n) ? n : Number.NaN;
}

/**
 * The cart pages: add (a plain form post from product and lookup pages), view, change quantities, and preview a
 * voucher or gift-card code.
 */
export function registerCartPages(app: FastifyInstance): void {
  app.get('/cart', async (request, reply) => {
    const cartId = cartIdFrom(request, app.config);
    const cart = cartId ? await viewCart(request.ctx, cartId) : null;
    const added = String((request.query as { added?: string }).added ?? '');
    const line = added ? cart?.lines.find((l) => l.sku === added) : undefined;
    return sendPage(
      reply,
      <CartPage
        ctx={pageCtx(request, app.config)}
        cart={cart}
        methods={cart && cart.lines.length > 0 ? offeredMethods(request, cart) : []}
        freeFromCents={app.shipping.current.freeFromCents}
        notice={line ? request.t('cart.added', { name: line.name }) : undefined}
      />,
    );
  });

  // "apply code": what the code does to this cart, or why it does not apply; nothing is written or remembered
  // (the checkout button carries the code on), so the code never appears in a URL
  app.post('/cart/codes', async (request, reply) => {
    const cartId = cartIdFrom(request, app.config);
    const cart = cartId ? await viewCart(request.ctx, cartId) : null;
    if (!cart || cart.lines.length === 0) return reply.redirect('/cart', 303);
    const body = (request.body ?? {}) as { codes?: unknown };
    const typed = typeof body.codes === 'string' ? body.codes.slice(0, 300) : '';
    const methods = offeredMethods(request, cart);
    // the method the checkout offers first, as there
    const shipping = methods.find((m) => m.available);
    const preview = await previewForCart(
      request.ctx,
      cart,
      shipping?.priceCents ?? 0,
      typed,
      request.customer?.email ?? '',
      request.ip,
    );
    const error =
      preview && !preview.ok
        ? preview.refusal
          ? refusalText(request.t, request.locale, app.config.currency, preview.refusal)
          : request.t('checkout.error.code')
        : undefined;
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      <CartPage
        ctx={pageCtx(request, app.config)}
        cart={cart}
        methods={methods}
        codes={{
          typed,
          error,
          preview: preview?.ok ? preview : undefined,
          shipping: shipping ? { method: shipping.method, priceCents: shipping.priceCents } : undefined,
          idempotencyKey: randomUUID(),
        }}
      />,
      error ? 422 : 200,
    );
  });

  app.post('/cart/lines', async (request, reply) => {
    const body = (request.body ?? {}) as Form;
    const sku = String(body.sku ?? '').slice(0, 64);
    // the appliance the customer looked up (a hidden field on lookup results and "my appliances")
    const applianceId =
      typeof body.appliance_id === 'string' && body.appliance_id ? body.appliance_id.slice(0, 64) : null;
    const result = await addToCart(
      request.ctx,
      cartIdFrom(request, app.config),
      sku,
      quantityOf(body.quantity, 1),
      applianceId,
    );
    const retry = !result.ok && result.reason === 'unknown-cart';
    const final = retry
      ? await addToCart(request.ctx, null, sku, quantityOf(body.quantity, 1), applianceId)
      : result;
    if (!final.ok) {
      const notFound = final.reason === 'unknown-product' || final.reason === 'unknown-appliance';
      return cartRefusal(app, request, reply, request.t(`cart.error.${final.reason}`), notFound ? 404 : 422);
    }
    setCartCookie(reply, app.config, final.cartId);
    return reply.redirect(`/cart?added=${encodeURIComponent(sku)}`, 303);
  });

  app.post('/cart/lines/:sku', async (request, reply) => {
    const { sku } = request.params as { sku: string };
    const cartId = cartIdFrom(request, app.config);
    const body = (request.body ?? {}) as Form;
    const result = cartId
      ? await setCartQuantity(request.ctx, cartId, sku, quantityOf(body.quantity, Number.NaN))
      : ({ ok: false, reason: 'unknown-line' } as const);
    if (!result.ok) return cartRefusal(app, request, reply, request.t(`cart.error.${result.reason}`), 422);
    return reply.redirect('/cart', 303);
  });
}

/** The cart as it is now, with its shipping methods as on /cart, and why the last change was refused. */
async function cartRefusal(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  error: string,
  status: number,
) {
  const cartId = cartIdFrom(request, app.config);
  const cart = cartId ? await viewCart(request.ctx, cartId) : null;
  return sendPage(
    reply,
    <CartPage
      ctx={pageCtx(request, app.config)}
      cart={cart}
      methods={cart && cart.lines.length > 0 ? offeredMethods(request, cart) : []}
      freeFromCents={app.shipping.current.freeFromCents}
      error={error}
    />,
    status,
  );
}
