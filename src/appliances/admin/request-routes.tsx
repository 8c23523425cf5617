import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Locale } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { staffOf } from '../../staff/guard.ts';
import { formField } from '../../staff/pages/form-body.ts';
import { type MessageKey, translator } from '../../web/i18n/messages.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { answerRequest } from '../answer-request.ts';
import { lookupInputProblem } from '../lookup-input.ts';
import { splitBrand } from './admin-appliances.ts';
import { listRequests, type RequestView, requestForStaff, requestPhoto } from './admin-requests.ts';
import { linkRequest } from './link-request.ts';
import { RequestListPage, RequestPage } from './request-pages.tsx';

const NOTICES: Record<string, MessageKey> = {
  answered: 'applianceAdmin.request.answeredNotice',
  linked: 'applianceAdmin.request.linkedNotice',
  'linked-alias': 'applianceAdmin.request.linkedAliasNotice',
  already: 'applianceAdmin.request.alreadyAnswered',
};

/** The "we'll find it for you" queue: list, one request (find or add its appliance, link, answer), its photo. */
export function registerRequestRoutes(app: FastifyInstance): void {
  app.get('/admin/requests', async (request, reply) => {
    const { open, answered } = await listRequests(request.ctx);
    const nowMs = request.ctx.clock.now().epochMilliseconds;
    return sendPage(
      reply,
      <RequestListPage ctx={pageCtx(request, app.config)} nowMs={nowMs} open={open} answered={answered} />,
    );
  });

  app.get('/admin/requests/:id', async (request, reply) => {
    const asked = await requestOr404(request);
    const notice = NOTICES[String((request.query as { done?: string }).done)];
    return sendPage(
      reply,
      await requestPage(request, asked, { notice: notice ? request.t(notice) : undefined }),
    );
  });

  app.get('/admin/requests/:id/photo', async (request, reply) => {
    const photo = await requestPhoto(request.ctx, (request.params as { id: string }).id);
    if (!photo) throw new AppError('not-found');
    return reply.type(photo.type).header('content-disposition', 'inline').send(photo.bytes);
  });

  app.post('/admin/requests/:id/link', async (request, reply) => {
    const asked = await requestOr404(request);
    const applianceId = formField(request.body, 'applianceId');
    // The customer's number should find this appliance from now on: if the lookup does not, it becomes an alias.
    const problem = lookupInputProblem(request.t, { q: asked.query });
    const found =
      problem !== null ||
      (await app.lookup.lookup(request.ctx, { q: asked.query, limit: 50 })).matches.some(
        (m) => m.id === applianceId,
      );
    const alias = found ? undefined : (await splitBrand(request.ctx, asked.query)).model;
    if (!(await linkRequest(request.ctx, { requestId: asked.id, applianceId, alias })))
      throw new AppError('not-found');
    if (alias) await app.lookup.refresh(request.ctx, [applianceId]);
    return reply.redirect(`/admin/requests/${asked.id}?done=${alias ? 'linked-alias' : 'linked'}`, 303);
  });

  app.post('/admin/requests/:id/answer', async (request, reply) => {
    const asked = await requestOr404(request);
    const staff = staffOf(request);
    const answer = formField(request.body, 'answer');
    const result = await answerRequest(request.ctx, { requestId: asked.id, staffId: staff.id, answer });
    if (!result.ok) {
      if ('fields' in result) {
        const answerError = request.t(`applianceAdmin.problem.${result.fields.answer}` as MessageKey, {
          value: '5000',
        });
        return sendPage(reply, await requestPage(request, asked, { answer, answerError }), 422);
      }
      if (result.reason === 'not-found') throw new AppError('not-found');
      return reply.redirect(`/admin/requests/${asked.id}?done=already`, 303);
    }
    return reply.redirect(`/admin/requests/${asked.id}?done=answered`, 303);
  });
}

async function requestOr404(request: FastifyRequest): Promise<RequestView> {
  const found = await requestForStaff(request.ctx, (request.params as { id: string }).id);
  if (!found) throw new AppError('not-found');
  return found;
}

async function requestPage(
  request: FastifyRequest,
  asked: RequestView,
  extra: { answer?: string; answerError?: string; notice?: string | undefined },
) {
  const typed = (request.query as { find?: unknown }).find;
  const find = (typeof typed === 'string' ? typed : asked.query).trim();
  const findProblem = lookupInputProblem(request.t, { q: find, serial: asked.serial });
  const matches = findProblem
    ? []
    : (await request.server.lookup.lookup(request.ctx, { q: find, serial: asked.serial, limit: 10 })).matches;
  return (
    <RequestPage
      ctx={pageCtx(request, request.server.config)}
      nowMs={request.ctx.clock.now().epochMilliseconds}
      request={asked}
      find={find}
      findProblem={findProblem}
      matches={matches}
      answer={extra.answer ?? suggestedAnswer(request, asked)}
      answerError={extra.answerError}
      notice={extra.notice}
    />
  );
}

/** Once the appliance is known, a first draft of the answer in the customer's language, with its shop link. */
function suggestedAnswer(request: FastifyRequest, asked: RequestView): string {
  if (!asked.appliance) return '';
  const locale: Locale = asked.locale === 'en' ? 'en' : 'nl';
  return translator(locale)('applianceAdmin.request.template', {
    query: asked.query,
    appliance: `${asked.appliance.brand} ${asked.appliance.model}`,
    url: `${request.server.config.publicUrl}/a/${asked.appliance.id}`,
    shop: request.server.config.shopName,
  });
}
