import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { staffOf } from '../staff/guard.ts';
import { pageCtx } from '../web/page-context.ts';
import { sendPage } from '../web/render.ts';
import { readGiftCardForm, readVoucherForm } from './admin-forms.ts';
import { formatCode, normaliseCode } from './codes.ts';
import { createGiftCard, createVoucher, disableCode, listCodes } from './create-code.ts';
import { type FormState, VouchersPage } from './pages/vouchers-page.tsx';

/**
 * /admin/vouchers: staff list the codes with their remaining uses or balance, create vouchers and gift cards, and
 * disable a code. /admin/* is guarded by the staff domain; every post carries the CSRF token.
 */
export function registerVoucherAdmin(app: FastifyInstance): void {
  app.get('/admin/vouchers', async (request, reply) => {
    const query = request.query as { created?: string; disabled?: string };
    const created = typeof query.created === 'string' ? normaliseCode(query.created) : null;
    const disabled = typeof query.disabled === 'string' ? normaliseCode(query.disabled) : null;
    const notice = created
      ? request.t('voucherAdmin.created', { code: formatCode(created) })
      : disabled
        ? request.t('voucherAdmin.disabledDone', { code: formatCode(disabled) })
        : undefined;
    return page(request, reply, 200, { notice });
  });

  app.post('/admin/vouchers/voucher', async (request, reply) => {
    const form = readVoucherForm(request.body, app.config.shopTimezone);
    if (!form.ok) return page(request, reply, 422, { voucherForm: form });
    const code = await createVoucher(request.ctx, form.input, staffOf(request).id);
    return reply.redirect(`/admin/vouchers?created=${code}`, 303);
  });

  app.post('/admin/vouchers/gift-card', async (request, reply) => {
    const form = readGiftCardForm(request.body, app.config.shopTimezone);
    if (!form.ok) return page(request, reply, 422, { giftCardForm: form });
    const code = await createGiftCard(request.ctx, form.input, staffOf(request).id);
    return reply.redirect(`/admin/vouchers?created=${code}`, 303);
  });

  app.post('/admin/vouchers/:id/disable', async (request, reply) => {
    staffOf(request);
    const { id } = request.params as { id: string };
    const code = await disableCode(request.ctx, id.slice(0, 64));
    if (!code) throw new AppError('not-found');
    return reply.redirect(`/admin/vouchers?disabled=${code}`, 303);
  });
}

async function page(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  extra: { notice?: string | undefined; voucherForm?: FormState; giftCardForm?: FormState },
) {
  staffOf(request);
  return sendPage(
    reply,
    <VouchersPage
      ctx={pageCtx(request, request.server.config)}
      codes={await listCodes(request.ctx)}
      {...extra}
    />,
    status,
  );
}
