import { AdminLayout } from '../../staff/pages/admin-layout.tsx';
import { Notice } from '../../staff/pages/fields.tsx';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { formatDate } from '../../web/i18n/format.ts';
import type { Translate } from '../../web/i18n/messages.ts';
import type { PageCtx } from '../../web/page-context.ts';
import { APPLIANCE_CSV_COLUMNS } from '../appliance-csv.ts';
import { describeApplianceProblem, describeApplianceUnusable } from '../import-report.ts';
import type { ApplianceRunFailure, ApplianceRunView } from './run-appliance-import.ts';

/** /admin/appliances/import: the upload form, the expected header, the export link and the latest runs. */
export function ApplianceImportPage({
  ctx,
  runs,
  error,
}: {
  ctx: PageCtx;
  runs: ApplianceRunView[];
  error?: string | undefined;
}) {
  const { t, locale } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('applianceAdmin.import.title')}>
      <p>
        <a href="/admin/appliances">{t('applianceAdmin.back')}</a>
      </p>
      <h1>{t('applianceAdmin.import.title')}</h1>
      <form method="post" action="/admin/appliances/import" enctype="multipart/form-data" class="form">
        <CsrfField ctx={ctx} />
        {error ? (
          <div class="notice error" role="alert" tabIndex={-1} id="file-error">
            {error}
          </div>
        ) : null}
        <div class="field">
          <label for="file">{t('applianceAdmin.import.file')}</label>
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby={error ? 'file-hint file-error' : 'file-hint'}
            aria-invalid={error ? 'true' : undefined}
          />
          <p class="hint" id="file-hint">
            {t('imports.fileHint')}
          </p>
        </div>
        <p>
          <button type="submit">{t('imports.submit')}</button>
        </p>
      </form>
      <h2>{t('imports.header')}</h2>
      <pre>
        <code>{APPLIANCE_CSV_COLUMNS.join(',')}</code>
      </pre>
      <p>{t('applianceAdmin.import.headerHint')}</p>
      <h2>{t('imports.export')}</h2>
      <p>
        <a href="/admin/export/appliances.csv" download>
          {t('applianceAdmin.import.exportLink')}
        </a>
      </p>
      <h2>{t('imports.recent')}</h2>
      {runs.length === 0 ? (
        <p>{t('imports.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('imports.date')}</th>
                <th scope="col">{t('imports.fileColumn')}</th>
                <th scope="col">{t('imports.statusColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id}>
                  <td>{formatDate(r.createdAt, locale, ctx.timeZone, true)}</td>
                  <td>
                    <a href={`/admin/appliances/imports/${r.id}`}>{r.filename}</a>
                  </td>
                  <td>{t(`imports.status.${r.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}

/** One run: a progress bar that refreshes itself while running, then the summary and every problem in words. */
export function ApplianceImportRunPage({ ctx, run }: { ctx: PageCtx; run: ApplianceRunView }) {
  const { t } = ctx;
  const title = t('imports.run', { filename: run.filename });
  const running = run.status === 'importing' || run.status === 'validating';
  const skipped = new Set(run.problems.map((p) => p.line)).size;
  return (
    <AdminLayout ctx={ctx} title={title} refreshSeconds={running ? 1 : undefined}>
      <p>
        <a href="/admin/appliances/import">{t('applianceAdmin.import.back')}</a>
      </p>
      <h1>{title}</h1>
      <p>
        {t('imports.statusColumn')}: <strong>{t(`imports.status.${run.status}`)}</strong>
      </p>
      {running ? (
        <>
          <label for="import-progress">{t('imports.progress')}</label>
          <progress
            id="import-progress"
            class="progress"
            max={Math.max(run.totalRows, 1)}
            value={run.processedRows}
            aria-describedby="import-progress-text"
          />
          <p id="import-progress-text" role="status">
            {t('applianceAdmin.import.progressText', { done: run.processedRows, total: run.totalRows })}
          </p>
        </>
      ) : null}
      {run.status === 'interrupted' ? <Notice error>{t('imports.interrupted')}</Notice> : null}
      {run.status === 'failed' && run.failure ? <Notice error>{failureText(t, run.failure)}</Notice> : null}
      {run.status === 'done' ? (
        <>
          <Notice>
            {t('appliances.import.summary', {
              total: run.totalRows,
              created: run.created,
              updated: run.updated,
              skipped,
            })}
          </Notice>
          <h2>{t('imports.problems', { count: run.problems.length })}</h2>
          {run.problems.length === 0 ? (
            <p>{t('imports.noProblems')}</p>
          ) : (
            <ul>
              {run.problems.map((p, i) => (
                <li key={i}>{describeApplianceProblem(t, p)}</li>
              ))}
            </ul>
          )}
          <p>
            <a href="/admin/appliances">{t('applianceAdmin.title')}</a>
          </p>
        </>
      ) : null}
    </AdminLayout>
  );
}

function failureText(t: Translate, failure: ApplianceRunFailure): string {
  if ('internal' in failure) return t('imports.internal');
  return `${describeApplianceUnusable(t, { ok: false, ...failure })} ${t('imports.failedNothing')}`;
}
