import type { FastifyBaseLogger } from 'fastify';
import type { Ctx } from '../../context.ts';
import {
  findImportRun,
  type ImportRunView as RunView,
  recentImportRuns,
  startImportRun,
} from '../../jobs/import-run.ts';
import { type ImportProblem, importProducts } from '../import-products.ts';

export type { RunFailure } from '../../jobs/import-run.ts';
export type ImportRunView = RunView<ImportProblem>;

const KIND = 'products';

/**
 * Records a product CSV import and runs it in the background of this process: progress is written after every
 * chunk, then 'done' with counts and the per-line problems, or 'failed' with the reason (nothing written).
 * Returns the run's id at once, for the progress page.
 */
export function startImport(
  ctx: Ctx,
  input: { filename: string; file: Buffer; staffId: string },
  log: FastifyBaseLogger,
): Promise<string> {
  return startImportRun(
    ctx,
    { kind: KIND, label: 'product', filename: input.filename, staffId: input.staffId },
    (onProgress) => importProducts(ctx, input.file, { onProgress }),
    log,
  );
}

/** One run as the progress page shows it, or null; runs of any kind, as /admin/imports/:id always has. */
export function importRun(ctx: Ctx, id: string): Promise<ImportRunView | null> {
  return findImportRun<ImportProblem>(ctx, id);
}

/** The latest product imports, newest first. */
export function recentImports(ctx: Ctx, limit = 20): Promise<ImportRunView[]> {
  return recentImportRuns<ImportProblem>(ctx, KIND, limit);
}
