import type { ComponentChildren } from 'preact';
import { AdminLayout } from '../../staff/pages/admin-layout.tsx';
import { Layout } from '../../web/components/layout.tsx';
import { formatDate } from '../../web/i18n/format.ts';
import type { Translate } from '../../web/i18n/messages.ts';
import type { PageCtx } from '../../web/page-context.ts';
import type { ListedMessage } from './list-messages.ts';

type Key = Parameters<Translate>[0];
const k = (key: string) => key as Key;

function channelName(t: Translate, channel: string | null): string {
  return t(k(`gateway.channel.${channel ?? 'email'}`));
}

/** The table of messages with what happened and why, shared by the customer's and the staff's page. */
function MessageTable({
  ctx,
  messages,
  staff = false,
}: {
  ctx: PageCtx;
  messages: ListedMessage[];
  staff?: boolean;
}) {
  const { t, locale } = ctx;
  const when = (iso: string) => formatDate(iso, locale, ctx.timeZone, true);
  if (messages.length === 0) return <p>{t('gateway.empty')}</p>;
  return (
    <div class="table-scroll">
      <table class="gateway-messages">
        <thead>
          <tr>
            <th scope="col">{t('gateway.when')}</th>
            <th scope="col">{t('gateway.subject')}</th>
            <th scope="col">{t('gateway.topicHeading')}</th>
            <th scope="col">{t('gateway.outcome')}</th>
            <th scope="col">{t('gateway.why')}</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr key={m.id} id={`m-${m.id}`}>
              <td>{when(m.sentAt ?? m.createdAt)}</td>
              <td>
                {m.subject}
                {m.digestText ? (
                  <details>
                    <summary>{t('gateway.read')}</summary>
                    <pre class="digest-text">{m.digestText}</pre>
                  </details>
                ) : null}
              </td>
              <td>{t(k(`gateway.topic.${m.topic}`))}</td>
              <td data-status={m.status}>
                {t(k(`gateway.status.${m.status}`), {
                  channel: channelName(t, m.channel),
                  date: m.holdUntil ? when(m.holdUntil) : '',
                })}
              </td>
              <td>
                {t(k(`gateway.reason.${m.reason}`))}
                {staff && m.staffNote ? <p class="staff-note">{m.staffNote}</p> : null}
                {m.decisions.length > 1 ? (
                  <details>
                    <summary>{t('gateway.history')}</summary>
                    <ol>
                      {m.decisions.map((d) => (
                        <li key={`${d.decided_at}-${d.phase}-${d.action}`}>
                          {when(d.decided_at)} ({t(k(`gateway.phase.${d.phase}`))}):{' '}
                          {t(k(`gateway.action.${d.action}`), {
                            channel: channelName(t, d.channel),
                            date: d.hold_until ? when(d.hold_until) : '',
                          })}
                          {' — '}
                          {t(k(`gateway.reason.${d.reason}`))}
                        </li>
                      ))}
                    </ol>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /account/messages: "messages we sent you, and why". */
export function MyMessagesPage({ ctx, messages }: { ctx: PageCtx; messages: ListedMessage[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('gateway.title')} noindex>
      <p>
        <a href="/account">{t('gateway.account')}</a>
      </p>
      <h1>{t('gateway.title')}</h1>
      <p>{t('gateway.intro')}</p>
      <p>
        <a href="/account/preferences">{t('gateway.preferences')}</a>
      </p>
      <MessageTable ctx={ctx} messages={messages} />
    </Layout>
  );
}

/** /admin/customers/:id/messages: the same, for staff. */
export function CustomerMessagesAdminPage({
  ctx,
  email,
  customerId,
  messages,
}: {
  ctx: PageCtx;
  email: string;
  customerId: string;
  messages: ListedMessage[];
}) {
  const { t } = ctx;
  const title = t('gateway.staffTitle', { email });
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p>
        <a href={`/admin/customers/${encodeURIComponent(customerId)}`}>{email}</a>
      </p>
      <h1>{title}</h1>
      <MessageTable ctx={ctx} messages={messages} staff />
    </AdminLayout>
  );
}

/** The frame of the unsubscribe pages: the storefront layout, not indexed. */
function UnsubscribeFrame({
  ctx,
  title,
  children,
}: {
  ctx: PageCtx;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title={title} noindex>
      <h1>{title}</h1>
      {children}
    </Layout>
  );
}

/** The topics' names for the unsubscribe pages: one, or a digest's several joined. */
function topicNames(t: Translate, topics: readonly string[]): string {
  return topics.map((topic) => t(k(`gateway.topic.${topic}`))).join(', ');
}

/**
 * GET /u/:token: the question and one button; loading the page changes nothing (a link scanner unsubscribes
 * no one). The button posts what a mail client's one-click POST sends (RFC 8058).
 */
export function UnsubscribePage({ ctx, token, topics }: { ctx: PageCtx; token: string; topics: string[] }) {
  const { t } = ctx;
  const name = topicNames(t, topics);
  return (
    <UnsubscribeFrame ctx={ctx} title={t('unsubscribe.title', { topic: name })}>
      <p>{t('unsubscribe.question', { topic: name })}</p>
      <p>{t('unsubscribe.explain')}</p>
      <form method="post" action={`/u/${token}`} class="form">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <button type="submit">{t('unsubscribe.button', { topic: name })}</button>
      </form>
      <p>
        <a href="/account/preferences">{t('unsubscribe.everything')}</a>
      </p>
    </UnsubscribeFrame>
  );
}

export function UnsubscribedPage({ ctx, topics }: { ctx: PageCtx; topics: string[] }) {
  const { t } = ctx;
  const name = topicNames(t, topics);
  return (
    <UnsubscribeFrame ctx={ctx} title={t('unsubscribe.doneTitle')}>
      <p role="status">{t('unsubscribe.done', { topic: name })}</p>
      <p>
        <a href="/account/preferences">{t('unsubscribe.everything')}</a>
      </p>
    </UnsubscribeFrame>
  );
}

/** A link that does not work, a request we cannot read, or too many requests: the title defaults to the first. */
export function UnsubscribeProblemPage({ ctx, text, title }: { ctx: PageCtx; text: string; title?: string }) {
  const { t } = ctx;
  return (
    <UnsubscribeFrame ctx={ctx} title={title ?? t('unsubscribe.invalidTitle')}>
      <p>{text}</p>
      <p>
        <a href="/account/preferences">{t('unsubscribe.everything')}</a>
      </p>
    </UnsubscribeFrame>
  );
}
