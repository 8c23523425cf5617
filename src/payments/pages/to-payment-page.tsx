import type { FastifyReply, FastifyRequest } from 'fastify';
import { Layout } from '../../web/components/layout.tsx';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';

/**
 * Sends the customer on to the provider's hosted payment page after a form post. Not a 303: the CSP's
 * `form-action 'self'` also covers redirects that follow a form post, so a redirect to another site would be
 * blocked. A page that navigates on (meta refresh, with a plain link as well) is not a form submission.
 */
export function sendToPaymentPage(
  request: FastifyRequest,
  reply: FastifyReply,
  paymentUrl: string,
): FastifyReply {
  const ctx = pageCtx(request, request.ctx.config);
  const { t } = ctx;
  return sendPage(
    reply.header('cache-control', 'no-store'),
    <Layout ctx={ctx} title={t('payment.redirectTitle')} noindex refreshTo={paymentUrl}>
      <h1>{t('payment.redirectTitle')}</h1>
      <p role="status">{t('payment.redirecting')}</p>
      <p>
        <a class="button" href={paymentUrl}>
          {t('payment.payNow')}
        </a>
      </p>
    </Layout>,
  );
}
