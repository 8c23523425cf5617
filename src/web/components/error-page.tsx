import type { PageCtx } from '../page-context.ts';
import { Layout } from './layout.tsx';

/** 404, 500 and other error pages, in the visitor's language, never with a stack trace. */
export function ErrorPage({
  ctx,
  status,
  message,
  requestId,
  fields,
}: {
  ctx: PageCtx;
  status: number;
  message: string;
  requestId?: string;
  fields?: Record<string, string> | undefined;
}) {
  const { t } = ctx;
  const title =
    status === 404
      ? t('error.notFoundTitle')
      : status >= 500
        ? t('error.serverTitle')
        : t('error.badRequestTitle');
  return (
    <Layout ctx={ctx} title={title} noindex>
      <section class="error-page">
        <h1>{title}</h1>
        <p>{message}</p>
        {fields ? (
          <ul>
            {Object.entries(fields).map(([k, v]) => (
              <li key={k}>{v}</li>
            ))}
          </ul>
        ) : null}
        {requestId && status >= 500 ? (
          <p class="muted">
            {t('error.code')}: <code>{requestId}</code>
          </p>
        ) : null}
        <p>
          <a href="/">{t('error.backHome')}</a>
        </p>
      </section>
    </Layout>
  );
}
