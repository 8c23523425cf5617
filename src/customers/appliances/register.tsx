import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { lookupInputProblem } from '../../appliances/lookup-input.ts';
import { AppError } from '../../errors.ts';
import { cartIdFrom, setCartCookie } from '../../orders/cart-cookie.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { customerOf } from '../guard.ts';
import type { SessionCustomer } from '../sessions.ts';
import { editMyAppliance, removeMyAppliance } from './edit-my-appliance.ts';
import { AddAppliancePage, MyAppliancePage, MyAppliancesPage } from './pages/my-appliances-page.tsx';
import { reorderForAppliance } from './reorder.ts';
import { saveMyAppliance } from './save-my-appliance.ts';
import { findMyAppliance, listMyAppliances } from './view-my-appliances.ts';

const SOURCES = ['lookup', 'order', 'manual'] as const;

/** /account/appliances: the household's appliances, saving (lookup, order, by hand), one-tap reorder, rename, remove. */
export function registerMyAppliances(app: FastifyInstance): void {
  app.get('/account/appliances', async (request, reply) => {
    const customer = customerOf(request);
    const done = (request.query as { done?: unknown }).done;
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      <MyAppliancesPage
        ctx={pageCtx(request, app.config)}
        appliances={await listMyAppliances(request.ctx, customer.id)}
        notice={done === 'removed' ? request.t('myAppliances.done.removed') : undefined}
      />,
    );
  });

  app.get('/account/appliances/add', async (request, reply) => {
    customerOf(request);
    const query = request.query as { q?: unknown; serial?: unknown };
    const q = typeof query.q === 'string' ? query.q : '';
    const serial = typeof query.serial === 'string' ? query.serial.trim() : '';
    if (q.trim() === '') return reply.redirect('/account/appliances#add-title', 303);
    const problem = lookupInputProblem(request.t, { q, serial });
    if (problem) throw new AppError('invalid-input', { reason: problem });
    const answer = await app.lookup.lookup(request.ctx, { q, serial, limit: 5 });
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      <AddAppliancePage ctx={pageCtx(request, app.config)} answer={answer} serial={serial} />,
    );
  });

  app.post('/account/appliances', async (request, reply) => {
    const customer = customerOf(request);
    const applianceId = field(request, 'appliance_id').slice(0, 64);
    const serial = field(request, 'serial').slice(0, 300);
    const sourceText = field(request, 'source');
    const source = SOURCES.find((s) => s === sourceText) ?? 'manual';
    const result = await saveMyAppliance(request.ctx, customer.id, { applianceId, serial, source });
    if (result.ok) return reply.redirect(`/account/appliances/${result.id}?done=saved`, 303);
    const message = request.t(`myAppliances.error.${result.reason}`);
    const answer = await app.lookup.appliance(request.ctx, applianceId);
    if (!answer) throw new AppError('invalid-input', { reason: message });
    return sendPage(
      reply,
      <AddAppliancePage ctx={pageCtx(request, app.config)} answer={answer} serial="" error={message} />,
      422,
    );
  });

  app.get('/account/appliances/:id', async (request, reply) => {
    const customer = customerOf(request);
    const { id } = request.params as { id: string };
    const done = (request.query as { done?: unknown }).done;
    const notice =
      done === 'saved' || done === 'edited' || done === 'nothing-bought'
        ? request.t(`myAppliances.done.${done}`)
        : undefined;
    return detail(request, reply, customer, id, { notice });
  });

  app.post('/account/appliances/:id', async (request, reply) => {
    const customer = customerOf(request);
    const { id } = request.params as { id: string };
    const values = {
      label: field(request, 'label').slice(0, 300),
      serial: field(request, 'serial').slice(0, 300),
    };
    const result = await editMyAppliance(request.ctx, customer.id, id, values);
    if (result.ok) return reply.redirect(`/account/appliances/${id}?done=edited`, 303);
    if (result.reason === 'unknown') throw new AppError('not-found');
    return detail(request, reply, customer, id, {
      values,
      error: request.t(`myAppliances.error.${result.reason}`),
      status: 422,
    });
  });

  app.post('/account/appliances/:id/remove', async (request, reply) => {
    const customer = customerOf(request);
    const { id } = request.params as { id: string };
    if (!(await removeMyAppliance(request.ctx, customer.id, id))) throw new AppError('not-found');
    return reply.redirect('/account/appliances?done=removed', 303);
  });

  app.post('/account/appliances/:id/reorder', async (request, reply) => {
    const customer = customerOf(request);
    const { id } = request.params as { id: string };
    const result = await reorderForAppliance(request.ctx, customer.id, id, cartIdFrom(request, app.config));
    switch (result.kind) {
      case 'unknown':
        throw new AppError('not-found');
      case 'nothing-bought':
        return reply.redirect(`/account/appliances/${id}?done=nothing-bought#fits`, 303);
      case 'none-in-stock': {
        const names = await productNames(request, result.short);
        return detail(request, reply, customer, id, {
          notice: request.t('myAppliances.done.none-in-stock', { names }),
          status: 409,
        });
      }
      case 'filled':
        setCartCookie(reply, app.config, result.cartId);
        return reply.redirect(
          result.short.length > 0
            ? `/checkout?short=${encodeURIComponent(result.short.join(','))}`
            : '/checkout',
          303,
        );
    }
  });
}

async function detail(
  request: FastifyRequest,
  reply: FastifyReply,
  customer: SessionCustomer,
  id: string,
  options: {
    notice?: string | undefined;
    values?: { label: string; serial: string };
    error?: string;
    status?: number;
  },
) {
  const appliance = await findMyAppliance(request.ctx, customer.id, id);
  if (!appliance) throw new AppError('not-found');
  reply.header('cache-control', 'no-store');
  return sendPage(
    reply,
    <MyAppliancePage
      ctx={pageCtx(request, request.ctx.config)}
      appliance={appliance}
      notice={options.notice}
      {...(options.values ? { values: options.values } : {})}
      error={options.error}
    />,
    options.status ?? 200,
  );
}

async function productNames(request: FastifyRequest, skus: string[]): Promise<string> {
  if (skus.length === 0) return '';
  const rows = await request.ctx.db
    .selectFrom('products')
    .select(['sku', 'name_nl', 'name_en'])
    .where('sku', 'in', skus)
    .orderBy('sku')
    .execute();
  return rows.map((r) => (request.locale === 'nl' ? r.name_nl : r.name_en)).join(', ');
}

function field(request: FastifyRequest, name: string): string {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}
