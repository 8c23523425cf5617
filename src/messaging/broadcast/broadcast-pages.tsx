import type { Locale } from '../../config.ts';
import { AdminLayout } from '../../staff/pages/admin-layout.tsx';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { formatDate, formatNumber } from '../../web/i18n/format.ts';
import type { MessageKey } from '../../web/i18n/messages.ts';
import type { PageCtx } from '../../web/page-context.ts';
import type { BroadcastCounts } from './decide-broadcast.ts';

export type BroadcastForm = {
  audience?: string;
  appliance?: string;
  subjectNl?: string;
  subjectEn?: string;
  bodyNl?: string;
  bodyEn?: string;
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
                {formatDate(b.createdAt, ctx.locale, ctx.timeZone, true)} · {b.subject} · {b.staffName} ·{' '}
                {b.status}
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
  const held = Object.values(c.held).reduce((n, h) => n + h.count, 0);
  return { reach: formatNumber(c.now + held, locale), total: formatNumber(c.total, locale) };
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

/** The preview: the message, its reach in words, and the one button that sends it. */
export function BroadcastPreviewPage({
  ctx,
  id,
  subject,
  topicNote,
  counts,
  sent,
}: {
  ctx: PageCtx;
  id: string;
  subject: string;
  topicNote: string;
  counts: BroadcastCounts;
  /** After sending: what was recorded, in the same words. */
  sent?: { counts: BroadcastCounts; created: number };
}) {
  const { t, locale } = ctx;
  const held = (c: BroadcastCounts) => Object.values(c.held).reduce((k, h) => k + h.count, 0);
  return (
    <AdminLayout ctx={ctx} title={t('broadcast.title')}>
      <h1>{subject}</h1>
      <p>{topicNote}</p>
      {sent ? (
        <>
          <p class="notice" role="status">
            {t('broadcast.sent', {
              count: formatNumber(sent.created, locale),
              now: formatNumber(sent.counts.now, locale),
              held: formatNumber(held(sent.counts), locale),
            })}
          </p>
          <CountsView ctx={ctx} counts={sent.counts} />
        </>
      ) : (
        <>
          <CountsView ctx={ctx} counts={counts} />
          <form method="post" action={`/admin/messages/${id}/send`}>
            <CsrfField ctx={ctx} />
            <button type="submit">
              {t('broadcast.send', { count: formatNumber(counts.now + held(counts), locale) })}
            </button>
          </form>
        </>
      )}
      <p>
        <a href="/admin/messages">{t('broadcast.title')}</a>
      </p>
    </AdminLayout>
  );
}
