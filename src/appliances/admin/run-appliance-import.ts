import type { FastifyBaseLogger } from 'fastify';
import type { Ctx } from '../../context.ts';
import {
  findImportRun,
  type ImportRunView,
  recentImportRuns,
  startImportRun,
} from '../../jobs/import-run.ts';
import { type ApplianceImportProblem, importAppliances } from '../import-appliances.ts';

export type { RunFailure as ApplianceRunFailure } from '../../jobs/import-run.ts';
export type ApplianceRunView = ImportRunView<ApplianceImportProblem>;

const KIND = 'appliances';

/** What to do once a run has written appliances: the lookup index must learn about them. */
export type AfterImport = (applianceIds: string[]) => Promise<void>;

/**
 * Records an appliance CSV import (import_runs, kind 'appliances') and runs it in the background of this
 * process: progress after every batch, then 'done' with counts and per-line problems, or 'failed' with the
 * reason (nothing written). `afterImport` gets the written ids (to refresh the lookup) before the run is marked
 * done, so a finished progress page means a searchable result. Returns the run's id at once.
 */
export function startApplianceImport(
  ctx: Ctx,
  input: { filename: string; file: Buffer; staffId: string },
  afterImport: AfterImport,
  log: FastifyBaseLogger,
): Promise<string> {
  return startImportRun(
    ctx,
    { kind: KIND, label: 'appliance', filename: input.filename, staffId: input.staffId },
    async (onProgress) => {
      const result = await importAppliances(ctx, input.file, { onProgress });
      if (result.ok) await afterImport(result.applianceIds);
      return result;
    },
    log,
  );
}

/** One appliance import run as the progress page shows it, or null. */
export function applianceImportRun(ctx: Ctx, id: string): Promise<ApplianceRunView | null> {
  return findImportRun<ApplianceImportProblem>(ctx, id, KIND);
}

/** The latest appliance imports, newest first. */
export function recentApplianceImports(ctx: Ctx, limit = 20): Promise<ApplianceRunView[]> {
  return recentImportRuns<ApplianceImportProblem>(ctx, KIND, limit);
}
