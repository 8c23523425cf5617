import { AdminLayout } from '../../staff/pages/admin-layout.tsx';
import { ErrorSummary, Notice, TextArea } from '../../staff/pages/fields.tsx';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { formatDate } from '../../web/i18n/format.ts';
import type { PageCtx } from '../../web/page-context.ts';
import type { LookupMatch } from '../lookup-matches.ts';
import type { RequestView } from './admin-requests.ts';
import { formatAge } from './format-age.ts';

function languageName(ctx: PageCtx, locale: string): string {
  return locale === 'nl' || locale === 'en' ? ctx.t(`applianceAdmin.request.lang.${locale}`) : locale;
}

/** /admin/requests: open requests first (oldest on top), then the latest answered ones. */
export function RequestListPage(props: {
  ctx: PageCtx;
  nowMs: number;
  open: RequestView[];
  answered: RequestView[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('applianceAdmin.requests')}>
      <h1>{t('applianceAdmin.requests')}</h1>
      <p class="hint">{t('applianceAdmin.request.intro')}</p>
      <h2>{t('applianceAdmin.request.open', { count: props.open.length })}</h2>
      <RequestTable
        ctx={ctx}
        nowMs={props.nowMs}
        requests={props.open}
        empty={t('applianceAdmin.request.noneOpen')}
      />
      <h2>{t('applianceAdmin.request.answered')}</h2>
      <RequestTable
        ctx={ctx}
        nowMs={props.nowMs}
        requests={props.answered}
        empty={t('applianceAdmin.request.noneAnswered')}
      />
    </AdminLayout>
  );
}

