import type { OnErase } from '../../../db/personal-data.ts';
import { assetUrl } from '../../../web/assets.ts';
import { formatDate } from '../../../web/i18n/format.ts';
import type { MessageKey } from '../../../web/i18n/messages.ts';
import type { PageCtx } from '../../../web/page-context.ts';
import type { PersonalDataExport } from '../export-personal-data.ts';

/**
 * /account/privacy/export.html: the export as a readable page, one section per table, every value shown. A whole
 * document of its own (no shop navigation), so the downloaded file reads the same offline.
 */
export function ExportSummaryPage({ ctx, data }: { ctx: PageCtx; data: PersonalDataExport }) {
  const { t, locale } = ctx;
  const title = t('privacy.summaryTitle', { shop: data.shop });
  const tables = Object.entries(data.tables);
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <link rel="stylesheet" href={assetUrl('app.css')} />
      </head>
      <body>
        <main id="main" class="export-summary">
          <h1>{title}</h1>
          <p>
            {t('privacy.summaryIntro', {
              email: data.subject.email,
              at: formatDate(data.exportedAt, locale, ctx.timeZone, true),
            })}{' '}
            {t('privacy.summaryJson')}
          </p>
          <nav aria-label={title}>
            <ul>
              {data.household ? (
                <li>
                  <a href="#household">{t('privacy.summaryHousehold')}</a>
                </li>
              ) : null}
              {tables.map(([name, table]) => (
                <li key={name}>
                  <a href={`#${name}`}>{table.what}</a> (
                  {t('privacy.summaryRows', { count: table.rows.length })})
                </li>
              ))}
            </ul>
          </nav>
          {data.household ? (
            <section id="household" aria-labelledby="household-title">
              <h2 id="household-title">{t('privacy.summaryHousehold')}</h2>
              <p>
                {t('privacy.summaryMembers', {
                  names: data.household.members
                    .map((m) => {
                      const name = m.name ?? t('privacy.summaryNoName');
                      return m.you ? t('privacy.summaryYou', { name }) : name;
                    })
                    .join(', '),
                })}
              </p>
            </section>
          ) : null}
          {tables.map(([name, table]) => (
            <section key={name} id={name} aria-labelledby={`${name}-title`}>
              <h2 id={`${name}-title`}>{table.what}</h2>
              <p class="muted">
                {t('privacy.summaryOnErase', {
                  what: t(`privacy.onErase.${table.onErase as OnErase}` as MessageKey),
                })}
              </p>
              {table.rows.length === 0 ? (
                <p>{t('privacy.summaryEmpty')}</p>
              ) : (
                table.rows.map((row, i) => (
                  <dl key={i}>
                    {Object.entries(row).map(([column, value]) => (
                      <div key={column}>
                        <dt>{column}</dt>
                        <dd>{breakable(shown(value))}</dd>
                      </div>
                    ))}
                  </dl>
                ))
              )}
            </section>
          ))}
          <p>
            <a href="/account/privacy">{t('privacy.summaryBack')}</a>
          </p>
        </main>
      </body>
    </html>
  );
}

/** Long values (a message's HTML, a photo) are cut short here; the JSON file holds them whole. */
const SHOWN_CHARS = 300;

/** Long unbroken values (addresses, URLs, JSON) may wrap anywhere on a narrow screen: a <wbr> every few characters. */
function breakable(text: string) {
  const parts = text.match(/.{1,20}/gsu) ?? [''];
  return parts.flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]));
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}
