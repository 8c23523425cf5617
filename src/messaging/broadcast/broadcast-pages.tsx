import type { Locale } from '../../config.ts';
import { AdminLayout } from '../../staff/pages/admin-layout.tsx';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { formatDate, formatNumber } from '../../web/i18n/format.ts';
import type { MessageKey } from '../../web/i18n/messages.ts';
import type { PageCtx } from '../../web/page-context.ts';
import { type BroadcastCounts, reachOf } from './broadcast-counts.ts';

export type BroadcastForm = {
  audience?: string;
  appliance?: string;
  subjectNl?: string;
  subjectEn?: string;
  bodyNl?: string;
  bodyEn?: string;
  /** Made when the form is shown: a double submit of it finds the draft made the first time. */
  idempotencyKey?: string;
};

export type BroadcastListItem = {
  id: string;
  subject: string;
  status: string;
  createdAt: string;
  staffName: string;
  counts: BroadcastCounts | null;
};

const AUDIENCES = [
  ['offers', 'broadcast.audience.offers'],
  ['appliance-owners', 'broadcast.audience.appliance'],
  ['recall', 'broadcast.audience.recall'],
] as const;

/** /admin/messages: write a message to a group; nothing is sent before the preview. */
export function BroadcastFormPage({
  ctx,
  form,
  error,
  history,
}: {
  ctx: PageCtx;
  form: BroadcastForm;
  error?: string;
  history: BroadcastListItem[];
}) {
  const { t } = ctx;
  const text = (name: keyof BroadcastForm, label: MessageKey, area = false) => (
    <p>
      <label for={name}>{t(label)}</label>
      {area ? (
        <textarea id={name} name={name} rows={6} required maxLength={5000}>
          {form[name] ?? ''}
        </textarea>
      ) : (
        <input id={name} name={name} required maxLength={200} value={form[name] ?? ''} />
      )}
    </p>
  );
  return (
    <AdminLayout ctx={ctx} title={t('broadcast.title')}>
      <h1>{t('broadcast.title')}</h1>
      <p>{t('broadcast.intro')}</p>
      {error ? (
        <p class="notice error" role="alert">
          {error}
        </p>
      ) : null}
      <form method="post" action="/admin/messages">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="idempotencyKey" value={form.idempotencyKey ?? ''} />
        <fieldset>
          <legend>{t('broadcast.audience')}</legend>
          {AUDIENCES.map(([value, label]) => (
            <p key={value}>
              <input
                type="radio"
                id={`audience-${value}`}
                name="audience"
                value={value}
                checked={(form.audience ?? 'offers') === value}
              />
              <label for={`audience-${value}`}>{t(label)}</label>
            </p>
          ))}
          <p>
            <label for="appliance">{t('broadcast.appliance')}</label>
            <input id="appliance" name="appliance" maxLength={100} value={form.appliance ?? ''} />
          </p>
        </fieldset>
        {text('subjectNl', 'broadcast.subjectNl')}
        {text('bodyNl', 'broadcast.bodyNl', true)}
        {text('subjectEn', 'broadcast.subjectEn')}
        {text('bodyEn', 'broadcast.bodyEn', true)}
        <button type="submit">{t('broadcast.preview')}</button>
      </form>
      {history.length > 0 ? (
        <>
          <h2>{t('broadcast.history')}</h2>
          <ul>
            {history.map((b) => (
              <li key={b.id}>
                {formatDate(b.createdAt, ctx.locale, ctx.timeZone, true)} ·{' '}
                <a href={`/admin/messages/${b.id}`}>{b.subject}</a> · {b.staffName} ·{' '}
                {statusText(ctx, b.status)}
                {b.counts ? ` · ${t('broadcast.reach', reachParams(b.counts, ctx.locale))}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </AdminLayout>
  );
}

function reachParams(c: BroadcastCounts, locale: Locale) {
  return { reach: formatNumber(reachOf(c), locale), total: formatNumber(c.total, locale) };
}

function statusText(ctx: PageCtx, status: string): string {
  const key = `broadcast.status.${status}` as MessageKey;
  return ctx.t(key) === key ? status : ctx.t(key);
}

/** The counts in words: how many it reaches, now and later, and why the others are not reached. */
export function CountsView({ ctx, counts }: { ctx: PageCtx; counts: BroadcastCounts }) {
  const { t, locale } = ctx;
  const n = (x: number) => formatNumber(x, locale);
  const when = (iso: string) => formatDate(iso, locale, ctx.timeZone, true);
  const excluded = Object.entries(counts.excluded).sort((a, b) => b[1] - a[1]);
  const reasonText = (reason: string, count: number, from?: string) => {
    const key = `broadcast.reason.${reason}` as MessageKey;
    const known = t(key) !== key;
    return known
      ? t(key, { count: n(count), when: from ? when(from) : '' })
      : t('broadcast.reason.other', { count: n(count), reason });
  };
  return (
    <section aria-labelledby="reach">
      <h2 id="reach">{t('broadcast.reach', reachParams(counts, locale))}</h2>
      <ul>
        <li>{t('broadcast.now', { count: n(counts.now) })}</li>
        {Object.entries(counts.held).map(([reason, h]) => (
          <li key={reason}>{reasonText(reason, h.count, h.from)}</li>
        ))}
      </ul>
      {excluded.length > 0 ? (
        <>
          <h3>{t('broadcast.excluded')}</h3>
          <ul>
            {excluded.map(([reason, count]) => (
              <li key={reason}>{reasonText(reason, count)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** A stored staff message as its page shows it. */
export type BroadcastView = {
  id: string;
  subject: string;
  topicNote: string;
  /** 'draft' | 'queued' | 'sending' | 'sent' */
  status: string;
  preview: BroadcastCounts;
  /** The preview is still being counted by its job (`preview` holds the counts so far, of `total`). */
  counting: boolean;
  /** What was recorded so far (while sending) or in all (sent). */
  result: BroadcastCounts | null;
  total: number;
  decided: number;
  enqueued: number;
  /** The send job, while it waits for a retry or after it gave up. */
  job: { status: string; attempts: number; runAt: string } | null;
};

/**
 * A staff message's page. A draft: the message, its reach in words, and the one button that sends it. Once sent
 * off: the progress of the send job (customers decided and recorded — a message, or a dropped recipient — of the audience) with a link that
 * refreshes it (no timed refresh: it would restart a screen reader every few seconds, WCAG 2.2.1), then what was
 * recorded, in the same words as the preview.
 */
export function BroadcastPage({ ctx, b }: { ctx: PageCtx; b: BroadcastView }) {
  const { t, locale } = ctx;
  const n = (x: number) => formatNumber(x, locale);
  const working = b.status === 'queued' || b.status === 'sending';
  const failed = b.job?.status === 'failed';
  return (
    <AdminLayout ctx={ctx} title={t('broadcast.title')}>
      <h1>{b.subject}</h1>
      <p>{b.topicNote}</p>
      {b.status === 'draft' && b.counting ? (
        <>
          <section aria-labelledby="counting">
            <h2 id="counting">{t('broadcast.counting.title')}</h2>
            <label for="preview-progress">{t('broadcast.counting.title')}</label>
            <progress
              id="preview-progress"
              class="progress"
              max={Math.max(b.total, 1)}
              value={b.preview.total}
              aria-describedby="preview-progress-text"
            />
            <p id="preview-progress-text" role="status">
              {t('broadcast.counting.text', { counted: n(b.preview.total), total: n(b.total) })}
            </p>
            <p>
              <a href={`/admin/messages/${b.id}`}>{t('broadcast.progress.refresh')}</a>
            </p>
          </section>
          <CountsView ctx={ctx} counts={b.preview} />
        </>
      ) : null}
      {b.status === 'draft' && !b.counting ? (
        <>
          <CountsView ctx={ctx} counts={b.preview} />
          <form method="post" action={`/admin/messages/${b.id}/send`}>
            <CsrfField ctx={ctx} />
            <button type="submit">{t('broadcast.send', { count: n(reachOf(b.preview)) })}</button>
          </form>
        </>
      ) : null}
      {working ? (
        <section aria-labelledby="progress">
          <h2 id="progress">{t('broadcast.progress.title')}</h2>
          <p>
            <strong>{statusText(ctx, b.status)}</strong>
          </p>
          <label for="broadcast-progress">{t('broadcast.progress.title')}</label>
          <progress
            id="broadcast-progress"
            class="progress"
            max={Math.max(b.total, 1)}
            value={b.decided}
            aria-describedby="broadcast-progress-text"
          />
          <p id="broadcast-progress-text" role="status">
            {b.status === 'queued'
              ? t('broadcast.progress.queued')
              : t('broadcast.progress.sending', {
                  decided: n(b.decided),
                  total: n(b.total),
                  enqueued: n(b.enqueued),
                })}
          </p>
          {failed ? (
            <>
              <p class="notice error" role="alert">
                {t('broadcast.progress.failed')}
              </p>
              <form method="post" action={`/admin/messages/${b.id}/send`}>
                <CsrfField ctx={ctx} />
                <button type="submit">{t('broadcast.progress.tryAgain')}</button>
              </form>
            </>
          ) : b.job && b.job.status === 'pending' && b.job.attempts > 0 ? (
            <p class="notice">
              {t('broadcast.progress.retrying', {
                when: formatDate(b.job.runAt, locale, ctx.timeZone, true),
              })}
            </p>
          ) : null}
          <p>{t('broadcast.progress.note')}</p>
          <p>
            <a href={`/admin/messages/${b.id}`}>{t('broadcast.progress.refresh')}</a>
          </p>
        </section>
      ) : null}
      {b.status === 'sent' && b.result ? (
        <>
          <p class="notice" role="status">
            {t('broadcast.sent', {
              count: n(b.enqueued),
              now: n(b.result.now),
              held: n(reachOf(b.result) - b.result.now),
            })}
          </p>
          <CountsView ctx={ctx} counts={b.result} />
        </>
      ) : null}
      <p>
        <a href="/admin/messages">{t('broadcast.title')}</a>
      </p>
    </AdminLayout>
  );
}
