import { parse } from 'csv-parse/sync';

/** Why a CSV file cannot be read as a given format at all; the caller words it in its language. */
export type UnusableReason =
  | 'not-utf8'
  | 'empty'
  | 'not-csv'
  | 'missing-columns'
  | 'unknown-columns'
  | 'duplicate-columns';
export type Unusable = { ok: false; unusable: UnusableReason; detail?: string; line?: number };

/** One data record: the file line it ends on (1 = header) and its raw cells, however many there are. */
export type CsvRecord = { line: number; cells: string[] };
export type CsvFile<C extends string> = { ok: true; header: C[]; records: CsvRecord[] } | Unusable;

/**
 * Reads a CSV file (UTF-8, optional BOM, header row, RFC 4180 quoting) whose header names the given `columns`
 * in any order, lower-cased and trimmed; `optional` columns may be left out. A file that is not UTF-8, not CSV,
 * or whose header names an unknown column, a column twice or lacks a required one is unusable as a whole.
 * Record line numbers follow quoted newlines; records whose cell count differs from the header's are returned
 * as they are, for the caller to report.
 */
export function readCsvFile<C extends string>(
  file: Buffer | string,
  format: { columns: readonly C[]; optional?: readonly C[] },
): CsvFile<C> {
  let text: string;
  try {
    text = typeof file === 'string' ? file : new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return { ok: false, unusable: 'not-utf8' };
  }
  if (text.trim() === '') return { ok: false, unusable: 'empty' };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as never;
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    return { ok: false, unusable: 'not-csv', line: e.lines, detail: e.message };
  }
  const header = (records[0]?.record ?? []).map((h) => h.trim().toLowerCase());
  const unknown = header.filter((h) => !(format.columns as readonly string[]).includes(h));
  if (unknown.length > 0) return { ok: false, unusable: 'unknown-columns', detail: unknown.join(', ') };
  if (new Set(header).size !== header.length) return { ok: false, unusable: 'duplicate-columns' };
  const optional = format.optional ?? [];
  const missing = format.columns.filter((c) => !optional.includes(c) && !header.includes(c));
  if (missing.length > 0) return { ok: false, unusable: 'missing-columns', detail: missing.join(', ') };
  return {
    ok: true,
    header: header as C[],
    // info.lines is the line a record ends on; quoted newlines make records span lines.
    records: records.slice(1).map((r) => ({ line: r.info.lines, cells: r.record })),
  };
}
