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
import {
  allowUnsubscribeRequest,
  countUnsubscribeMiss,
  UNSUBSCRIBE_WINDOW_MINUTES,
} from './unsubscribe-limit.ts';
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
 * The token behind an unsubscribe link, or the page to answer instead: 429 for a client over its limits (checked
 * before the lookup), 404 for a link that matches no token (counted as a miss against the client).
 */
async function tokenOrProblem(
  request: FastifyRequest<{ Params: { token: string } }>,
  reply: FastifyReply,
): Promise<
  { found: NonNullable<Awaited<ReturnType<typeof findUnsubscribeToken>>> } | { answer: FastifyReply }
> {
  const ctx = pageCtx(request, request.server.config);
  if (!(await allowUnsubscribeRequest(request.ctx, request.ip))) {
    private_(reply).header('retry-after', String(UNSUBSCRIBE_WINDOW_MINUTES * 60));
    return {
      answer: await sendPage(
        reply,
        <UnsubscribeProblemPage
          ctx={ctx}
          title={request.t('unsubscribe.tooManyTitle')}
          text={request.t('unsubscribe.tooMany')}
        />,
        429,
      ),
    };
  }
  const found = await findUnsubscribeToken(request.ctx, request.params.token);
  if (found) return { found };
  await countUnsubscribeMiss(request.ctx, request.ip);
  return {
    answer: await sendPage(
      private_(reply),
      <UnsubscribeProblemPage ctx={ctx} text={request.t('unsubscribe.invalid')} />,
      404,
    ),
  };
}

/**
 * "Messages we sent you, and why" (/account/messages), the staff view of it (/admin/customers/:id/messages,
 * behind the /admin guard) and the one-click unsubscribe URL of every non-transactional e-mail (/u/:token),
 * rate-limited per client (unsubscribe-limit.ts).
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
    const token = await tokenOrProblem(request, reply);
    if ('answer' in token) return token.answer;
    return sendPage(
      private_(reply),
      <UnsubscribePage
        ctx={pageCtx(request, config)}
        token={request.params.token}
        topics={token.found.topics}
      />,
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
      const token = await tokenOrProblem(request, reply);
      if ('answer' in token) return token.answer;
      const { found } = token;
      if (!isOneClick(request))
        return sendPage(
          private_(reply),
          <UnsubscribeProblemPage ctx={ctx} text={request.t('unsubscribe.badRequest')} />,
          400,
        );
      for (const topic of found.topics)
        await unsubscribeTopic(request.ctx, found.customerId, topic, {
          channel: 'email',
          wordingVersion: WORDING.unsubscribe,
        });
      await markTokenUsed(request.ctx, found.tokenHash);
      return sendPage(private_(reply), <UnsubscribedPage ctx={ctx} topics={found.topics} />);
    });
  });
}
