export type ImportRunStatus = 'validating' | 'importing' | 'done' | 'failed';

/** One CSV import, so its progress and per-line report can be shown while it runs and afterwards. */
export type ImportRunTable = {
  id: string;
  kind: string;
  filename: string;
  status: ImportRunStatus;
  total_rows: number;
  processed_rows: number;
  created_count: number;
  updated_count: number;
  /** JSON array of { line, reason } */
  errors_json: string;
  message: string | null;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
};

/**
 * Durable work to do after a commit (confirmation e-mail, fulfilment), written in the transaction that
 * caused it and run by a worker (see run-jobs.ts). A 'running' job whose `locked_until` has passed lost
 * its worker and is claimed again.
 */
export type JobTable = {
  id: string;
  kind: string;
  payload_json: string;
  status: JobStatus;
  run_at: string;
  /** Claims so far, the current one included. */
  attempts: number;
  last_error: string | null;
  /** Unique: the same job is never enqueued twice (e.g. 'order-confirmation:<order id>'). */
  idempotency_key: string;
  /** While 'running': when the claim runs out. */
  locked_until: string | null;
  /** While 'running': the token of the claim; only its holder may finish the job. */
  locked_by: string | null;
  created_at: string;
  updated_at: string;
};

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export type JobTables = {
  import_runs: ImportRunTable;
  jobs: JobTable;
};
