import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Config } from '../../config.ts';
import { savedEntries } from '../../customers/appliances/edit-my-appliance.ts';
import type { SavedState } from '../../customers/appliances/pages/save-appliance.tsx';
import { AppError } from '../../errors.ts';
import { productPromise } from '../../orders/product-promise.ts';
import { formField, formFile } from '../../staff/pages/form-body.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { registerUploadRoutes } from '../../web/uploads.ts';
import { lookupInputProblem } from '../lookup-input.ts';
import type { LookupAnswer } from '../lookup-service.ts';
import { requestIdentification } from '../request-identification.ts';
import { type BrandGuideView, listBrandGuides } from '../save-brand-guides.ts';
import { LookupPage } from './lookup-page.tsx';
import { PlateGuidePage } from './plate-guide-page.tsx';
import { RequestThanksPage } from './request-thanks-page.tsx';

/** The storefront side of the appliance lookup: results, one appliance, the plate guide, "we'll find it for you". */
export function registerLookupPages(app: FastifyInstance): void {
  app.get('/lookup', async (request, reply) => {
    const { q, serial } = lookupQuery(request);
    if (q.trim() === '') return reply.redirect('/', 303);
    const problem = lookupInputProblem(request.t, { q, serial });
    if (problem) throw new AppError('invalid-input', { reason: problem });
    const [answer, guides] = await Promise.all([
      app.lookup.lookup(request.ctx, { q, serial, limit: 10 }),
      listBrandGuides(request.ctx),
    ]);
    return sendPage(reply, await answerPage(request, app.config, answer, serial, guides));
  });

  app.get('/a/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const { serial } = lookupQuery(request);
    const problem = lookupInputProblem(request.t, { q: 'x', serial });
    if (problem) throw new AppError('invalid-input', { reason: problem });
    const [answer, guides] = await Promise.all([
      app.lookup.appliance(request.ctx, id, serial),
      listBrandGuides(request.ctx),
    ]);
    if (!answer) throw new AppError('not-found');
    return sendPage(reply, await answerPage(request, app.config, answer, serial, guides));
  });

  for (const path of ['/typeplaatje', '/type-plate']) {
    app.get(path, async (request, reply) =>
      sendPage(
        reply,
        <PlateGuidePage ctx={pageCtx(request, app.config)} guides={await listBrandGuides(request.ctx)} />,
      ),
    );
  }

  registerUploadRoutes(app, (uploads) => {
    uploads.post('/lookup/requests', async (request, reply) => {
      const body = request.body;
      const file = formFile(body, 'photo');
      const input = {
        query: formField(body, 'query').slice(0, 1000),
        serial: formField(body, 'serial').slice(0, 1000),
        email: formField(body, 'email').slice(0, 1000),
        locale: request.locale,
        ...(file ? { photo: { bytes: await file.toBuffer(), type: file.mimetype } } : {}),
      };
      const result = await requestIdentification(request.ctx, input);
      const ctx = pageCtx(request, app.config);
      if (!result.ok) {
        const answer = { query: input.query.trim(), brand: null, matches: [] };
        const state = {
          query: input.query,
          serial: input.serial,
          email: input.email,
          errors: result.fields as Record<string, string>,
        };
        return sendPage(
          reply,
          <LookupPage ctx={ctx} answer={answer} serial={input.serial} guides={[]} request={state} />,
          422,
        );
      }
      return sendPage(
        reply,
        <RequestThanksPage ctx={ctx} query={input.query.trim()} email={input.email.trim()} />,
      );
    });
  });
}

/** An answer as the lookup page, with each appliance's delivery promise and what the visitor saved of them. */
async function answerPage(
  request: FastifyRequest,
  config: Config,
  answer: LookupAnswer,
  serial: string,
  guides: BrandGuideView[],
): Promise<VNode> {
  return (
    <LookupPage
      ctx={pageCtx(request, config)}
      answer={answer}
      serial={serial}
      guides={guides}
      promises={promisesFor(request, answer)}
      mine={await savedStateFor(request, answer)}
    />
  );
}

/** For "Save to my appliances": which of the answer's appliances the customer's household saved; null for a guest. */
async function savedStateFor(request: FastifyRequest, answer: LookupAnswer): Promise<SavedState> {
  if (!request.customer) return null;
  const ids = answer.matches.map((m) => m.id);
  return { saved: await savedEntries(request.ctx, request.customer.id, ids) };
}

/** Per appliance: when its in-stock consumables arrive (by mailbox parcel when all of them fit one). */
function promisesFor(request: FastifyRequest, answer: LookupAnswer): Map<string, string | null> {
  return new Map(
    answer.matches.map((m) => {
      const inStock = m.products.filter((p) => p.inStock);
      if (inStock.length === 0) return [m.id, null];
      const product = {
        mailboxFit: inStock.every((p) => p.mailboxFit),
        weightGrams: Math.max(...inStock.map((p) => p.weightGrams)),
      };
      return [m.id, productPromise(request.ctx, request.server.shipping.current, request.t, product)];
    }),
  );
}

function lookupQuery(request: FastifyRequest): { q: string; serial: string } {
  const query = request.query as { q?: unknown; serial?: unknown };
  const text = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');
  return { q: text(query.q), serial: text(query.serial).trim() };
}
