import { Layout } from '../../web/components/layout.tsx';
import type { PageCtx } from '../../web/page-context.ts';
import type { LedgerLine } from '../ledger-text.ts';
import { PreferencesNav } from './preferences-nav.tsx';

/** The consent ledger as a readable history, newest first. Read-only: the ledger has no way to change it. */
export function HistoryPage({ ctx, lines }: { ctx: PageCtx; lines: LedgerLine[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('history.title')} noindex>
      <PreferencesNav ctx={ctx} current="/account/preferences/history" />
      <h1>{t('history.title')}</h1>
      <p>{t('history.intro')}</p>
      {lines.length === 0 ? (
        <p>{t('history.empty')}</p>
      ) : (
        <ol class="history" reversed>
          {lines.map((line) => (
            <li key={line.id}>
              <time dateTime={line.at}>{line.when}</time>: {line.text}
              <br />
              <span class="muted">{line.detail}</span>
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
