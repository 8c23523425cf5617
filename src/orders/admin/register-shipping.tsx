import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../config.ts';
import { requireOwner } from '../../staff/guard.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { deliveryPromise } from '../delivery-promise.ts';
import { loadShippingSettings } from '../load-shipping-settings.ts';
import { saveShippingSettings } from '../save-shipping-settings.ts';
import { calendarFor } from '../shipping-methods.ts';
import type { ShippingSettings } from '../shipping-settings.ts';
import { knownHolidayCountries, type ShippingProblems } from '../shipping-settings-problems.ts';
import { formValues, problemsAsTyped, readShippingForm, type ShippingFormValues } from './shipping-form.ts';
import { type ShippingExample, ShippingPage } from './shipping-page.tsx';

/**
 * /admin/shipping, owner only: the shipping settings as one form (the post carries the CSRF token, like every
 * form). A refused form answers 422 with a reason per field and saves nothing; a saved one refreshes the settings
 * in memory here (and, on PostgreSQL, in every process) before the page shows what customers are now promised.
 */
export function registerShippingAdmin(app: FastifyInstance): void {
  app.get('/admin/shipping', async (request, reply) => {
    requireOwner(request);
    const saved = await loadShippingSettings(request.ctx);
    const notice = (request.query as { saved?: string }).saved ? request.t('shippingAdmin.saved') : undefined;
    return page(request, reply, 200, saved, formValues(saved, request.locale), {}, notice);
  });

  app.post('/admin/shipping', async (request, reply) => {
    const owner = requireOwner(request);
    const form = readShippingForm(request.body);
    const result = await saveShippingSettings(request.ctx, form.settings, owner.id);
    if (!result.ok) {
      const saved = await loadShippingSettings(request.ctx);
      return page(request, reply, 422, saved, form.values, problemsAsTyped(form, result.problems));
    }
    await app.shipping.refresh(request.ctx);
    return reply.redirect('/admin/shipping?saved=1', 303);
  });
}

async function page(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  saved: ShippingSettings,
  values: ShippingFormValues,
  problems: ShippingProblems,
  notice?: string,
) {
  return sendPage(
    reply,
    <ShippingPage
      ctx={pageCtx(request, request.server.config)}
      values={values}
      problems={problems}
      examples={examples(request, saved)}
      countries={countryChoices(request.locale)}
      notice={notice}
    />,
    status,
  );
}

/** Per method, the delivery date of an order placed now with the saved settings. */
function examples(request: FastifyRequest, saved: ShippingSettings): ShippingExample[] {
  const now = request.ctx.clock.now();
  return saved.methods.map((m) => ({
    method: m.method,
    deliveryDate: m.enabled
      ? deliveryPromise(calendarFor(saved, m, request.ctx.config.shopTimezone), now).deliveryDate.toString()
      : null,
  }));
}

const choices = new Map<Locale, { code: string; name: string }[]>();

/** The countries date-holidays knows, named in the admin's language, by name. */
function countryChoices(locale: Locale): { code: string; name: string }[] {
  let list = choices.get(locale);
  if (!list) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    list = [...knownHolidayCountries()]
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
    choices.set(locale, list);
  }
  return list;
}
