import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { formField } from '../../staff/pages/form-body.ts';
import type { MessageKey } from '../../web/i18n/messages.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { lookupInputProblem } from '../lookup-input.ts';
import { lookupMatches } from '../lookup-matches.ts';
import {
  type ApplianceForEdit,
  applianceForEdit,
  brandNamed,
  brandOptions,
  listAdminAppliances,
  splitBrand,
} from './admin-appliances.ts';
import {
  type ApplianceFormError,
  type ApplianceFormValues,
  emptyApplianceForm,
  readApplianceForm,
} from './appliance-form.ts';
import { ApplianceFormPage, type ApplianceFormPageProps } from './appliance-form-page.tsx';
import { ApplianceListPage } from './appliance-list-page.tsx';
import { linkRequest } from './link-request.ts';
import { saveAppliance } from './save-appliance.ts';

const PER_PAGE = 50;
const BEST_MATCHES = 50;
const NOTICES: Record<string, MessageKey> = {
  saved: 'applianceAdmin.saved',
  created: 'applianceAdmin.created',
  linked: 'applianceAdmin.createdForRequest',
  variant: 'applianceAdmin.variant.saved',
  'variant-deleted': 'applianceAdmin.variant.deleted',
  fit: 'applianceAdmin.fit.added',
  'fit-removed': 'applianceAdmin.fit.removed',
};

/** Loads an appliance for an admin route, or answers 404. */
export async function applianceOr404(request: FastifyRequest, id: string): Promise<ApplianceForEdit> {
  const appliance = await applianceForEdit(request.ctx, id);
  if (!appliance) throw new AppError('not-found');
  return appliance;
}

/** The edit page of a stored appliance, with what the shop shows for it, optionally with a refused form. */
export async function applianceEditPage(
  request: FastifyRequest,
  appliance: ApplianceForEdit,
  extra: Partial<Omit<ApplianceFormPageProps, 'ctx' | 'appliance' | 'brands'>> = {},
) {
  const [preview] = await lookupMatches(
    request.ctx,
    [{ id: appliance.id, match: 'exact', cost: 0, matched: appliance.model }],
    '',
  );
  return (
    <ApplianceFormPage
      ctx={pageCtx(request, request.server.config)}
      appliance={appliance}
      brands={await brandOptions(request.ctx)}
      values={extra.values ?? valuesOf(appliance)}
      errors={extra.errors ?? []}
      preview={preview ?? null}
      {...extra}
    />
  );
}

