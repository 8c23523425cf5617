import { isRunning } from '../../jobs/import-run.ts';
import { AdminLayout } from '../../staff/pages/admin-layout.tsx';
import { CsvUploadForm } from '../../staff/pages/csv-upload-form.tsx';
import { ImportRunReport } from '../../staff/pages/import-run-report.tsx';
import { RecentImports } from '../../staff/pages/recent-imports.tsx';
import type { Translate } from '../../web/i18n/messages.ts';
import type { PageCtx } from '../../web/page-context.ts';
import { describeProblem, describeUnusable } from '../import-report.ts';
import { PRODUCT_CSV_COLUMNS } from '../product-csv.ts';
import type { ImportRunView, RunFailure } from './run-import.ts';

/** /admin/import: the upload form, the expected header, the export link and the latest runs. */
export function ImportPage({
  ctx,
  runs,
  error,
}: {
  ctx: PageCtx;
  runs: ImportRunView[];
  error?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('imports.title')}>
      <h1>{t('imports.title')}</h1>
      <CsvUploadForm ctx={ctx} action="/admin/import" fileLabel={t('imports.file')} error={error} />
      <h2>{t('imports.header')}</h2>
      <pre>
        <code>{PRODUCT_CSV_COLUMNS.join(',')}</code>
      </pre>
      <p>{t('imports.headerHint')}</p>
      <h2>{t('imports.export')}</h2>
      <p>
        <a href="/admin/export/products.csv" download>
          {t('imports.exportLink')}
        </a>
      </p>
      <p>
        <a href="/admin/appliances/import">{t('applianceAdmin.importExport')}</a>
      </p>
      <RecentImports ctx={ctx} runs={runs} runHref={(id) => `/admin/imports/${id}`} />
    </AdminLayout>
  );
}

/** One run: a progress bar that refreshes itself while running, then the summary and every problem in words. */
export function ImportRunPage({ ctx, run }: { ctx: PageCtx; run: ImportRunView }) {
  const { t } = ctx;
  const title = t('imports.run', { filename: run.filename });
  return (
    <AdminLayout ctx={ctx} title={title} refreshSeconds={isRunning(run) ? 1 : undefined}>
      <p>
        <a href="/admin/import">{t('imports.back')}</a>
      </p>
      <h1>{title}</h1>
      <ImportRunReport
        ctx={ctx}
        run={run}
        progressText={t('imports.progressText', { done: run.processedRows, total: run.totalRows })}
        summary={t('import.summary', {
          total: run.totalRows,
          created: run.created,
          updated: run.updated,
          skipped: run.totalRows - run.created - run.updated,
        })}
        failure={run.failure ? failureText(t, run.failure) : null}
        problems={run.problems.map((p) => describeProblem(t, p))}
      />
    </AdminLayout>
  );
}

function failureText(t: Translate, failure: RunFailure): string {
  if ('internal' in failure) return t('imports.internal');
  return `${describeUnusable(t, { ok: false, ...failure })} ${t('imports.failedNothing')}`;
}
