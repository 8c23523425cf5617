import { isRunning } from '../../jobs/import-run.ts';
import { AdminLayout } from '../../staff/pages/admin-layout.tsx';
import { CsvUploadForm } from '../../staff/pages/csv-upload-form.tsx';
import { ImportRunReport } from '../../staff/pages/import-run-report.tsx';
import { RecentImports } from '../../staff/pages/recent-imports.tsx';
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
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('applianceAdmin.import.title')}>
      <p>
        <a href="/admin/appliances">{t('applianceAdmin.back')}</a>
      </p>
      <h1>{t('applianceAdmin.import.title')}</h1>
      <CsvUploadForm
        ctx={ctx}
        action="/admin/appliances/import"
        fileLabel={t('applianceAdmin.import.file')}
        error={error}
      />
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
      <RecentImports ctx={ctx} runs={runs} runHref={(id) => `/admin/appliances/imports/${id}`} />
    </AdminLayout>
  );
}

/** One run: a progress bar that refreshes itself while running, then the summary and every problem in words. */
export function ApplianceImportRunPage({ ctx, run }: { ctx: PageCtx; run: ApplianceRunView }) {
  const { t } = ctx;
  const title = t('imports.run', { filename: run.filename });
  const skipped = new Set(run.problems.map((p) => p.line)).size;
  return (
    <AdminLayout ctx={ctx} title={title} refreshSeconds={isRunning(run) ? 1 : undefined}>
      <p>
        <a href="/admin/appliances/import">{t('applianceAdmin.import.back')}</a>
      </p>
      <h1>{title}</h1>
      <ImportRunReport
        ctx={ctx}
        run={run}
        progressText={t('applianceAdmin.import.progressText', {
          done: run.processedRows,
          total: run.totalRows,
        })}
        summary={t('appliances.import.summary', {
          total: run.totalRows,
          created: run.created,
          updated: run.updated,
          skipped,
        })}
        failure={run.failure ? failureText(t, run.failure) : null}
        problems={run.problems.map((p) => describeApplianceProblem(t, p))}
      />
      {run.status === 'done' ? (
        <p>
          <a href="/admin/appliances">{t('applianceAdmin.title')}</a>
        </p>
      ) : null}
    </AdminLayout>
  );
}

function failureText(t: Translate, failure: ApplianceRunFailure): string {
  if ('internal' in failure) return t('imports.internal');
  return `${describeApplianceUnusable(t, { ok: false, ...failure })} ${t('imports.failedNothing')}`;
}
