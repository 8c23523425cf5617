import { CsrfField } from '../../web/components/csrf-field.tsx';
import type { PageCtx } from '../../web/page-context.ts';

/** The upload form of a CSV import page, with the refusal of the last upload (if any) tied to the file field. */
export function CsvUploadForm({
  ctx,
  action,
  fileLabel,
  error,
}: {
  ctx: PageCtx;
  action: string;
  fileLabel: string;
  error?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <form method="post" action={action} enctype="multipart/form-data" class="form">
      <CsrfField ctx={ctx} />
      {error ? (
        <div class="notice error" role="alert" tabIndex={-1} id="file-error">
          {error}
        </div>
      ) : null}
      <div class="field">
        <label for="file">{fileLabel}</label>
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
  );
}
