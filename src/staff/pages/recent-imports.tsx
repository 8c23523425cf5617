import type { ImportRunView } from '../../jobs/import-run.ts';
import { formatDate } from '../../web/i18n/format.ts';
import type { PageCtx } from '../../web/page-context.ts';

/** The latest import runs as a table, each file linking to its run page at `runHref(id)`. */
export function RecentImports({
  ctx,
  runs,
  runHref,
}: {
  ctx: PageCtx;
  runs: ImportRunView<unknown>[];
  runHref: (id: string) => string;
}) {
  const { t, locale } = ctx;
  return (
    <>
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
                    <a href={runHref(r.id)}>{r.filename}</a>
                  </td>
                  <td>{t(`imports.status.${r.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
