import { type ImportRunView, isRunning } from '../../jobs/import-run.ts';
import type { PageCtx } from '../../web/page-context.ts';
import { Notice } from './fields.tsx';

/**
 * The body of an import run page: its status, a progress bar while it runs, why it failed, or the summary and
 * every problem. The texts that differ per import arrive already worded by the caller.
 */
export function ImportRunReport({
  ctx,
  run,
  progressText,
  summary,
  failure,
  problems,
}: {
  ctx: PageCtx;
  run: ImportRunView<unknown>;
  progressText: string;
  summary: string;
  failure: string | null;
  problems: string[];
}) {
  const { t } = ctx;
  return (
    <>
      <p>
        {t('imports.statusColumn')}: <strong>{t(`imports.status.${run.status}`)}</strong>
      </p>
      {isRunning(run) ? (
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
            {progressText}
          </p>
        </>
      ) : null}
      {run.status === 'interrupted' ? <Notice error>{t('imports.interrupted')}</Notice> : null}
      {run.status === 'failed' && failure !== null ? <Notice error>{failure}</Notice> : null}
      {run.status === 'done' ? (
        <>
          <Notice>{summary}</Notice>
          <h2>{t('imports.problems', { count: problems.length })}</h2>
          {problems.length === 0 ? (
            <p>{t('imports.noProblems')}</p>
          ) : (
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </>
  );
}
