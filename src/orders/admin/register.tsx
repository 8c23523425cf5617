import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Temporal } from 'temporal-polyfill';
import { AppError } from '../../errors.ts';
import { staffOf } from '../../staff/guard.ts';
import type { MessageKey } from '../../web/i18n/messages.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { cancelOrder } from '../cancel-order.ts';
import { delayOrder, shopToday } from '../delay-order.ts';
import { shipOrder } from '../ship-order.ts';
import { staffNote } from '../staff-note.ts';
import { deliverOrder, packOrder } from '../staff-step.ts';
import { type AdminOrderView, adminOrder } from './admin-order.ts';
import { isOrderFilter, listAdminOrders } from './admin-orders.ts';
import { readDelayForm, readShipForm } from './fulfilment-forms.ts';
import { type DetailForms, OrderDetailPage } from './order-detail-page.tsx';
import { OrderListPage } from './order-list-page.tsx';
import { pickList } from './pick-list.ts';
import { pickListPdf } from './pick-list-pdf.ts';

const PER_PAGE = 50;
const DONE = ['packed', 'shipped', 'delivered', 'delayed', 'cancelled', 'refunded', 'not-allowed'] as const;

/**
 * Orders in the admin: the list with filters and search, the detail page with its fulfilment actions (pack, ship,
 * report a delay, cancel: each a use case in its own transaction), and the day's pick list as a PDF. /admin/* is
 * guarded by the staff domain; every post carries the CSRF token.
 */
export function registerOrderAdmin(app: FastifyInstance): void {
  app.get('/admin/orders', async (request, reply) => {
    const query = request.query as { filter?: string; q?: string; page?: string };
    const filter = isOrderFilter(query.filter) ? query.filter : 'to-pack';
    const q = String(query.q ?? '')
      .trim()
      .slice(0, 100);
    const requested = Number(query.page ?? '1');
    const page = Number.isInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;
    const list = await listAdminOrders(request.ctx, filter, q, {
      limit: PER_PAGE,
      offset: (page - 1) * PER_PAGE,
    });
    return sendPage(
      reply,
      <OrderListPage
        ctx={pageCtx(request, app.config)}
        filter={filter}
        query={q}
        orders={list.items}
        counts={list.counts}
        total={list.total}
        page={page}
        pages={Math.max(1, Math.ceil(list.total / PER_PAGE))}
        today={shopToday(request.ctx)}
      />,
    );
  });

  app.get('/admin/orders/pick-list.pdf', async (request, reply) => {
    const raw = (request.query as { date?: string }).date || shopToday(request.ctx);
    let date: Temporal.PlainDate;
    try {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) throw new RangeError(raw);
      date = Temporal.PlainDate.from(raw, { overflow: 'reject' });
    } catch {
      throw new AppError('invalid-input', { reason: request.t('pickList.badDate') });
    }
    const pdf = await pickListPdf(await pickList(request.ctx, date), request.t, {
      shopName: app.config.shopName,
    });
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="pick-list-${date}.pdf"`)
      .send(pdf);
  });

  app.get('/admin/orders/:id', async (request, reply) => {
    const order = await orderOr404(request);
    const done = (request.query as { done?: string }).done;
    const notice = (DONE as readonly string[]).includes(done ?? '')
      ? request.t(`orderAdmin.done.${done}` as MessageKey)
      : undefined;
    return detail(request, reply, order, {}, 200, notice);
  });

  app.post('/admin/orders/:id/pack', async (request, reply) => {
    const order = await orderOr404(request);
    const result = await packOrder(request.ctx, order.id, staffOf(request));
    return after(reply, order, result.ok ? 'packed' : result.reason);
  });

  app.post('/admin/orders/:id/ship', async (request, reply) => {
    const order = await orderOr404(request);
    const form = readShipForm(request.body);
    if (!form.ok) return detail(request, reply, order, { ship: form }, 422);
    const result = await shipOrder(request.ctx, order.id, staffOf(request), form.input);
    return after(reply, order, result.ok ? 'shipped' : result.reason);
  });

  app.post('/admin/orders/:id/deliver', async (request, reply) => {
    const order = await orderOr404(request);
    const result = await deliverOrder(request.ctx, order.id, staffOf(request));
    return after(reply, order, result.ok ? 'delivered' : result.reason);
  });

  app.post('/admin/orders/:id/delay', async (request, reply) => {
    const order = await orderOr404(request);
    const form = readDelayForm(request.body, shopToday(request.ctx));
    if (!form.ok) return detail(request, reply, order, { delay: form }, 422);
    const result = await delayOrder(request.ctx, order.id, staffOf(request), form.input);
    return after(reply, order, result.ok ? 'delayed' : result.reason);
  });

  app.post('/admin/orders/:id/cancel', async (request, reply) => {
    const order = await orderOr404(request);
    const result = await cancelOrder(request.ctx, order.id, 'staff', staffNote(staffOf(request)));
    return after(reply, order, result.ok ? 'cancelled' : result.reason);
  });
}

async function orderOr404(request: FastifyRequest): Promise<AdminOrderView> {
  const order = await adminOrder(request.ctx, (request.params as { id: string }).id);
  if (!order) throw new AppError('not-found');
  return order;
}

function detail(
  request: FastifyRequest,
  reply: FastifyReply,
  order: AdminOrderView,
  forms: DetailForms,
  status = 200,
  notice?: string,
) {
  return sendPage(
    reply,
    <OrderDetailPage
      ctx={pageCtx(request, request.server.config)}
      order={order}
      today={shopToday(request.ctx)}
      forms={forms}
      notice={notice}
    />,
    status,
  );
}

/** Back to the order after an action (post/redirect/get); a refused change says so. */
function after(reply: FastifyReply, order: AdminOrderView, outcome: string) {
  if (outcome === 'try-again') throw new AppError('try-again');
  if (outcome === 'not-found') throw new AppError('not-found');
  const done = (DONE as readonly string[]).includes(outcome) ? outcome : 'not-allowed';
  return reply.redirect(`/admin/orders/${order.id}?done=${done}`, 303);
}
