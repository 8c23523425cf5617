import { AdminLayout } from '../../staff/pages/admin-layout.tsx';
import { formatDate } from '../../web/i18n/format.ts';
import type { PageCtx } from '../../web/page-context.ts';
import type { OutboxMessageTable, OutboxStatus } from '../tables.ts';

export type OutboxListItem = Pick<
  OutboxMessageTable,
  'id' | 'to_address' | 'subject' | 'status' | 'created_at'
>;

const statusKey = (s: OutboxStatus) => `outbox.status.${s}` as const;

/** Every message, newest first: the development outbox when no SMTP is configured, a send log otherwise. */
export function OutboxListPage({
  ctx,
  messages,
  smtp,
}: {
  ctx: PageCtx;
  messages: OutboxListItem[];
  smtp: boolean;
}) {
  const { t, locale } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('outbox.title')}>
      <h1>{t('outbox.title')}</h1>
      <p>{t(smtp ? 'outbox.introSmtp' : 'outbox.intro')}</p>
      {messages.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('outbox.created')}</th>
              <th scope="col">{t('outbox.to')}</th>
              <th scope="col">{t('outbox.subject')}</th>
              <th scope="col">{t('outbox.status')}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td>{formatDate(m.created_at, locale, ctx.timeZone, true)}</td>
                <td>{m.to_address}</td>
                <td>
                  <a href={`/admin/outbox/${m.id}`}>{m.subject}</a>
                </td>
                <td>{t(statusKey(m.status))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

/**
 * One message: the plain text, the HTML rendered in a sandboxed frame (no scripts, no same origin, under
 * the page's own strict CSP) and the HTML source as text.
 */
export function OutboxMessagePage({ ctx, message }: { ctx: PageCtx; message: OutboxMessageTable }) {
  const { t, locale } = ctx;
  return (
    <AdminLayout ctx={ctx} title={message.subject}>
      <p>
        <a href="/admin/outbox">{t('outbox.back')}</a>
      </p>
      <h1>{message.subject}</h1>
      <dl>
        <dt>{t('outbox.to')}</dt>
        <dd>{message.to_address}</dd>
        <dt>{t('outbox.created')}</dt>
        <dd>{formatDate(message.created_at, locale, ctx.timeZone, true)}</dd>
        <dt>{t('outbox.status')}</dt>
        <dd>{t(statusKey(message.status))}</dd>
        {message.error ? (
          <>
            <dt>{t('outbox.error')}</dt>
            <dd>{message.error}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('outbox.text')}</h2>
      <pre>{message.text_body}</pre>
      <h2>{t('outbox.html')}</h2>
      <iframe sandbox="" srcDoc={message.html_body} title={t('outbox.html')} width="100%" height="600" />
      <details>
        <summary>{t('outbox.htmlSource')}</summary>
        <pre>{message.html_body}</pre>
      </details>
    </AdminLayout>
  );
}
