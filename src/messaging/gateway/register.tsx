import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { customerOf } from '../../customers/guard.ts';
import { AppError } from '../../errors.ts';
import { unsubscribeTopic } from '../../preferences/preference-store.ts';
import { WORDING } from '../../preferences/wording.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { listCustomerMessages } from './list-messages.ts';
import {
  CustomerMessagesAdminPage,
  MyMessagesPage,
  UnsubscribedPage,
  UnsubscribePage,
  UnsubscribeProblemPage,
} from './pages.tsx';
import { findUnsubscribeToken, markTokenUsed } from './unsubscribe-token.ts';

function private_(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
}

/** A one-click POST as RFC 8058 §3.1 has it: the body `List-Unsubscribe=One-Click`, url-encoded or multipart. */
function isOneClick(request: FastifyRequest): boolean {
  const body = request.body as Record<string, unknown> | { raw: string } | undefined | null;
  if (!body || typeof body !== 'object') return false;
  if ('raw' in body && typeof body.raw === 'string')
    return /name="?List-Unsubscribe"?[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\nOne-Click\r?\n/.test(body.raw);
  return (body as Record<string, unknown>)['List-Unsubscribe'] === 'One-Click';
}

/**
 * "Messages we sent you, and why" (/account/messages), the staff view of it (/admin/customers/:id/messages,
 * behind the /admin guard) and the one-click unsubscribe URL of every non-transactional e-mail (/u/:token).
 */
export function registerGateway(app: FastifyInstance): void {
  const config = app.config;

  app.get('/account/messages', async (request, reply) => {
    const customer = customerOf(request);
    const messages = await listCustomerMessages(request.ctx, customer.id);
    return sendPage(private_(reply), <MyMessagesPage ctx={pageCtx(request, config)} messages={messages} />);
  });

  app.get<{ Params: { id: string } }>('/admin/customers/:id/messages', async (request, reply) => {
    const customer = await request.ctx.db
      .selectFrom('customers')
      .select(['id', 'email'])
      .where('id', '=', request.params.id)
      .executeTakeFirst();
    if (!customer) throw new AppError('not-found');
    const messages = await listCustomerMessages(request.ctx, customer.id);
    return sendPage(
      private_(reply),
      <CustomerMessagesAdminPage
        ctx={pageCtx(request, config)}
        email={customer.email}
        customerId={customer.id}
        messages={messages}
      />,
    );
  });

  // GET shows the choice and changes nothing: link scanners and previews open it too
  app.get<{ Params: { token: string } }>('/u/:token', async (request, reply) => {
    const found = await findUnsubscribeToken(request.ctx, request.params.token);
    const ctx = pageCtx(request, config);
    if (!found)
      return sendPage(
        private_(reply),
        <UnsubscribeProblemPage ctx={ctx} text={request.t('unsubscribe.invalid')} />,
        404,
      );
    return sendPage(
      private_(reply),
      <UnsubscribePage ctx={ctx} token={request.params.token} topic={found.topic} />,
    );
  });

  // POST unsubscribes at once: no login, no cookie, no CSRF token (exempt in web/csrf.ts); the token is the proof
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'string', bodyLimit: 8192 },
      (_req, raw, done) => done(null, { raw }),
    );
    scope.post<{ Params: { token: string } }>('/u/:token', async (request, reply) => {
      const ctx = pageCtx(request, config);
      const found = await findUnsubscribeToken(request.ctx, request.params.token);
      if (!found)
        return sendPage(
          private_(reply),
          <UnsubscribeProblemPage ctx={ctx} text={request.t('unsubscribe.invalid')} />,
          404,
        );
      if (!isOneClick(request))
        return sendPage(
          private_(reply),
          <UnsubscribeProblemPage ctx={ctx} text={request.t('unsubscribe.badRequest')} />,
          400,
        );
      await unsubscribeTopic(request.ctx, found.customerId, found.topic, {
        channel: 'email',
        wordingVersion: WORDING.unsubscribe,
      });
      await markTokenUsed(request.ctx, found.tokenHash);
      return sendPage(private_(reply), <UnsubscribedPage ctx={ctx} topic={found.topic} />);
    });
  });
}
