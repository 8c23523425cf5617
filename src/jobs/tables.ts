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

export type JobTables = {
  import_runs: ImportRunTable;
};
