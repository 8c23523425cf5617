import type { FastifyBaseLogger } from 'fastify';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import type { Unusable, UnusableReason } from '../read-csv-file.ts';
import type { ImportRunStatus, ImportRunTable } from './tables.ts';

/** Why a whole run failed, stored as data so each reader sees it in their own language. */
export type RunFailure = { unusable: UnusableReason; detail?: string; line?: number } | { internal: true };

/** One import_runs row as a progress page shows it; `P` is the importing domain's per-line problem. */
export type ImportRunView<P> = {
  id: string;
  filename: string;
  status: ImportRunStatus | 'interrupted';
  totalRows: number;
  processedRows: number;
  created: number;
  updated: number;
  problems: P[];
  failure: RunFailure | null;
  createdAt: string;
};

/** What an import reports when it ends: the file refused as a whole, or counts and per-line problems. */
export type ImportOutcome<P> =
  | Unusable
  | { ok: true; total: number; created: number; updated: number; problems: P[] };

// Runs of this process still working; a run marked 'importing' that is not here was cut off by a restart.
const running = new Set<string>();

/**
 * Records a CSV import in import_runs (as `kind`) and runs `work` in the background of this process: progress is
 * written whenever `work` reports it, then 'done' with counts and the per-line problems, or 'failed' with the
 * reason. An exception from `work` is logged as "<label> import failed" and stored as an internal failure.
 * Returns the run's id at once, for the progress page.
 */
export async function startImportRun<P>(
  ctx: Ctx,
  input: { kind: string; label: string; filename: string; staffId: string },
  work: (onProgress: (done: number, total: number) => void) => Promise<ImportOutcome<P>>,
  log: FastifyBaseLogger,
): Promise<string> {
  const id = newId(ctx.clock.now().epochMilliseconds);
  await ctx.db
    .insertInto('import_runs')
    .values({
      id,
      kind: input.kind,
      filename: input.filename.slice(0, 200),
      status: 'importing',
      total_rows: 0,
      processed_rows: 0,
      created_count: 0,
      updated_count: 0,
      errors_json: '[]',
      message: null,
      created_by: input.staffId,
      created_at: isoNow(ctx.clock),
      finished_at: null,
    })
    .execute();
  running.add(id);
  void runImport(ctx, id, input.label, work, log).finally(() => running.delete(id));
  return id;
}

async function runImport<P>(
  ctx: Ctx,
  id: string,
  label: string,
  work: (onProgress: (done: number, total: number) => void) => Promise<ImportOutcome<P>>,
  log: FastifyBaseLogger,
): Promise<void> {
  const run = ctx.db.updateTable('import_runs').where('id', '=', id);
  let progress: Promise<unknown> = Promise.resolve();
  try {
    const result = await work((done, total) => {
      progress = progress
        .then(() => run.set({ processed_rows: done, total_rows: total }).execute())
        .catch(() => {});
    });
    await progress;
    if (!result.ok) {
      const failure: RunFailure = {
        unusable: result.unusable,
        ...(result.detail ? { detail: result.detail.slice(0, 500) } : {}),
        ...(result.line ? { line: result.line } : {}),
      };
      await run
        .set({ status: 'failed', message: JSON.stringify(failure), finished_at: isoNow(ctx.clock) })
        .execute();
      return;
    }
    await run
      .set({
        status: 'done',
        total_rows: result.total,
        processed_rows: result.total,
        created_count: result.created,
        updated_count: result.updated,
        errors_json: JSON.stringify(result.problems.slice(0, 5000)),
        finished_at: isoNow(ctx.clock),
      })
      .execute();
  } catch (err) {
    log.error({ err, importRun: id }, `${label} import failed`);
    await progress;
    await run
      .set({ status: 'failed', message: JSON.stringify({ internal: true }), finished_at: isoNow(ctx.clock) })
      .execute()
      .catch(() => {});
  }
}

/** One run as the progress page shows it, or null; with `kind`, only a run of that kind. */
export async function findImportRun<P>(
  ctx: Ctx,
  id: string,
  kind?: string,
): Promise<ImportRunView<P> | null> {
  let query = ctx.db.selectFrom('import_runs').selectAll().where('id', '=', id);
  if (kind !== undefined) query = query.where('kind', '=', kind);
  const r = await query.executeTakeFirst();
  return r ? present<P>(r) : null;
}

/** The latest runs of one kind, newest first. */
export async function recentImportRuns<P>(
  ctx: Ctx,
  kind: string,
  limit: number,
): Promise<ImportRunView<P>[]> {
  const rows = await ctx.db
    .selectFrom('import_runs')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => present<P>(r));
}

/** Whether the run is still working, so its page should refresh itself. */
export function isRunning(run: ImportRunView<unknown>): boolean {
  return run.status === 'importing' || run.status === 'validating';
}

function present<P>(r: ImportRunTable): ImportRunView<P> {
  const interrupted = (r.status === 'importing' || r.status === 'validating') && !running.has(r.id);
  return {
    id: r.id,
    filename: r.filename,
    status: interrupted ? 'interrupted' : r.status,
    totalRows: r.total_rows,
    processedRows: r.processed_rows,
    created: r.created_count,
    updated: r.updated_count,
    problems: JSON.parse(r.errors_json) as P[],
    failure: r.message ? (JSON.parse(r.message) as RunFailure) : null,
    createdAt: r.created_at,
  };
}
