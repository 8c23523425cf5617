import type { FastifyBaseLogger } from 'fastify';
import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import type { ImportRunStatus } from '../../jobs/tables.ts';
import type { UnusableReason } from '../appliance-csv.ts';
import { type ApplianceImportProblem, importAppliances } from '../import-appliances.ts';

/** Why a whole run failed, stored as data so each reader sees it in their own language. */
export type ApplianceRunFailure =
  | { unusable: UnusableReason; detail?: string; line?: number }
  | { internal: true };

export type ApplianceRunView = {
  id: string;
  filename: string;
  status: ImportRunStatus | 'interrupted';
  totalRows: number;
  processedRows: number;
  created: number;
  updated: number;
  problems: ApplianceImportProblem[];
  failure: ApplianceRunFailure | null;
  createdAt: string;
};

const KIND = 'appliances';
// Runs of this process still working; a run marked 'importing' that is not here was cut off by a restart.
const running = new Set<string>();

/** What to do once a run has written appliances: the lookup index must learn about them. */
export type AfterImport = (applianceIds: string[]) => Promise<void>;

/**
 * Records an appliance CSV import (import_runs, kind 'appliances') and runs it in the background of this
 * process: progress after every batch, then 'done' with counts and per-line problems, or 'failed' with the
 * reason (nothing written). `afterImport` gets the written ids (to refresh the lookup) before the run is marked
 * done, so a finished progress page means a searchable result. Returns the run's id at once.
 */
export async function startApplianceImport(
  ctx: Ctx,
  input: { filename: string; file: Buffer; staffId: string },
  afterImport: AfterImport,
  log: FastifyBaseLogger,
): Promise<string> {
  const id = newId(ctx.clock.now().epochMilliseconds);
  await ctx.db
    .insertInto('import_runs')
    .values({
      id,
      kind: KIND,
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
  void runImport(ctx, id, input.file, afterImport, log).finally(() => running.delete(id));
  return id;
}

async function runImport(
  ctx: Ctx,
  id: string,
  file: Buffer,
  afterImport: AfterImport,
  log: FastifyBaseLogger,
): Promise<void> {
  const run = ctx.db.updateTable('import_runs').where('id', '=', id);
  let progress: Promise<unknown> = Promise.resolve();
  try {
    const result = await importAppliances(ctx, file, {
      onProgress: (done, total) => {
        progress = progress
          .then(() => run.set({ processed_rows: done, total_rows: total }).execute())
          .catch(() => {});
      },
    });
    await progress;
    if (!result.ok) {
      const failure: ApplianceRunFailure = {
        unusable: result.unusable,
        ...(result.detail ? { detail: result.detail.slice(0, 500) } : {}),
        ...(result.line ? { line: result.line } : {}),
      };
      await run
        .set({ status: 'failed', message: JSON.stringify(failure), finished_at: isoNow(ctx.clock) })
        .execute();
      return;
    }
    await afterImport(result.applianceIds);
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
    log.error({ err, importRun: id }, 'appliance import failed');
    await progress;
    await run
      .set({ status: 'failed', message: JSON.stringify({ internal: true }), finished_at: isoNow(ctx.clock) })
      .execute()
      .catch(() => {});
  }
}

/** One appliance import run as the progress page shows it, or null. */
export async function applianceImportRun(ctx: Ctx, id: string): Promise<ApplianceRunView | null> {
  const r = await ctx.db
    .selectFrom('import_runs')
    .selectAll()
    .where('id', '=', id)
    .where('kind', '=', KIND)
    .executeTakeFirst();
  return r ? present(r) : null;
}

/** The latest appliance imports, newest first. */
export async function recentApplianceImports(ctx: Ctx, limit = 20): Promise<ApplianceRunView[]> {
  const rows = await ctx.db
    .selectFrom('import_runs')
    .selectAll()
    .where('kind', '=', KIND)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(present);
}

function present(r: {
  id: string;
  filename: string;
  status: ImportRunStatus;
  total_rows: number;
  processed_rows: number;
  created_count: number;
  updated_count: number;
  errors_json: string;
  message: string | null;
  created_at: string;
}): ApplianceRunView {
  const interrupted = (r.status === 'importing' || r.status === 'validating') && !running.has(r.id);
  return {
    id: r.id,
    filename: r.filename,
    status: interrupted ? 'interrupted' : r.status,
    totalRows: r.total_rows,
    processedRows: r.processed_rows,
    created: r.created_count,
    updated: r.updated_count,
    problems: JSON.parse(r.errors_json) as ApplianceImportProblem[],
    failure: r.message ? (JSON.parse(r.message) as ApplianceRunFailure) : null,
    createdAt: r.created_at,
  };
}
