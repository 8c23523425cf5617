import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { customerOf } from '../customers/guard.ts';
import { AppError } from '../errors.ts';
import { formFile } from '../staff/pages/form-body.ts';
import { formatDate } from '../web/i18n/format.ts';
import type { MessageKey } from '../web/i18n/messages.ts';
import { pageCtx } from '../web/page-context.ts';
import { sendPage } from '../web/render.ts';
import { registerUploadRoutes } from '../web/uploads.ts';
import { loadLedger } from './consent-ledger.ts';
import { applyCustomerTerms, lastTermsApplication, termsDocument } from './customer-terms.ts';
import { describeLedgerRow } from './ledger-text.ts';
import { HistoryPage } from './pages/history-page.tsx';
import { PreferencesPage, type PreferencesPageProps } from './pages/preferences-page.tsx';
import { TermsPage } from './pages/terms-page.tsx';
import { formStrings, preferencesFromForm } from './preference-form.ts';
import { changePreferences, loadPreferences } from './preference-store.ts';
import { registerPreferenceApi } from './preferences-api.ts';
import { offeredChannels } from './shop-offer.ts';
import { WORDING } from './wording.ts';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MAX_TERMS_BYTES = 64 * 1024;

/** The preference centre, its history and "my terms" (pages), and the preferences API. */
export function registerPreferences(app: FastifyInstance): void {
  const { config } = app;
  const offered = offeredChannels(config);
  registerPreferenceApi(app);

  function page(request: FastifyRequest, reply: FastifyReply) {
    reply.header('cache-control', 'no-store');
    return pageCtx(request, config);
  }

  app.get('/account/preferences', async (request, reply) => {
    const customer = customerOf(request);
    const { prefs, revision } = await loadPreferences(request.ctx, customer.id);
    const { saved } = request.query as { saved?: string };
    const ledger = await loadLedger(request.ctx, customer.id);
    const ctx = page(request, reply);
    const changed =
      saved === 'none'
        ? []
        : saved && ISO.test(saved)
          ? ledger
              .filter((r) => r.at === saved && r.subject !== 'terms')
              .map((r) => describeLedgerRow(r, ctx.t, ctx.locale, prefs.timeZone))
          : undefined;
    return sendPage(
      reply,
      <PreferencesPage
        ctx={ctx}
        prefs={prefs}
        revision={revision}
        offered={offered}
        saved={changed}
        softOptInOrder={softOptInOrder(ledger)}
      />,
    );
  });

  app.post('/account/preferences', async (request, reply) => {
    const customer = customerOf(request);
    const form = formStrings(request.body);
    const { prefs: current, revision } = await loadPreferences(request.ctx, customer.id);
    const sent = Number(form.revision);
    const show = (props: Partial<PreferencesPageProps>, status: number) =>
      sendPage(
        reply,
        <PreferencesPage
          ctx={page(request, reply)}
          prefs={current}
          revision={revision}
          offered={offered}
          {...props}
        />,
        status,
      );
    if (!Number.isInteger(sent) || sent !== revision) return show({ notice: 'stale' }, 409);
    const { next, errors } = preferencesFromForm(form, current);
    if (Object.keys(errors).length > 0)
      return show({ prefs: next, notice: 'invalid', errors, raw: rawOf(form, errors) }, 422);
    try {
      const result = await changePreferences(request.ctx, customer.id, next, {
        source: 'preference-centre',
        actor: 'customer',
        wordingVersion: WORDING.preferenceCentre,
        expectedRevision: revision,
      });
      // a new language preference: the page answers in it from now on
      const lang = next.locale !== current.locale ? `&lang=${next.locale}` : '';
      return reply.redirect(
        `/account/preferences?saved=${encodeURIComponent(result.at ?? 'none')}${lang}`,
        303,
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.id === 'preferences-stale') return show({ notice: 'stale' }, 409);
      if (error.id !== 'validation-failed') throw error;
      const fieldErrors: Record<string, MessageKey> = {};
      for (const path of Object.keys(error.fields ?? {}))
        fieldErrors[path.startsWith('channels') ? 'channels' : path] = path.startsWith('channels')
          ? 'prefs.error.noChannel'
          : 'prefs.invalid';
      return show({ prefs: next, notice: 'invalid', errors: fieldErrors }, 422);
    }
  });

  app.get('/account/preferences/history', async (request, reply) => {
    const customer = customerOf(request);
    const [{ prefs }, ledger] = await Promise.all([
      loadPreferences(request.ctx, customer.id),
      loadLedger(request.ctx, customer.id),
    ]);
    const ctx = page(request, reply);
    const lines = ledger.reverse().map((r) => describeLedgerRow(r, ctx.t, ctx.locale, prefs.timeZone));
    return sendPage(reply, <HistoryPage ctx={ctx} lines={lines} />);
  });

  app.get('/account/terms', async (request, reply) => {
    const customer = customerOf(request);
    const { applied } = request.query as { applied?: string };
    const ctx = page(request, reply);
    const last = applied ? await lastTermsApplication(request.ctx, customer.id) : null;
    const { prefs } = last ? await loadPreferences(request.ctx, customer.id) : { prefs: null };
    const application =
      last && prefs
        ? {
            when: formatDate(last.at, ctx.locale, prefs.timeZone, true),
            via: ctx.t(`history.via.${last.source}` as MessageKey),
            applied: last.applied,
            notHonoured: last.notHonoured,
          }
        : null;
    return sendPage(reply, <TermsPage ctx={ctx} application={application} />);
  });

  app.get('/account/terms/download', async (request, reply) => {
    const customer = customerOf(request);
    const doc = await termsDocument(request.ctx, customer.id);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', 'attachment; filename="customer-terms.json"')
      .type('application/json; charset=utf-8')
      .send(`${JSON.stringify(doc, null, 2)}\n`);
  });

  registerUploadRoutes(app, (scope) => scope.post('/account/terms', applyTermsForm));

  async function applyTermsForm(request: FastifyRequest, reply: FastifyReply) {
    const customer = customerOf(request);
    const form = formStrings(request.body);
    const file = formFile(request.body, 'file');
    const text = file ? (await file.toBuffer()).toString('utf8') : (form.text ?? '').trim();
    const fail = (error: string) =>
      sendPage(reply, <TermsPage ctx={page(request, reply)} error={error} pasted={file ? '' : text} />, 422);
    const { t } = request;
    if (!text) return fail(t('terms.nothing'));
    if (Buffer.byteLength(text) > MAX_TERMS_BYTES) return fail(t('terms.notTerms', { fields: '> 64 KB' }));
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return fail(t('terms.notJson', { reason: (error as Error).message }));
    }
    try {
      await applyCustomerTerms(request.ctx, customer.id, parsed, 'terms-upload');
    } catch (error) {
      if (error instanceof AppError && error.id === 'validation-failed')
        return fail(
          t('terms.notTerms', {
            fields: Object.entries(error.fields ?? {})
              .map(([k, v]) => `${k} ${v}`)
              .join('; '),
          }),
        );
      throw error;
    }
    return reply.redirect('/account/terms?applied=1', 303);
  }
}

/** The order number noted on the soft opt-in that is in force, if any ("order TB-1001" → "TB-1001"). */
function softOptInOrder(ledger: { subject: string; source: string; note: string | null }[]): string | null {
  const row = ledger.findLast((r) => r.subject === 'topics.new-for-my-appliances');
  if (row?.source !== 'soft-opt-in' || !row.note) return null;
  return row.note.replace(/^order\s+/, '');
}

function rawOf(form: Record<string, string>, errors: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.keys(errors).map((k) => [k, form[k] ?? '']));
}