/** Appliances in the admin: search (through the lookup, so typos work) or list by brand, create and edit. */
export function registerApplianceRoutes(app: FastifyInstance): void {
  app.get('/admin/appliances', async (request, reply) => {
    const query = request.query as { q?: unknown; page?: unknown };
    const q = String(query.q ?? '')
      .trim()
      .slice(0, 200);
    const requested = Number(query.page ?? '1');
    const page = Number.isInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;
    const problem = q === '' ? null : lookupInputProblem(request.t, { q });
    const brand = q === '' || problem ? null : await brandNamed(request.ctx, q);
    const viaLookup = q !== '' && !problem && !brand;
    let filter: { brandId?: string; ids?: string[] } = brand ? { brandId: brand.id } : {};
    if (viaLookup) {
      const answer = await app.lookup.lookup(request.ctx, { q, limit: BEST_MATCHES });
      filter = { ids: answer.matches.map((m) => m.id) };
    }
    if (problem) filter = { ids: [] };
    const { total, items } = await listAdminAppliances(request.ctx, filter, {
      limit: PER_PAGE,
      offset: viaLookup ? 0 : (page - 1) * PER_PAGE,
    });
    return sendPage(
      reply,
      <ApplianceListPage
        ctx={pageCtx(request, app.config)}
        query={q}
        problem={problem}
        bestMatches={viaLookup}
        appliances={items}
        total={total}
        page={viaLookup ? 1 : page}
        pages={viaLookup ? 1 : Math.max(1, Math.ceil(total / PER_PAGE))}
      />,
    );
  });

  app.get('/admin/appliances/new', async (request, reply) => {
    const query = request.query as { model?: unknown; request?: unknown };
    const requestId = typeof query.request === 'string' ? query.request : undefined;
    let prefill: Partial<ApplianceFormValues> = {};
    if (typeof query.model === 'string') prefill = { model: query.model.slice(0, 100) };
    if (requestId) {
      const asked = await request.ctx.db
        .selectFrom('lookup_requests')
        .select('query')
        .where('id', '=', requestId)
        .executeTakeFirst();
      if (!asked) throw new AppError('not-found');
      const split = await splitBrand(request.ctx, asked.query);
      prefill = { model: split.model, brandId: split.brandId ?? '' };
    }
    return sendPage(reply, await newPage(request, emptyApplianceForm(prefill), [], { requestId }));
  });

  app.post('/admin/appliances', async (request, reply) => {
    const requestId = formField(request.body, 'request') || undefined;
    const form = readApplianceForm(request.body);
    if (!form.ok)
      return sendPage(reply, await newPage(request, form.values, form.errors, { requestId }), 422);
    const input = form.input;
    const saved = await request.ctx.db.transaction().execute(async (trx) => {
      const ctx = { ...request.ctx, db: trx };
      const result = await saveAppliance(ctx, input, null);
      if (result.ok && requestId && !(await linkRequest(ctx, { requestId, applianceId: result.id })))
        throw new AppError('not-found');
      return result;
    });
    if (!saved.ok) {
      const refused = refusal(saved, form.values);
      return sendPage(
        reply,
        await newPage(request, form.values, refused.errors, { ...refused, requestId }),
        422,
      );
    }
    await app.lookup.refresh(request.ctx, [saved.id]);
    const done = requestId ? `linked&request=${encodeURIComponent(requestId)}` : 'created';
    return reply.redirect(`/admin/appliances/${saved.id}?done=${done}`, 303);
  });

  app.get('/admin/appliances/:id', async (request, reply) => {
    const appliance = await applianceOr404(request, (request.params as { id: string }).id);
    const query = request.query as { done?: unknown; request?: unknown };
    const notice = NOTICES[String(query.done)];
    const requestId = typeof query.request === 'string' ? query.request : undefined;
    return sendPage(
      reply,
      await applianceEditPage(request, appliance, {
        ...(notice ? { notice: request.t(notice) } : {}),
        requestId,
      }),
    );
  });

  app.post('/admin/appliances/:id', async (request, reply) => {
    const appliance = await applianceOr404(request, (request.params as { id: string }).id);
    const form = readApplianceForm(request.body);
    if (!form.ok)
      return sendPage(
        reply,
        await applianceEditPage(request, appliance, { values: form.values, errors: form.errors }),
        422,
      );
    const saved = await saveAppliance(request.ctx, form.input, appliance.id);
    if (!saved.ok) {
      if (saved.reason === 'not-found') throw new AppError('not-found');
      return sendPage(
        reply,
        await applianceEditPage(request, appliance, { values: form.values, ...refusal(saved, form.values) }),
        422,
      );
    }
    await app.lookup.refresh(request.ctx, [appliance.id]);
    return reply.redirect(`/admin/appliances/${appliance.id}?done=saved`, 303);
  });
}

function refusal(
  saved: { reason: 'model-taken'; existingId: string } | { reason: 'unknown-brand' | 'not-found' },
  values: ApplianceFormValues,
): { errors: ApplianceFormError[]; conflictId?: string } {
  if (saved.reason === 'model-taken')
    return {
      errors: [{ field: 'model', code: 'model-taken', value: values.model }],
      conflictId: saved.existingId,
    };
  return { errors: [{ field: 'brandId', code: 'unknown-brand' }] };
}

async function newPage(
  request: FastifyRequest,
  values: ApplianceFormValues,
  errors: ApplianceFormError[],
  extra: { requestId?: string | undefined; conflictId?: string | undefined } = {},
) {
  return (
    <ApplianceFormPage
      ctx={pageCtx(request, request.server.config)}
      appliance={null}
      brands={await brandOptions(request.ctx)}
      values={values}
      errors={errors}
      requestId={extra.requestId}
      conflictId={extra.conflictId}
    />
  );
}

function valuesOf(a: ApplianceForEdit): ApplianceFormValues {
  return {
    brandId: a.brandId,
    newBrand: '',
    model: a.model,
    name: a.name,
    category: a.category,
    aliases: a.aliases.join('\n'),
    notes: a.notes,
  };
}