function RequestTable({
  ctx,
  nowMs,
  requests,
  empty,
}: {
  ctx: PageCtx;
  nowMs: number;
  requests: RequestView[];
  empty: string;
}) {
  const { t, locale } = ctx;
  if (requests.length === 0) return <p>{empty}</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('applianceAdmin.request.query')}</th>
            <th scope="col">{t('applianceAdmin.request.serial')}</th>
            <th scope="col">{t('applianceAdmin.request.email')}</th>
            <th scope="col">{t('applianceAdmin.request.language')}</th>
            <th scope="col">{t('applianceAdmin.request.photo')}</th>
            <th scope="col">{t('applianceAdmin.request.age')}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr key={r.id}>
              <td>
                <a href={`/admin/requests/${r.id}`}>{r.query}</a>
              </td>
              <td>{r.serial}</td>
              <td>{r.email}</td>
              <td>{languageName(ctx, r.locale)}</td>
              <td>
                {r.hasPhoto ? (
                  <img
                    src={`/admin/requests/${r.id}/photo`}
                    alt={t('applianceAdmin.request.photoAlt', { query: r.query })}
                    width={96}
                    loading="lazy"
                  />
                ) : (
                  <span class="muted">{t('applianceAdmin.request.noPhoto')}</span>
                )}
              </td>
              <td>
                <time datetime={r.createdAt} title={formatDate(r.createdAt, locale, ctx.timeZone, true)}>
                  {formatAge(r.createdAt, nowMs, locale)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One request: what the customer sent, finding or adding the appliance, and the answer. */
export function RequestPage(props: {
  ctx: PageCtx;
  nowMs: number;
  request: RequestView;
  find: string;
  findProblem: string | null;
  matches: LookupMatch[];
  answer: string;
  answerError?: string | undefined;
  notice?: string | undefined;
}) {
  const { ctx, request: r } = props;
  const { t, locale } = ctx;
  const title = `${t('applianceAdmin.request.title')}: ${r.query}`;
  const base = `/admin/requests/${r.id}`;
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p>
        <a href="/admin/requests">{t('applianceAdmin.request.back')}</a>
      </p>
      <h1>{title}</h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <ErrorSummary
        title={t('admin.errorSummary')}
        errors={
          props.answerError
            ? [{ id: 'answer', label: t('applianceAdmin.request.answer'), message: props.answerError }]
            : []
        }
      />
      <dl class="specs">
        <dt>{t('applianceAdmin.request.query')}</dt>
        <dd>{r.query}</dd>
        <dt>{t('applianceAdmin.request.serial')}</dt>
        <dd>{r.serial || '—'}</dd>
        <dt>{t('applianceAdmin.request.email')}</dt>
        <dd>
          <a href={`mailto:${r.email}`}>{r.email}</a>
        </dd>
        <dt>{t('applianceAdmin.request.language')}</dt>
        <dd>{languageName(ctx, r.locale)}</dd>
        <dt>{t('applianceAdmin.request.received')}</dt>
        <dd>
          {formatDate(r.createdAt, locale, ctx.timeZone, true)} ({formatAge(r.createdAt, props.nowMs, locale)}
          )
        </dd>
        <dt>{t('applianceAdmin.request.status')}</dt>
        <dd>{t(`applianceAdmin.request.status.${r.status}`)}</dd>
      </dl>
      {r.hasPhoto ? (
        <p>
          <a href={`${base}/photo`}>
            <img
              src={`${base}/photo`}
              alt={t('applianceAdmin.request.photoAlt', { query: r.query })}
              width={480}
            />
          </a>
        </p>
      ) : null}

      <section aria-labelledby="appliance-title">
        <h2 id="appliance-title">{t('applianceAdmin.request.appliance')}</h2>
        {r.appliance ? (
          <p>
            {t('applianceAdmin.request.linkedTo')}{' '}
            <a href={`/admin/appliances/${r.appliance.id}`}>
              {r.appliance.brand} {r.appliance.model}
            </a>
          </p>
        ) : (
          <p>{t('applianceAdmin.request.notLinked')}</p>
        )}
        <form method="get" action={base} role="search" class="search">
          <label for="find">{t('applianceAdmin.request.find')}</label>
          <input id="find" type="search" name="find" value={props.find} maxLength={100} />
          <button type="submit">{t('applianceAdmin.search')}</button>
        </form>
        {props.findProblem ? <Notice error>{props.findProblem}</Notice> : null}
        {props.matches.length === 0 ? (
          <p>{t('applianceAdmin.request.noMatches')}</p>
        ) : (
          <ul>
            {props.matches.map((m) => (
              <li key={m.id}>
                <form method="post" action={`${base}/link`}>
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="applianceId" value={m.id} />
                  <a href={`/admin/appliances/${m.id}`}>
                    {m.brand} {m.model}
                  </a>{' '}
                  {m.name} ({t('applianceAdmin.request.productCount', { count: m.products.length })}){' '}
                  <button
                    type="submit"
                    class="secondary"
                    aria-label={t('applianceAdmin.request.linkLabel', { appliance: `${m.brand} ${m.model}` })}
                  >
                    {t('applianceAdmin.request.link')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a class="button" href={`/admin/appliances/new?request=${encodeURIComponent(r.id)}`}>
            {t('applianceAdmin.request.addOnTheSpot')}
          </a>
        </p>
      </section>

      <section aria-labelledby="answer-title">
        <h2 id="answer-title">{t('applianceAdmin.request.answer')}</h2>
        <p class="notice" id="answer-note">
          {t('applianceAdmin.request.notSentYet')}
        </p>
        {r.status === 'answered' ? (
          <>
            <p>
              {t('applianceAdmin.request.answeredBy', {
                name: r.answeredBy ?? '—',
                date: r.answeredAt ? formatDate(r.answeredAt, locale, ctx.timeZone, true) : '',
              })}
            </p>
            <blockquote>
              {(r.answer ?? '').split('\n').map((line, i) => (
                <p key={i}>{line}</p>
              ))}
            </blockquote>
          </>
        ) : (
          <form method="post" action={`${base}/answer`} class="form" noValidate>
            <CsrfField ctx={ctx} />
            <TextArea
              id="answer"
              label={t('applianceAdmin.request.answer')}
              value={props.answer}
              error={props.answerError}
              hint={t('applianceAdmin.request.answerHint', { language: languageName(ctx, r.locale) })}
              maxLength={5000}
            />
            <button type="submit">{t('applianceAdmin.request.send')}</button>
          </form>
        )}
      </section>
    </AdminLayout>
  );
}
