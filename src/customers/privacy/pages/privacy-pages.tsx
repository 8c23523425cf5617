import { Notice } from '../../../staff/pages/fields.tsx';
import { CsrfField } from '../../../web/components/csrf-field.tsx';
import { Layout } from '../../../web/components/layout.tsx';
import { formatDate, formatPrice } from '../../../web/i18n/format.ts';
import type { PageCtx } from '../../../web/page-context.ts';
import type { ErasurePlan, RetainedOrder } from '../erase-account.ts';

/** /account/privacy: download everything (JSON, readable summary), or start deleting the account. */
export function PrivacyPage({ ctx }: { ctx: PageCtx }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('privacy.title')} noindex>
      <h1>{t('privacy.title')}</h1>
      <p>{t('privacy.intro')}</p>
      <section aria-labelledby="export-title">
        <h2 id="export-title">{t('privacy.exportTitle')}</h2>
        <p>{t('privacy.exportText')}</p>
        <ul class="account-links">
          <li>
            <a href="/account/privacy/export.json" download>
              {t('privacy.exportJson')}
            </a>
          </li>
          <li>
            <a href="/account/privacy/export.html">{t('privacy.exportHtml')}</a>
          </li>
          <li>
            <a href="/account/privacy/export.html?download=1" download>
              {t('privacy.exportHtmlDownload')}
            </a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="delete-title">
        <h2 id="delete-title">{t('privacy.deleteTitle')}</h2>
        <p>{t('privacy.deleteText')}</p>
        <p>
          <a href="/account/privacy/delete">{t('privacy.deleteLink')}</a>
        </p>
      </section>
    </Layout>
  );
}

/** Step 2 of deleting: what is deleted, what is kept until when, and the confirmation. */
export function DeleteConfirmPage({
  ctx,
  plan,
  error,
}: {
  ctx: PageCtx;
  plan: ErasurePlan;
  error?: boolean | undefined;
}) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('privacy.confirmTitle')} noindex>
      <h1>{t('privacy.confirmTitle')}</h1>
      {error ? <Notice error>{t('privacy.confirmRequired')}</Notice> : null}
      <p>{t('privacy.confirmIntro')}</p>
      <h2>{t('privacy.removedTitle')}</h2>
      {plan.removed.length === 0 ? (
        <p>{t('privacy.removedNone')}</p>
      ) : (
        <ul>
          {plan.removed.map((r) => (
            <li key={r.table}>
              {t(r.onErase === 'anonymise' ? 'privacy.anonymised' : 'privacy.removedCount', {
                what: r.what[locale],
                count: r.count,
              })}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('privacy.alsoTitle')}</h2>
      <ul>
        <li>{t('privacy.alsoSessions')}</li>
        <li>{t('privacy.alsoHousehold')}</li>
        <li>{t('privacy.alsoSuppress')}</li>
      </ul>
      <h2>{t('privacy.keptTitle')}</h2>
      {plan.retained.length === 0 ? (
        <p>{t('privacy.keptNone')}</p>
      ) : (
        <>
          <p>{t('privacy.keptIntro')}</p>
          <RetainedList ctx={ctx} orders={plan.retained} />
        </>
      )}
      <form method="post" action="/account/privacy/delete">
        <CsrfField ctx={ctx} />
        <div class="field">
          <div class="check">
            <input
              id="confirm"
              name="confirm"
              type="checkbox"
              value="yes"
              required
              aria-invalid={error ? 'true' : undefined}
            />
            <label for="confirm">{t('privacy.confirmCheck')}</label>
          </div>
        </div>
        <p>
          <button type="submit">{t('privacy.confirmButton')}</button>
        </p>
      </form>
      <p>
        <a href="/account/privacy">{t('privacy.cancel')}</a>
      </p>
    </Layout>
  );
}

/** The acknowledgement: when, and the sales records still kept with their purge dates. */
export function DeletedPage({ ctx, at, retained }: { ctx: PageCtx; at: string; retained: RetainedOrder[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('privacy.doneTitle')} noindex>
      <h1>{t('privacy.doneTitle')}</h1>
      <p role="status">{t('privacy.doneAt', { at: formatDate(at, locale, ctx.timeZone, true) })}</p>
      {retained.length > 0 ? (
        <>
          <p>{t('privacy.doneKept')}</p>
          <RetainedList ctx={ctx} orders={retained} />
        </>
      ) : null}
      <p>{t('privacy.doneSuppressed')}</p>
      <p>
        <a href="/">{t('privacy.doneHome')}</a>
      </p>
    </Layout>
  );
}

function RetainedList({ ctx, orders }: { ctx: PageCtx; orders: RetainedOrder[] }) {
  const { t, locale, timeZone } = ctx;
  return (
    <ul class="retained">
      {orders.map((o) => (
        <li key={o.number}>
          {t('privacy.keptOrder', {
            number: o.number,
            date: formatDate(o.createdAt, locale, timeZone),
            total: formatPrice(o.totalCents, locale, o.currency),
            // the purge date is the first moment after the retention: name the last day kept
            purge: formatDate(new Date(Date.parse(o.purgeAfter) - 1).toISOString(), locale, timeZone),
          })}
        </li>
      ))}
    </ul>
  );
}
